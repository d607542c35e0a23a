#!/usr/bin/env bash
# Where distill-roi's ingest time goes inside SQLite (a profiling aid, not part of `make bench`).
#
#   Benchmarks/scripts/store-experiment.sh [SIZE]      SIZE = a folder under .build-bench-data/ (default 1000000)
#
# Loads the benchmark's completion rows (SIZE/completions.csv, which `make bench` writes) into
# distill-roi's own `requests` schema with one INSERT ... SELECT in the sqlite3 shell: no JSON
# parsing, no Swift, no binding, the same 48 MiB page cache as an ingest. The shell cannot call
# distill-roi's key hash, so a random 64-bit value per row stands in for it (the same spread, so
# the same index work). Three variants, each timed with /usr/bin/time: the full schema (unique
# key-hash index, time index, CHECKs), without the time index, and without the key-hash index. The
# differences are the cost of each piece per row; the full schema is the floor any writer of this
# schema pays on this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-1000000}
csv=.build-bench-data/$size/completions.csv
bin=.build/release/distill-roi
[[ -f $csv ]] || { echo "$csv is missing: run make bench first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sqlite3 "$work/rows.sqlite" "CREATE TABLE completions(id TEXT, created INTEGER, model TEXT, service_tier TEXT,
    prompt_tokens INTEGER, cached_tokens INTEGER, completion_tokens INTEGER, reasoning_tokens INTEGER,
    use_case TEXT, purpose TEXT);" ".import --csv --skip 1 $csv completions" \
    "ALTER TABLE completions ADD COLUMN key_hash INTEGER; UPDATE completions SET key_hash = random();"
rows=$(sqlite3 "$work/rows.sqlite" "SELECT count(*) FROM completions")

run() {  # name, SQL to run on the fresh schema first, [conflict clause]
    local db="$work/$1.sqlite"
    "$bin" ingest file ".build-bench-data/$size/fine-tuning-jobs.json" --db "$db" >/dev/null  # every migration applied
    sqlite3 "$db" "PRAGMA journal_mode=WAL; $2" >/dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" sqlite3 "$db" "
        PRAGMA cache_size=-49152; ATTACH '$work/rows.sqlite' AS src;
        INSERT OR IGNORE INTO sources(id, name) VALUES (1, 'experiment');
        INSERT OR IGNORE INTO models(name) SELECT DISTINCT model FROM src.completions;
        BEGIN;
        INSERT INTO requests (request_key, key_hash, source_id, model_id, created_at, service_tier, input_tokens,
            cached_input_tokens, output_tokens, reasoning_tokens, status)
        SELECT c.id, c.key_hash, 1, m.id, c.created, c.service_tier, c.prompt_tokens, c.cached_tokens,
            c.completion_tokens, c.reasoning_tokens, 'ok'
        FROM src.completions c JOIN models m ON m.name = c.model
        ${3-WHERE true ON CONFLICT(key_hash) DO NOTHING};
        COMMIT;" >/dev/null
    read -r wall user sys rss < "$work/time"
    awk -v n="$rows" -v w="$wall" -v u="$user" -v s="$sys" -v name="$1" \
        'BEGIN { printf "%-24s %6.2f s wall %6.2f s CPU  %9.0f rows/s (CPU)\n", name, w, u + s, n / (u + s) }'
}

# Without the key-hash index the table keeps its UNIQUE column but loses the constraint's index:
# rebuild it with the same columns and no UNIQUE, as v4 does the other way round.
no_key_index="DROP TRIGGER requests_mark_update; DROP TRIGGER requests_mark_delete;
    CREATE TABLE requests_plain AS SELECT * FROM requests WHERE 0;
    DROP TABLE request_content; DROP TABLE requests; ALTER TABLE requests_plain RENAME TO requests;
    CREATE INDEX requests_by_time ON requests(created_at, model_id);"

echo "$rows completion rows into distill-roi's requests schema, one INSERT ... SELECT:"
run full-schema ""
run no-time-index "DROP INDEX requests_by_time;"
run no-key-hash-index "$no_key_index" ""
