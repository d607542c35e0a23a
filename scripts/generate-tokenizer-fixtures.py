#!/usr/bin/env python3
"""Writes tiktoken's token ids for the tokenizer test corpus, so the Swift tests can compare exactly.

Reads  Tests/TokenizerTests/Fixtures/corpus.jsonl         (hand-written cases, edited by people)
Writes Tests/TokenizerTests/Fixtures/corpus-random.jsonl  (seeded random strings over tricky classes)
       Tests/TokenizerTests/Fixtures/tiktoken-ids.jsonl   (per case: o200k_base and cl100k_base ids)
And for the training-file analysis, the cookbook's own per-example counts:
Reads  Tests/TokenizerTests/Fixtures/training-sample.jsonl
Writes Tests/TokenizerTests/Fixtures/training-sample-cookbook.json

A case is {"name", "text"} or {"name", "bytes_base64"} for raw bytes that may be invalid UTF-8;
those are decoded with errors="replace" first, the rule distill-roi states for raw input.
Uses `pip install tiktoken` and the rank files from `make tokenizer-data`; no network.
Usage: scripts/generate-tokenizer-fixtures.py [DATA_DIR]   (default .cache/tiktoken)
"""
import base64
import json
import os
import random
import sys

import tiktoken
import tiktoken.load
from tiktoken_ext import openai_public

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "TokenizerTests", "Fixtures")

def load_encodings(data_dir):
    """tiktoken's own o200k_base and cl100k_base definitions (pattern, special tokens) from
    tiktoken_ext/openai_public.py, with the rank file read from data_dir instead of downloaded."""

    def load_local(url, expected_hash=None):
        path = os.path.join(data_dir, url.rsplit("/", 1)[-1])
        return tiktoken.load.load_tiktoken_bpe(path, expected_hash=expected_hash)

    openai_public.load_tiktoken_bpe = load_local
    return {name: tiktoken.Encoding(**openai_public.ENCODING_CONSTRUCTORS[name]())
            for name in ("o200k_base", "cl100k_base")}


# Scalars chosen to hit every class the two patterns distinguish: cases (Lu, Ll, Lt, Lm, Lo),
# marks (Mn, Mc, Me), numbers (Nd, Nl, No), whitespace kinds, line breaks, apostrophes, slashes,
# punctuation, symbols, controls, format characters, supplementary planes.
ALPHABET = list("aAzZeElLsStTmMdDrRvV") + list("0123456789") + [
    " ", " ", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u2028", "\u0085", "\u000b",
    "'", "'", "/", "!", ".", ",", "-", "(", ")", "\"", "#", "€", "→",
    "\u0301", "\u0308", "\u0903", "\u20dd", "ǅ", "ʰ", "ˆ", "ſ", "ß", "É", "é", "İ", "ı",
    "中", "あ", "カ", "한", "ا", "ب", "\u064e", "ก", "\u0e34", "Ω", "ω", "Ж", "ж",
    "Ⅻ", "½", "²", "١", "０", "𝟙", "😀", "👍🏽", "🇫🇷", "\u200b", "\u200d", "\ufeff", "\x00", "\x7f", "𠀀",
]
CHUNKS = ["'s", "'S", "'ll", "'LL", "'Re", "'ve", "'D", "'m", "'T", " '", "\r\n", "  ", "\n\n", "//",
          "Hello", "HELLO", "hello", "McDonald", "iOS", "123", "1234", " 12", "ǅa", "Aʰ", "a\u0301"]


def random_cases(count, seed=20261129):
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        parts = []
        for _ in range(rng.randint(1, 40)):
            parts.append(rng.choice(CHUNKS) if rng.random() < 0.25 else rng.choice(ALPHABET))
        cases.append({"name": "random %04d" % index, "text": "".join(parts)})
    return cases


def case_text(case):
    if "text" in case:
        return case["text"]
    return base64.b64decode(case["bytes_base64"]).decode("utf-8", errors="replace")


def cookbook_counts(encoding, dataset):
    """num_tokens_from_messages and num_assistant_tokens_from_messages, verbatim from the cookbook's
    Chat_finetuning_data_prep.ipynb, with the encoding passed in instead of a cl100k_base global."""

    def num_tokens_from_messages(messages, tokens_per_message=3, tokens_per_name=1):
        num_tokens = 0
        for message in messages:
            num_tokens += tokens_per_message
            for key, value in message.items():
                num_tokens += len(encoding.encode(value))
                if key == "name":
                    num_tokens += tokens_per_name
        num_tokens += 3
        return num_tokens

    def num_assistant_tokens_from_messages(messages):
        num_tokens = 0
        for message in messages:
            if message["role"] == "assistant":
                num_tokens += len(encoding.encode(message["content"]))
        return num_tokens

    return {
        "tokens": [num_tokens_from_messages(ex["messages"]) for ex in dataset],
        "assistant_tokens": [num_assistant_tokens_from_messages(ex["messages"]) for ex in dataset],
        "messages": [len(ex["messages"]) for ex in dataset],
    }


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".cache", "tiktoken")
    encodings = load_encodings(data_dir)
    with open(os.path.join(FIXTURES, "corpus.jsonl"), encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    generated = random_cases(1500)
    with open(os.path.join(FIXTURES, "corpus-random.jsonl"), "w", encoding="utf-8") as f:
        for case in generated:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    with open(os.path.join(FIXTURES, "tiktoken-ids.jsonl"), "w", encoding="utf-8") as f:
        for case in cases + generated:
            text = case_text(case)
            record = {"name": case["name"]}
            for name, encoding in encodings.items():
                record[name] = encoding.encode_ordinary(text)
            f.write(json.dumps(record) + "\n")
    with open(os.path.join(FIXTURES, "training-sample.jsonl"), encoding="utf-8") as f:
        dataset = [json.loads(line) for line in f if line.strip()]
    with open(os.path.join(FIXTURES, "training-sample-cookbook.json"), "w", encoding="utf-8") as f:
        json.dump({name: cookbook_counts(encoding, dataset) for name, encoding in encodings.items()}, f)
        f.write("\n")
    print("wrote ids for %d cases (tiktoken %s)" % (len(cases) + len(generated), tiktoken.__version__))


if __name__ == "__main__":
    main()
