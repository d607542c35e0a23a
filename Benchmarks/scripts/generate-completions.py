#!/usr/bin/env python3
"""Writes N chat.completion objects (or, with a second argument `responses`, Responses API objects) as
JSON Lines, shaped as the API returns them (for bench-ingest.sh)."""
import json, random, sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
responses = len(sys.argv) > 2 and sys.argv[2] == "responses"
random.seed(42)
models = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-2024-07-18:acme:support:AbC123"]
use_cases = ["support", "search", "summarize", "triage"]
out = sys.stdout
start = 1_790_000_000
for i in range(count):
    prompt = random.randint(200, 4000)
    completion = random.randint(10, 800)
    line = {
        "id": "chatcmpl-%024x" % random.getrandbits(96),
        "object": "chat.completion",
        "created": start + i * 3,
        "model": models[i % 3],
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Thanks, your ticket is updated.",
                     "refusal": None, "annotations": []}, "logprobs": None, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                  "prompt_tokens_details": {"cached_tokens": (prompt // 2) & ~127, "audio_tokens": 0},
                  "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
        "service_tier": "default",
        "metadata": {"use_case": use_cases[i % 4], "purpose": "production"},
        "system_fingerprint": "fp_fc9f1d7035",
    }
    if responses:
        cached = (prompt // 2) & ~127
        line = {
            "id": "resp_%048x" % random.getrandbits(192),
            "object": "response",
            "created_at": start + i * 3,
            "status": "completed",
            "error": None,
            "incomplete_details": None,
            "instructions": "You are a support agent for Acme. Answer briefly.",
            "model": models[i % 3],
            "output": [{"id": "msg_%048x" % random.getrandbits(192), "type": "message", "status": "completed",
                        "role": "assistant", "content": [{"type": "output_text", "annotations": [], "logprobs": [],
                                                          "text": "Thanks, your ticket is updated."}]}],
            "parallel_tool_calls": True,
            "previous_response_id": None,
            "reasoning": {"effort": None, "summary": None},
            "service_tier": "default",
            "store": True,
            "temperature": 1.0,
            "text": {"format": {"type": "text"}, "verbosity": "medium"},
            "tool_choice": "auto",
            "tools": [],
            "top_p": 1.0,
            "truncation": "disabled",
            "usage": {"input_tokens": prompt, "input_tokens_details": {"cached_tokens": cached},
                      "output_tokens": completion, "output_tokens_details": {"reasoning_tokens": 0},
                      "total_tokens": prompt + completion},
            "user": None,
            "metadata": {"use_case": use_cases[i % 4], "purpose": "production"},
        }
    out.write(json.dumps(line, separators=(",", ":")) + "\n")
