#!/usr/bin/env python3
"""Writes N chat.completion objects as JSON Lines, shaped as the API returns them (for bench-ingest.sh)."""
import json, random, sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
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
    out.write(json.dumps(line, separators=(",", ":")) + "\n")
