#!/usr/bin/env python3
"""`make bench`: distill-roi against pandas, DuckDB and the sqlite3 shell on the same demo files.

For each size (demo requests: 100K, 1M, 5M by default):
  1. data: `distill-roi demo --requests N --emit DIR` writes completions.jsonl (and the other demo
     files) into .build-bench-data/N/, reused when present (5M takes minutes); the same columns as
     CSV for the sqlite3 shell are written once beside it (not timed).
  2. ingest, each tool into a fresh file:  distill-roi `ingest file completions.jsonl` (SQLite);
     pandas read_json(lines, chunks) + to_sql (SQLite); DuckDB read_json into a table (DuckDB file);
     the sqlite3 shell `.import --csv` of the equivalent CSV into a plain table (the floor for
     SQLite inserts: no index, no constraint, no parsing of JSON).
  3. the weekly cost aggregation of 2026-W48 on each tool's own store: distill-roi `report weekly
     --format json`; the equivalent pandas group-by; the equivalent DuckDB SQL. The three results
     (spend to the cent, per-model requests and token sums exactly) are compared first: on any
     difference the harness stops before printing a time.
Every figure is the median of RUNS runs after one warm-up run, each under `/usr/bin/time -v`
(wall clock, user + system CPU, peak RSS). Results go to Benchmarks/results/comparison.md (and the
raw samples to Benchmarks/results/comparison.json) with the machine's description, the date and the
commit.

    Benchmarks/harness/run.py [--sizes 100000,1000000,5000000] [--runs 5] [--runs-large 3] [--large 5000000]
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build/release/distill-roi"
DATA = ROOT / ".build-bench-data"
TOOLS = [sys.executable, str(ROOT / "Benchmarks/harness/tools.py")]
WEEK = "2026-W48"
SQLITE_SCHEMA = ("CREATE TABLE completions(id TEXT, created INTEGER, model TEXT, service_tier TEXT, "
                 "prompt_tokens INTEGER, cached_tokens INTEGER, completion_tokens INTEGER, "
                 "reasoning_tokens INTEGER, use_case TEXT, purpose TEXT);")


def log(message):
    print(message, flush=True)


def sh(*command, **options):
    return subprocess.run([str(c) for c in command], check=True, text=True, capture_output=True, **options).stdout


# ---------------------------------------------------------------- measuring


def timed(command, stdout=subprocess.DEVNULL):
    """Runs command under /usr/bin/time -v; returns (wall s, cpu s, peak RSS MB, stdout text)."""
    report = DATA / "time.txt"
    result = subprocess.run(["/usr/bin/time", "-v", "-o", str(report)] + [str(c) for c in command],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, command))}\n{result.stderr[-2000:]}")
    text = report.read_text()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    wall = 0.0
    for part in clock.split(":"):
        wall = wall * 60 + float(part)
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return wall, user + system, rss, result.stdout


def remove_store(path):
    for suffix in ["", "-wal", "-shm", "-journal", ".wal"]:
        Path(str(path) + suffix).unlink(missing_ok=True)


def measure(name, command, target, runs, warm_up=True):
    """One warm-up run (not counted), then `runs` runs, each into a fresh target; medians."""
    samples = []
    for index in range(runs + (1 if warm_up else 0)):
        if target is not None:
            remove_store(target)
        wall, cpu, rss, _ = timed(command)
        if index > 0 or not warm_up:
            samples.append({"wall": wall, "cpu": cpu, "rss": rss})
        log(f"    {name:<28} run {index}{' (warm-up)' if warm_up and index == 0 else ''}: "
            f"{wall:7.2f} s wall, {cpu:7.2f} s CPU, {rss:7.1f} MB")
    return {
        "runs": len(samples), "warm_up": warm_up,
        "wall": statistics.median(s["wall"] for s in samples),
        "cpu": statistics.median(s["cpu"] for s in samples),
        "rss": statistics.median(s["rss"] for s in samples),
        "samples": samples,
    }


# ---------------------------------------------------------------- data


def dataset(size):
    folder = DATA / str(size)
    done = folder / ".complete"
    if not done.exists():
        log(f"  generating {size:,} demo requests into {folder} (cached for later runs)")
        shutil.rmtree(folder, ignore_errors=True)
        sh(BIN, "demo", "--requests", size, "--emit", folder)
        sh(*TOOLS, "csv", folder / "completions.jsonl", folder / "completions.csv")
        done.write_text("ok\n")
    jsonl = folder / "completions.jsonl"
    with open(jsonl, "rb") as file:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 24), b""))
    return folder, lines


# ---------------------------------------------------------------- checking the three agree


def cents(text):
    return Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def distill_totals(folder):
    report = json.loads((folder / f"weekly-{WEEK}.json").read_text())
    models = {}
    for model in report["models"]:
        tokens = model["tokens"]
        models[model["model"]] = {
            "cost": model["cost"], "requests": model["requests"], "input": tokens["input"],
            "cached": tokens["cached_input"], "output": tokens["output"]}
    return {"spend": report["headline"]["spend"], "models": models}


def check_agreement(results):
    """results: tool -> {"spend", "models"}; exits with the differences unless all agree."""
    problems = []
    names = list(results)
    reference = results[names[0]]
    for name in names[1:]:
        other = results[name]
        if cents(other["spend"]) != cents(reference["spend"]):
            problems.append(f"spend: {names[0]} {reference['spend']} vs {name} {other['spend']}")
        if set(other["models"]) != set(reference["models"]):
            problems.append(f"models: {sorted(reference['models'])} vs {name} {sorted(other['models'])}")
            continue
        for model, expected in reference["models"].items():
            found = other["models"][model]
            for key in ["requests", "input", "cached", "output"]:
                if int(found[key]) != int(expected[key]):
                    problems.append(f"{model} {key}: {names[0]} {expected[key]} vs {name} {found[key]}")
            if cents(found["cost"]) != cents(expected["cost"]):
                problems.append(f"{model} cost: {names[0]} {expected['cost']} vs {name} {found['cost']}")
    if problems:
        sys.exit("The tools disagree on the weekly totals, so no time is reported:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------- one size


def bench_size(size, runs, pandas_runs):
    folder, records = dataset(size)
    jsonl, csv = folder / "completions.jsonl", folder / "completions.csv"
    work = DATA / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    stores = {
        "distill-roi": work / "distill.sqlite", "pandas": work / "pandas.sqlite",
        "DuckDB": work / "duck.duckdb", "sqlite3 .import": work / "floor.sqlite"}
    log(f"  {size:,} demo requests: {records:,} completion records, {jsonl.stat().st_size / 1e6:,.0f} MB of JSONL")

    ingest = {
        "distill-roi": measure("distill-roi ingest file", [BIN, "ingest", "file", jsonl, "--db", stores["distill-roi"]],
                               stores["distill-roi"], runs),
        "DuckDB": measure("DuckDB read_json", TOOLS + ["duckdb-ingest", jsonl, stores["DuckDB"]], stores["DuckDB"], runs),
        "sqlite3 .import": measure("sqlite3 .import --csv", ["sqlite3", stores["sqlite3 .import"], SQLITE_SCHEMA,
                                   f".import --csv --skip 1 {csv} completions"], stores["sqlite3 .import"], runs),
        "pandas": measure("pandas read_json + to_sql", TOOLS + ["pandas-ingest", jsonl, stores["pandas"]],
                          stores["pandas"], pandas_runs, warm_up=pandas_runs > 1),
    }
    sizes = {name: sum(Path(str(path) + s).stat().st_size for s in ["", "-wal"] if Path(str(path) + s).exists())
             for name, path in stores.items()}
    info = json.loads(sh(BIN, "db", "info", "--json", "--db", stores["distill-roi"]))
    breakdown = sh("sqlite3", stores["distill-roi"],
                   "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC") if shutil.which("sqlite3") else ""
    # The report needs the fine-tuning job to pick teacher, student and go-live (not timed).
    sh(BIN, "ingest", "file", folder / "fine-tuning-jobs.json", "--db", stores["distill-roi"])

    out = work / "reports"
    weekly_commands = {
        "distill-roi": [BIN, "report", "weekly", "--week", WEEK, "--format", "json", "--db", stores["distill-roi"],
                        "--out", out],
        "DuckDB": TOOLS + ["duckdb-weekly", stores["DuckDB"], WEEK],
        "pandas": TOOLS + ["pandas-weekly", stores["pandas"], WEEK],
    }
    totals = {}
    for name, command in weekly_commands.items():
        *_, stdout = timed(command, stdout=subprocess.PIPE)
        totals[name] = distill_totals(out) if name == "distill-roi" else json.loads(stdout)
    check_agreement(totals)
    log(f"    the three agree on {WEEK}: spend ${totals['distill-roi']['spend']}, "
        f"{sum(m['requests'] for m in totals['distill-roi']['models'].values()):,} requests")
    weekly = {name: measure(f"{name} weekly", command, None, runs, warm_up=False)
              for name, command in weekly_commands.items()}
    return {
        "size": size, "records": records, "jsonl_bytes": jsonl.stat().st_size, "csv_bytes": csv.stat().st_size,
        "runs": runs, "ingest": ingest, "weekly": weekly, "store_bytes": sizes,
        "distill_requests_rows": info["tables"]["requests"], "distill_tables": info["tables"],
        "distill_dbstat": breakdown.strip(), "totals": totals,
    }


# ---------------------------------------------------------------- report


def machine():
    def run(*command):
        try:
            return subprocess.run(command, text=True, capture_output=True).stdout.strip()
        except FileNotFoundError:
            return "(not found)"
    import duckdb
    import pandas
    import numpy
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": run("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD")
                  + (" (with uncommitted changes)" if run("git", "-C", str(ROOT), "status", "--porcelain", "--", ".",
                                                ":!Benchmarks/results/comparison.md",
                                                ":!Benchmarks/results/comparison.json") else ""),
        "nproc": run("nproc"), "lscpu": "\n".join(run("lscpu").splitlines()[:10]),
        "memory": run("free", "-h").splitlines()[1] if run("free", "-h") else "",
        "kernel": platform.release(), "loadavg": open("/proc/loadavg").read().split()[:3],
        "swift": run("swift", "--version").splitlines()[0] if run("swift", "--version") else "",
        "python": platform.python_version(), "pandas": pandas.__version__, "numpy": numpy.__version__,
        "duckdb": duckdb.__version__, "sqlite3": run("sqlite3", "--version").split()[0],
    }


def runs_text(measured, result, checked=False):
    runs = measured.get("runs", result["runs"])
    if checked:
        return f"median of {runs} after the checked run"
    if runs == 1:
        return "**1 run, no warm-up** (time)"
    return f"median of {runs} after a warm-up"


def ratio(a, b):
    return a / b if b else float("nan")


def write_results(results, host, path):
    lines = [
        "# Benchmarks: distill-roi against pandas, DuckDB and the sqlite3 shell",
        "",
        f"Written by `make bench` (Benchmarks/harness/run.py) on {host['date']} at commit {host['commit']}"
        + (" (some sizes come from earlier runs kept with `--merge`: each size names its run)"
           if any(r.get("run", {}).get("date") != host["date"] for r in results) else "")
        + ". Every figure below "
        "comes from that run; rerun `make bench` to reproduce. Each figure is the median of the stated number of "
        "runs after one warm-up run (the weekly aggregation's warm-up is the run whose totals were checked), "
        "each process timed whole by `/usr/bin/time -v` (so Python's and DuckDB's start-up are included, as "
        "distill-roi's is). CPU = user + system seconds over all threads (DuckDB uses both cores).",
        "",
        "## Machine",
        "",
        f"- `nproc`: {host['nproc']}; memory: `{host['memory']}`; kernel {host['kernel']}",
        f"- load average (1, 5, 15 min) when the run started: {' '.join(host['loadavg'])}; when it ended: "
        f"{' '.join(host.get('loadavg_end', ['(not recorded)']))}. The machine is shared: other sessions build and test on it, "
        "so with a load above 2 every process waits for a core and wall times are inflated; CPU times are the steadier figure.",
        f"- {host['swift']}; Python {host['python']}, pandas {host['pandas']}, numpy {host['numpy']}, "
        f"DuckDB {host['duckdb']}, sqlite3 shell {host['sqlite3']}",
        "",
        "```",
        host["lscpu"],
        "```",
        "",
        "## What each tool does",
        "",
        "- **distill-roi**: `distill-roi ingest file completions.jsonl --db F` (release build): validates every record, "
        "UPSERTs into `requests` (unique 64-bit hash of the request id, time index, CHECK constraints), adds the "
        "new rows to the `request_daily` roll-up, in one transaction, WAL mode; parsing on one thread, SQLite on "
        "another. Weekly: `report weekly --week 2026-W48 --format json` (the whole report: roles, "
        "savings per use case, since-go-live savings over every week, latency percentiles, quality gate, "
        "breakdowns, daily series; not only the cost group-by).",
        "- **pandas**: `pd.read_json(lines=True, chunksize=250000)`, `json_normalize` of `usage` and `metadata`, "
        "`to_sql` into a SQLite file (no index). Weekly: `read_sql_query` of the week's rows (a `WHERE` on "
        "`created`), `groupby(model, batch)` sums, priced exactly (Decimal on the sums).",
        "- **DuckDB**: `CREATE TABLE completions AS SELECT ... FROM read_json(..., columns = {...})` into a DuckDB "
        "file (explicit schema, no sampling). Weekly: one `GROUP BY` SQL on that table, priced exactly.",
        "- **sqlite3 .import**: the Debian sqlite3 shell importing the same columns as CSV into a plain table "
        "(no index, no constraint, no JSON parsing): the floor for inserting these rows into SQLite.",
        "",
        "All read the same fields (id, created, model, service tier, prompt / cached / completion / reasoning "
        "tokens, use_case and purpose metadata). Before any time is printed the harness checks that distill-roi, "
        "pandas and DuckDB agree on the week: spend to the cent, and per model the requests and the input, "
        "cached and output token sums exactly, and the cost to the cent. Prices per (model, batch) are those of "
        "`pricing/openai.yaml` (Benchmarks/harness/tools.py).",
        "",
    ]
    for result in results:
        records = result["records"]
        ingest, weekly = result["ingest"], result["weekly"]
        d = ingest["distill-roi"]
        lines += [
            f"## {result['size']:,} demo requests ({records:,} completion records, "
            f"{result['jsonl_bytes'] / 1e6:,.0f} MB JSONL)",
            "",
            *([f"Measured by the run of {result['run']['date']} at commit {result['run']['commit']} "
               f"(load average {' '.join(result['run']['loadavg'])} when it started).", ""] if result.get("run") else []),
            "### Ingest",
            "",
            "| tool | records/s (wall) | records/s (CPU) | wall s | CPU s | peak RSS MB | wall vs distill-roi | runs |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for name in ["distill-roi", "pandas", "DuckDB", "sqlite3 .import"]:
            m = ingest[name]
            lines.append(f"| {name} | {records / m['wall']:,.0f} | {records / m['cpu']:,.0f} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss']:.0f} | "
                         f"{ratio(m['wall'], d['wall']):.2f}× | {runs_text(m, result)} |")
        lines += [
            "",
            f"distill-roi is **{ratio(ingest['pandas']['wall'], d['wall']):.2f}× faster than pandas** and takes "
            f"**{ratio(d['wall'], ingest['DuckDB']['wall']):.2f}× DuckDB's wall time** "
            f"({ratio(d['cpu'], ingest['DuckDB']['cpu']):.2f}× its CPU time); "
            f"{ratio(d['wall'], ingest['sqlite3 .import']['wall']):.2f}× the sqlite3 shell's CSV import.",
            "",
            "### Weekly cost aggregation (2026-W48)",
            "",
            "| tool | wall s | CPU s | peak RSS MB | wall vs distill-roi | runs |",
            "|---|---:|---:|---:|---:|---|",
        ]
        w = weekly["distill-roi"]
        for name in ["distill-roi", "pandas", "DuckDB"]:
            m = weekly[name]
            lines.append(f"| {name} | {m['wall']:.3f} | {m['cpu']:.3f} | {m['rss']:.0f} | {ratio(m['wall'], w['wall']):.2f}× | "
                         f"{runs_text(m, result, checked=True)} |")
        totals = result["totals"]["distill-roi"]
        lines += [
            "",
            f"distill-roi takes **{ratio(w['wall'], weekly['DuckDB']['wall']):.2f}× DuckDB's wall time** and "
            f"{ratio(w['wall'], weekly['pandas']['wall']):.2f}× pandas'. All three found spend "
            f"${totals['spend']} over {sum(m['requests'] for m in totals['models'].values()):,} requests in the week.",
            "",
            "### Store size",
            "",
            "| store | bytes | bytes per completion record |",
            "|---|---:|---:|",
        ]
        names = {"distill-roi": "distill-roi SQLite (all tables and indexes)", "pandas": "pandas to_sql SQLite (no index)",
                 "DuckDB": "DuckDB file (compressed columns)", "sqlite3 .import": "sqlite3 .import (no index)"}
        for name, label in names.items():
            size = result["store_bytes"][name]
            lines.append(f"| {label} | {size:,} | {size / records:.0f} |")
        lines += [
            "",
            f"distill-roi's file holds {result['distill_requests_rows']:,} `requests` rows; its pages by table and index "
            "(`dbstat`, bytes):",
            "",
            "```",
            result["distill_dbstat"],
            "```",
            "",
        ]
    lines += targets(results)
    path.write_text("\n".join(lines) + "\n")


def targets(results):
    out = ["## Targets (2-core machine)", "", "| target | figure | met? |", "|---|---|---|"]
    for result in results:
        records, size = result["records"], result["size"]
        ingest, weekly = result["ingest"], result["weekly"]
        d, w = ingest["distill-roi"], weekly["distill-roi"]
        rate = records / d["wall"]
        per_row = result["store_bytes"]["distill-roi"] / records
        checks = [
            ("ingest ≥ 200,000 records/s (wall)", f"{rate:,.0f}/s (by CPU time: {records / d['cpu']:,.0f}/s)", rate >= 200_000),
            ("ingest ≥ 3× pandas", f"{ratio(ingest['pandas']['wall'], d['wall']):.2f}×", ingest["pandas"]["wall"] >= 3 * d["wall"]),
            ("ingest within 2× of DuckDB", f"{ratio(d['wall'], ingest['DuckDB']['wall']):.2f}×", d["wall"] <= 2 * ingest["DuckDB"]["wall"]),
            ("weekly report within 3× of DuckDB", f"{ratio(w['wall'], weekly['DuckDB']['wall']):.2f}×", w["wall"] <= 3 * weekly["DuckDB"]["wall"]),
            ("store < 150 bytes per request row", f"{per_row:.0f} B", per_row < 150),
        ]
        if size >= 5_000_000:
            checks += [
                ("ingest peak RSS < 100 MB at 5M", f"{d['rss']:.0f} MB", d["rss"] < 100),
                ("weekly report over 5M < 2 s", f"{w['wall']:.2f} s", w["wall"] < 2),
            ]
        for name, figure, ok in checks:
            out.append(f"| {size:,}: {name} | {figure} | {'yes' if ok else '**no**'} |")
    return out + [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000,5000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--runs-large", type=int, default=3, help="runs at sizes ≥ --large (pandas is slow there)")
    parser.add_argument("--large", type=int, default=5_000_000)
    parser.add_argument("--pandas-runs-large", type=int, help="pandas ingest runs at sizes ≥ --large (1: no warm-up)")
    parser.add_argument("--merge", action="store_true",
                        help="keep the other sizes of an earlier Benchmarks/results/comparison.json in the results")
    parser.add_argument("--out", default=str(ROOT / "Benchmarks/results/comparison.md"))
    parser.add_argument("--from-json", help="only rewrite --out from the comparison.json an earlier run wrote")
    arguments = parser.parse_args()
    if arguments.from_json:
        saved = json.loads(Path(arguments.from_json).read_text())
        write_results(saved["results"], saved["machine"], Path(arguments.out))
        return
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `swift build -c release --product distill-roi` first (make bench does).")
    DATA.mkdir(exist_ok=True)
    host = machine()
    log(f"bench at {host['date']}, commit {host['commit']}, load {' '.join(host['loadavg'])}")
    sizes = [int(s) for s in arguments.sizes.split(",")]
    saved = Path(arguments.out).with_suffix(".json")
    results = []
    if arguments.merge and saved.exists():
        earlier = json.loads(saved.read_text())
        results = [r for r in earlier["results"] if r["size"] not in sizes]
        for r in results:  # results from before sizes recorded their own run: the earlier run's
            r.setdefault("run", {key: earlier["machine"][key] for key in ["date", "commit", "loadavg"]})
    for size in sizes:
        large = size >= arguments.large
        runs = arguments.runs_large if large else arguments.runs
        pandas_runs = (arguments.pandas_runs_large or runs) if large else runs
        result = bench_size(size, runs, pandas_runs)
        result["run"] = {"date": host["date"], "commit": host["commit"], "loadavg": host["loadavg"]}
        results.append(result)
        results.sort(key=lambda r: r["size"])
        write_results(results, host, Path(arguments.out))  # after each size, so a long run keeps what it has
        Path(arguments.out).with_suffix(".json").write_text(json.dumps({"machine": host, "results": results}, indent=1))
    host["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
    write_results(results, host, Path(arguments.out))
    Path(arguments.out).with_suffix(".json").write_text(json.dumps({"machine": host, "results": results}, indent=1))
    log(f"done; load {' '.join(host['loadavg_end'])}; results in {arguments.out}")


if __name__ == "__main__":
    main()
