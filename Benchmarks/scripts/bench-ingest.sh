#!/usr/bin/env bash
# Benchmark of `distill-roi ingest file` on generated chat.completion JSON Lines (not a test).
#
#   Benchmarks/scripts/bench-ingest.sh [RECORDS]   default 1000000 (about 690 MB)
#   Benchmarks/scripts/bench-ingest.sh 1500000     about 1 GB, to check that memory stays flat
#   GZIP=1 Benchmarks/scripts/bench-ingest.sh      the same file gzip-compressed
#   SHAPE=responses Benchmarks/scripts/bench-ingest.sh   Responses API objects instead
#
# Prints records/s by wall clock and by CPU time (user + sys over both threads), and the
# peak resident memory from /usr/bin/time -v; then, from Benchmarks/IngestBenchmark, the CPU time of
# parsing alone next to the whole ingest. Files go to a temporary folder that is removed.
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product distill-roi >/dev/null
swift build -c release --product ingest-benchmark >/dev/null
python3 Benchmarks/scripts/generate-completions.py "$records" "${SHAPE:-chat}" > "$work/completions.jsonl"
input="$work/completions.jsonl"
if [[ "${GZIP:-0}" == 1 ]]; then gzip -1 "$input"; input="$input.gz"; fi
size=$(stat -c %s "$input")

/usr/bin/time -v .build/release/distill-roi ingest file --db "$work/bench.sqlite" "$input" \
    > "$work/summary.txt" 2> "$work/time.txt"

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
user=$(awk -F': ' '/User time/ { print $2 }' "$work/time.txt")
sys=$(awk -F': ' '/System time/ { print $2 }' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
cat "$work/summary.txt"
awk -v n="$records" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$size" 'BEGIN {
    printf "records        %d (%.0f MB read)\n", n, b / 1e6
    printf "wall clock     %.2f s  -> %.0f records/s\n", w, n / w
    printf "CPU (user+sys) %.2f s  -> %.0f records/s on one core\n", u + s, n / (u + s)
    printf "peak RSS       %.0f MB\n", r / 1024
}'
if [[ "${GZIP:-0}" != 1 ]]; then
    echo "split (CPU time of one process: parsing alone, then the whole ingest again into a fresh file):"
    .build/release/ingest-benchmark "$input" "$work/split.sqlite"
fi
