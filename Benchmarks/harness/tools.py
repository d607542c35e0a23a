#!/usr/bin/env python3
"""The pandas and DuckDB sides of `make bench`: each subcommand is one timed process.

    tools.py pandas-ingest  JSONL DB        pd.read_json(lines=True, chunks) -> DataFrame -> to_sql into SQLite
    tools.py duckdb-ingest  JSONL DB        DuckDB read_json -> a table in a DuckDB file
    tools.py pandas-weekly  DB WEEK         the week's rows from that SQLite file, pandas group-by, priced
    tools.py duckdb-weekly  DB WEEK         one SQL group-by on the DuckDB table, priced
    tools.py csv            JSONL CSV       the same columns as CSV, for the sqlite3 shell's .import (not timed)

The weekly subcommands print one JSON object: {"spend": "...", "models": {model: {"cost", "requests",
"input", "cached", "output"}}} with money as exact decimal text, so Benchmarks/harness/run.py can
check that all three tools agree before it prints any time.

Both tools read the same fields distill-roi keeps for cost work: id, created, model, service_tier,
usage.prompt_tokens (which includes cached tokens), usage.prompt_tokens_details.cached_tokens,
usage.completion_tokens (which includes reasoning tokens), usage.completion_tokens_details.reasoning_tokens,
metadata.use_case and metadata.purpose.
"""
import json
import sys
from decimal import Decimal

# Prices per 1M tokens from pricing/openai.yaml, the periods in force in 2026 (effective 2024-10-01),
# keyed by (model, batch): (input, cached input, output). gpt-4o's batch tier lists no cached price,
# so cached tokens are billed at its batch input price there. completions.jsonl holds no Batch API
# traffic (that is batch-output.jsonl), so the batch rows are here for completeness only.
PRICES = {
    ("gpt-4o-2024-08-06", False): (Decimal("2.50"), Decimal("1.25"), Decimal("10.00")),
    ("gpt-4o-2024-08-06", True): (Decimal("1.25"), Decimal("1.25"), Decimal("5.00")),
    ("gpt-4o-mini-2024-07-18", False): (Decimal("0.15"), Decimal("0.075"), Decimal("0.60")),
    ("gpt-4o-mini-2024-07-18", True): (Decimal("0.075"), Decimal("0.075"), Decimal("0.30")),
    ("ft:gpt-4o-mini-2024-07-18:acme:support:AbC123", False): (Decimal("0.30"), Decimal("0.15"), Decimal("1.20")),
    ("ft:gpt-4o-mini-2024-07-18:acme:support:AbC123", True): (Decimal("0.15"), Decimal("0.075"), Decimal("0.60")),
}
MILLION = Decimal(1_000_000)


def week_bounds(label):
    """Unix seconds [start, end) of an ISO week such as 2026-W48, in UTC."""
    import datetime
    year, week = label.split("-W")
    monday = datetime.date.fromisocalendar(int(year), int(week), 1)
    start = int(datetime.datetime(monday.year, monday.month, monday.day, tzinfo=datetime.timezone.utc).timestamp())
    return start, start + 7 * 86_400


def priced(groups):
    """groups: iterable of (model, batch, requests, input, cached, output) integer sums -> the JSON result.
    Costs are exact: Decimal prices times integer sums, summed per model."""
    models = {}
    for model, batch, requests, input_tokens, cached, output in groups:
        price_in, price_cached, price_out = PRICES[(model, bool(batch))]
        cost = ((int(input_tokens) - int(cached)) * price_in + int(cached) * price_cached
                + int(output) * price_out) / MILLION
        entry = models.setdefault(model, {"cost": Decimal(0), "requests": 0, "input": 0, "cached": 0, "output": 0})
        entry["cost"] += cost
        entry["requests"] += int(requests)
        entry["input"] += int(input_tokens)
        entry["cached"] += int(cached)
        entry["output"] += int(output)
    spend = sum((m["cost"] for m in models.values()), Decimal(0))
    for entry in models.values():
        entry["cost"] = str(entry["cost"].normalize())
    return {"spend": str(spend.normalize()), "models": models}


def pandas_ingest(jsonl, db):
    import sqlite3
    import pandas as pd
    connection = sqlite3.connect(db)
    # Chunks keep pandas' memory bounded (read whole, 5M objects need tens of GB).
    for chunk in pd.read_json(jsonl, lines=True, chunksize=250_000, convert_dates=False):
        usage = pd.json_normalize(chunk["usage"].tolist())
        metadata = pd.json_normalize(chunk["metadata"].tolist())
        frame = pd.DataFrame({
            "id": chunk["id"].to_numpy(),
            "created": chunk["created"].to_numpy(),
            "model": chunk["model"].to_numpy(),
            "service_tier": chunk["service_tier"].to_numpy(),
            "prompt_tokens": usage["prompt_tokens"].to_numpy(),
            "cached_tokens": usage["prompt_tokens_details.cached_tokens"].to_numpy(),
            "completion_tokens": usage["completion_tokens"].to_numpy(),
            "reasoning_tokens": usage["completion_tokens_details.reasoning_tokens"].to_numpy(),
            "use_case": metadata["use_case"].to_numpy() if "use_case" in metadata else None,
            "purpose": metadata["purpose"].to_numpy() if "purpose" in metadata else None,
        })
        frame.to_sql("completions", connection, if_exists="append", index=False)
    connection.commit()
    connection.close()


DUCKDB_COLUMNS = """{
    'id': 'VARCHAR', 'created': 'BIGINT', 'model': 'VARCHAR', 'service_tier': 'VARCHAR',
    'usage': 'STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT,
                     prompt_tokens_details STRUCT(cached_tokens BIGINT),
                     completion_tokens_details STRUCT(reasoning_tokens BIGINT))',
    'metadata': 'STRUCT(use_case VARCHAR, purpose VARCHAR)'
}"""

DUCKDB_SELECT = f"""
    SELECT id, created, model, service_tier,
           usage.prompt_tokens AS prompt_tokens,
           usage.prompt_tokens_details.cached_tokens AS cached_tokens,
           usage.completion_tokens AS completion_tokens,
           usage.completion_tokens_details.reasoning_tokens AS reasoning_tokens,
           metadata.use_case AS use_case, metadata.purpose AS purpose
    FROM read_json(?, format = 'newline_delimited', columns = {DUCKDB_COLUMNS})
"""


def duckdb_ingest(jsonl, db):
    import duckdb
    connection = duckdb.connect(db)
    connection.execute("CREATE TABLE completions AS " + DUCKDB_SELECT, [jsonl])
    connection.close()


def to_csv(jsonl, csv):
    import duckdb
    connection = duckdb.connect()
    connection.execute(f"COPY ({DUCKDB_SELECT.replace('?', repr(jsonl))}) TO '{csv}' (HEADER, DELIMITER ',')")


def pandas_weekly(db, week):
    import sqlite3
    import pandas as pd
    start, end = week_bounds(week)
    connection = sqlite3.connect(db)
    frame = pd.read_sql_query(
        "SELECT model, service_tier, prompt_tokens, cached_tokens, completion_tokens FROM completions"
        " WHERE created >= ? AND created < ?", connection, params=(start, end))
    frame["batch"] = frame["service_tier"] == "batch"  # completions carry no batch flag: none are batch
    sums = frame.groupby(["model", "batch"]).agg(
        requests=("model", "size"), input=("prompt_tokens", "sum"),
        cached=("cached_tokens", "sum"), output=("completion_tokens", "sum")).reset_index()
    return priced(sums[["model", "batch", "requests", "input", "cached", "output"]].itertuples(index=False))


def duckdb_weekly(db, week):
    import duckdb
    start, end = week_bounds(week)
    connection = duckdb.connect(db, read_only=True)
    rows = connection.execute(
        "SELECT model, service_tier = 'batch' AS batch, count(*), sum(prompt_tokens), sum(cached_tokens),"
        " sum(completion_tokens) FROM completions WHERE created >= ? AND created < ? GROUP BY ALL",
        [start, end]).fetchall()
    return priced(rows)


def main(argv):
    command, *arguments = argv
    if command == "pandas-ingest":
        pandas_ingest(*arguments)
    elif command == "duckdb-ingest":
        duckdb_ingest(*arguments)
    elif command == "csv":
        to_csv(*arguments)
    elif command == "pandas-weekly":
        print(json.dumps(pandas_weekly(*arguments), sort_keys=True))
    elif command == "duckdb-weekly":
        print(json.dumps(duckdb_weekly(*arguments), sort_keys=True))
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
