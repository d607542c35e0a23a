#!/usr/bin/env python3
"""Tokenizer throughput, distill-roi against tiktoken on the same text, and a large exactness check.

Builds four texts in a scratch folder: English prose (the licence texts in /usr/share/common-licenses),
source code (the Python standard library's .py files), a multilingual mix (the test corpus's
hand-written cases: CJK, Arabic, Thai, emoji, code, numbers...) and the corpus's "long" cases alone
(runs of 500-1,000 identical characters, the worst case of byte-pair merging). For each text and encoding it
  - checks that `distill-roi tokens count --ids` prints exactly tiktoken's ids, and
  - times tiktoken's encode_ordinary (one thread, best of 5) and `distill-roi tokens count` as the
    difference between the command on the text written twice and on the text once (best of 5 each),
    which cancels start-up and rank loading; start-up alone is the command on an empty file.
Prints a Markdown table for Benchmarks/README.md. Needs `pip install tiktoken`, `make tokenizer-data` and a
release build (`swift build -c release --product distill-roi`).
Usage: Benchmarks/scripts/tokenizer-benchmark.py [MEGABYTES_PER_TEXT]   (default 8)
"""
import glob
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, ".build", "release", "distill-roi")


def load_generator():
    spec = importlib.util.spec_from_file_location("fixtures", os.path.join(ROOT, "scripts", "generate-tokenizer-fixtures.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def repeated_to(text, size):
    data = text.encode("utf-8")
    return (data * (size // max(len(data), 1) + 1))[:size].decode("utf-8", errors="ignore")


def texts(size):
    prose = "\n\n".join(open(p, encoding="utf-8", errors="replace").read()
                        for p in sorted(glob.glob("/usr/share/common-licenses/*")) if os.path.isfile(p))
    code_parts, total = [], 0
    for path in sorted(glob.glob(os.path.join(os.path.dirname(os.__file__), "**", "*.py"), recursive=True)):
        part = open(path, encoding="utf-8", errors="replace").read()
        code_parts.append(part)
        total += len(part)
        if total > size:
            break
    with open(os.path.join(ROOT, "Tests", "TokenizerTests", "Fixtures", "corpus.jsonl"), encoding="utf-8") as f:
        cases = [json.loads(line) for line in f]
    def is_long(case):
        return case["name"].startswith("long") or case["name"] == "whitespace run long"
    mixed = "\n".join(case.get("text", "") for case in cases if not is_long(case))
    runs = "\n".join(case.get("text", "") for case in cases if is_long(case))
    return {"English prose": repeated_to(prose, size), "Python source": repeated_to("".join(code_parts), size),
            "multilingual mix": repeated_to(mixed, size), "long runs (worst case)": repeated_to(runs, size)}


def best_of(runs, function):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def run_binary(arguments):
    return subprocess.run([BINARY, "tokens", "count"] + arguments, check=True, capture_output=True, text=True,
                          cwd=ROOT).stdout


def main():
    size = int(float(sys.argv[1]) * 1_000_000) if len(sys.argv) > 1 else 8_000_000
    encodings = load_generator().load_encodings(os.path.join(ROOT, ".cache", "tiktoken"))
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        empty = os.path.join(scratch, "empty.txt")
        open(empty, "w").close()
        doubled = os.path.join(scratch, "doubled.txt")
        for label, text in texts(size).items():
            path = os.path.join(scratch, "text.txt")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            with open(doubled, "w", encoding="utf-8", newline="") as f:
                f.write(text + text)
            megabytes = len(text.encode("utf-8")) / 1e6
            for name, encoding in encodings.items():
                expected = encoding.encode_ordinary(text)
                ours = [int(x) for x in run_binary(["--encoding", name, "--ids", path]).split()]
                if ours != expected:
                    first = next((i for i, (a, b) in enumerate(zip(ours, expected)) if a != b), min(len(ours), len(expected)))
                    sys.exit(f"MISMATCH on {label} / {name} at token {first}: ours {ours[first:first + 5]} tiktoken {expected[first:first + 5]}")
                tiktoken_seconds = best_of(5, lambda: encoding.encode_ordinary(text))
                startup = best_of(5, lambda: run_binary(["--encoding", name, empty]))
                once = best_of(5, lambda: run_binary(["--encoding", name, path]))
                twice = best_of(5, lambda: run_binary(["--encoding", name, doubled]))
                ours_seconds = max(twice - once, 1e-9)
                rows.append((label, name, megabytes, len(expected), megabytes / ours_seconds,
                             megabytes / tiktoken_seconds, startup))
    print("| text | encoding | MB | tokens (equal ids) | distill-roi MB/s | tiktoken MB/s | ratio | start-up |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for label, name, megabytes, tokens, ours, theirs, startup in rows:
        print(f"| {label} | {name} | {megabytes:.1f} | {tokens:,} | {ours:.1f} | {theirs:.1f} | "
              f"{ours / theirs:.2f}× | {startup * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
