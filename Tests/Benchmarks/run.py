#!/usr/bin/env python3
"""qyx benchmark (issue 7): the same queries on the same rows in qyx, SQLite and DuckDB.

    python3 Tests/Benchmarks/run.py [--rows 1000000] [--qyx PATH] [--repeat 7] [--seed 1]

Without --qyx the script builds qyx with `swift build -c release --static-swift-stdlib` in the repository root and
uses .build/release/qyx. The corpus (Tests/Benchmarks/generate-corpus.py) and the exported databases are
cached under Tests/Benchmarks/.cache/ by row count, seed, generator version and qyx binary.

Steps: generate the corpus → `qyx export --format sqlite` → the same rows into DuckDB (via CSV
written from the SQLite file with Python's sqlite3 module; no DuckDB extension is loaded) → one
qyx process runs every query --repeat times (medians of its in-process `Run Time` lines) →
SQLite (Python sqlite3, in-process, database copied into memory) and DuckDB (in-process) run the
same queries → answers are compared across the three engines (the script fails loudly on any
difference) → ingest MB/s, peak RSS per indicator row and cold start on the built-in corpus.
Results are printed as Markdown and written to Tests/Benchmarks/results.md (or --results).
"""
import argparse
import datetime
import hashlib
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(BENCH))
CACHE = os.path.join(BENCH, ".cache")

spec = importlib.util.spec_from_file_location("generate_corpus", os.path.join(BENCH, "generate-corpus.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

# Targets of issue 7.
TARGET_VS_SQLITE = 1.0     # each query no slower than sqlite3
TARGET_VS_DUCKDB = 3.0     # … and within 3x of DuckDB
TARGET_INGEST_MBS = 20.0
TARGET_COLD_RATIO = 5.0
TARGET_BYTES_PER_ROW = 1024.0

REGION = "洞头区"

COLUMNS = [("doc", "VARCHAR"), ("line", "BIGINT"), ("region", "VARCHAR"), ("year", "BIGINT"), ("domain", "VARCHAR"),
           ("seq", "BIGINT"), ("name", "VARCHAR"), ("unit", "VARCHAR"), ("target", "VARCHAR"), ("op", "VARCHAR"),
           ("value", "DOUBLE"), ("base_value", "DOUBLE"), ("base_unit", "VARCHAR"), ("lead", "VARCHAR"),
           ("kind", "VARCHAR"), ("parts", "VARCHAR")]


def queries(years):
    """The query set: id, what it exercises, qyx text, SQL text, whether row order matters.
    `years` are the year columns of the compare query (known from the data before timing)."""
    pivot = ", ".join(f"group_concat(case when year = {y} then target end, ' / ') as \"{y}\"" for y in years)
    return [
        ("Q1", "equality filter", f"select doc, line, name, target from indicators where region = {REGION} and year = 2025",
         f"select doc, line, name, target from indicators where region = '{REGION}' and year = 2025", False),
        ("Q2", "range filter", "select doc, line, name, value from indicators where value between 1000 and 2000 and year >= 2024",
         "select doc, line, name, value from indicators where value between 1000 and 2000 and year >= 2024", False),
        ("Q3", "unit-normalized filter", "select doc, line, name, base_value from indicators where base_value >= 1500 人",
         "select doc, line, name, base_value from indicators where base_value >= 1500 and base_unit = '人'", False),
        ("Q4", "text contains", "select name from indicators where name contains 托位",
         "select name from indicators where name like '%托位%'", False),
        ("Q5", "group by domain: count, avg", "select domain, count(*) as n, avg(value) as avg_value from indicators group by domain order by n desc",
         "select domain, count(*) as n, avg(value) as avg_value from indicators group by domain order by n desc", False),
        ("Q6", "group by lead, top 10", "select lead, count(*) as n from indicators group by lead order by n desc, lead limit 10",
         "select lead, count(*) as n from indicators group by lead order by n desc, lead limit 10", True),
        ("Q7", "count distinct", "select count(distinct name) as names, count(distinct lead) as leads from indicators",
         "select count(distinct name) as names, count(distinct lead) as leads from indicators", False),
        ("Q8", "compare by year", f"compare indicators by year where region = {REGION} and name contains 托位",
         f"select region, name, unit, {pivot} from indicators where region = '{REGION}' and name like '%托位%' "
         f"group by region, name, unit", False),
    ]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SystemExit(f"FAILED ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-4000:]}")
    return p


def qyx_warnings(stderr):
    return [l for l in stderr.splitlines() if ": warning: " in l or ": error: " in l]


# ---------------------------------------------------------------------------------------------
def build_qyx():
    # As the README's first command builds it: the Swift runtime and Foundation linked in, which
    # halves the time the loader spends before main on every start.
    log("building qyx: swift build -c release --static-swift-stdlib")
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    path = os.path.join(ROOT, ".build", "release", "qyx")
    if not os.path.exists(path):
        raise SystemExit(f"no binary at {path} after swift build")
    return path


def corpus(rows, seed):
    folder = os.path.join(CACHE, f"corpus-{rows}-s{seed}")
    docs = os.path.join(folder, "docs")
    manifest_path = os.path.join(docs, ".manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            m = json.load(f)
        if m.get("generator_sha256") == gen.generator_sha256() and m["indicators"] == rows:
            log(f"corpus: cached {docs} ({m['documents']} documents, {m['indicators']} indicators)")
            return folder, docs, m
    log(f"corpus: generating {rows} indicator rows (seed {seed}) into {docs}")
    t = time.time()
    m = gen.generate(rows, docs, seed, quiet=True)
    log(f"corpus: {m['documents']} documents, {m['indicators']} indicators, {m['bytes'] / 1e6:.1f} MB in {time.time() - t:.1f} s")
    for name in os.listdir(folder):
        if name.endswith(".db") or name.endswith(".csv"):
            os.remove(os.path.join(folder, name))
    return folder, docs, m


def export_sqlite(qyx, qyx_sha, folder, docs):
    db = os.path.join(folder, f"qyx-{qyx_sha[:12]}.db")
    if os.path.exists(db):
        log(f"sqlite: cached export {db}")
        return db, None
    tmp = db + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    log("sqlite: qyx export --format sqlite …")
    t = time.time()
    p = run([qyx, "export", "--format", "sqlite", tmp, "--no-builtin", "--docs", docs])
    warnings = qyx_warnings(p.stderr)
    if warnings:
        raise SystemExit(f"qyx export printed {len(warnings)} warnings; first: {warnings[:3]}")
    os.replace(tmp, db)
    elapsed = time.time() - t
    log(f"sqlite: exported in {elapsed:.1f} s")
    return db, elapsed


def check_manifest(db, m):
    """The exported rows against what the generator wrote."""
    con = sqlite3.connect(db)
    problems = []
    n = con.execute("select count(*) from indicators").fetchone()[0]
    if n != m["indicators"]:
        problems.append(f"count(*) {n} != {m['indicators']}")
    for key, col in [("by_domain", "domain"), ("by_region", "region"), ("by_year", "year"), ("by_lead", "lead")]:
        got = {("" if k is None else str(k)): v for k, v in con.execute(f"select {col}, count(*) from indicators group by 1")}
        if got != m[key]:
            diff = {k: (got.get(k), m[key].get(k)) for k in set(got) | set(m[key]) if got.get(k) != m[key].get(k)}
            problems.append(f"{key}: {str(diff)[:500]}")
    nulls = con.execute("select count(*) from indicators where value is null").fetchone()[0]
    if nulls != m["null_value"]:
        problems.append(f"value is null: {nulls} != {m['null_value']}")
    for bu, cnt, s in con.execute("select coalesce(base_unit, ''), count(*), sum(base_value) from indicators "
                                  "where base_value is not null group by 1"):
        want = m["by_base_unit"].get(bu, [0, 0.0])
        if cnt != want[0] or not math.isclose(s, want[1], rel_tol=1e-9, abs_tol=1e-6):
            problems.append(f"base_unit {bu!r}: {cnt}, {s} != {want}")
    con.close()
    if problems:
        raise SystemExit("the exported rows differ from what the generator wrote:\n  " + "\n  ".join(problems))


def duckdb_csv(folder, db):
    """CSV of the SQLite indicators: NULL is an empty field, text is always quoted (so "" is '')."""
    path = db[:-3] + ".csv"
    if os.path.exists(path):
        return path
    con = sqlite3.connect(db)
    tmp = path + ".tmp"
    def field(v):
        if v is None:
            return ""
        if isinstance(v, str):
            return '"' + v.replace('"', '""') + '"'
        return repr(v)

    with open(tmp, "w", encoding="utf-8") as f:
        f.write(",".join(c for c, _ in COLUMNS) + "\n")
        cur = con.execute("select " + ", ".join(f'"{c}"' for c, _ in COLUMNS) + " from indicators order by rowid")
        while True:
            batch = cur.fetchmany(50_000)
            if not batch:
                break
            f.write("".join(",".join(field(v) for v in row) + "\n" for row in batch))
    con.close()
    os.replace(tmp, path)
    return path


def load_duckdb(csv_path):
    import duckdb
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    cols = "{" + ", ".join(f"'{c}': '{t}'" for c, t in COLUMNS) + "}"
    con.execute(f"create table indicators as select * from read_csv('{csv_path}', header = true, columns = {cols}, "
                f"quote = '\"', escape = '\"', allow_quoted_nulls = false)")
    return con


# ---------------------------------------------------------------------------------------------
def norm_value(v):
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        f = float(v)
        if f == 0 or not math.isfinite(f):
            return f
        return float(f"{f:.9g}")
    return str(v)


def norm_rows(rows, compare):
    out = []
    for row in rows:
        r = []
        for i, v in enumerate(row):
            v = norm_value(v)
            # compare cells may hold several targets joined by " / " in any order
            if compare and i >= 3 and isinstance(v, str):
                v = " / ".join(sorted(v.split(" / ")))
            r.append(v)
        out.append(tuple(r))
    return out


def same(a, b, ordered):
    if not ordered:
        key = lambda t: tuple((x is None, "" if x is None else str(type(x)), x if x is not None else "") for x in t)
        a, b = sorted(a, key=key), sorted(b, key=key)
    return a == b


def first_difference(a, b):
    sa, sb = set(a), set(b)
    return {"only_first": sorted(sa - sb, key=str)[:3], "only_second": sorted(sb - sa, key=str)[:3],
            "rows": (len(a), len(b))}


def parse_json_stream(text):
    dec = json.JSONDecoder()
    out, pos = [], 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return out
        obj, pos = dec.raw_decode(text, pos)
        out.append(obj)


def time_sql(con, sql, repeat):
    times, rows = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = con.execute(sql).fetchall()
        times.append(time.perf_counter() - t)
        rows = result
    return times, rows


LOAD_TIME = re.compile(r"Load Time: ([\d.]+) s \((\d+) documents, (\d+) indicators\)")


def run_qyx(qyx, docs, qs, repeat, m):
    script = ";\n".join(q[2] for q in qs for _ in range(repeat)) + ";\n"
    path = os.path.join(CACHE, "queries.qyx")
    with open(path, "w") as f:
        f.write(script)
    # A Python parent that only starts qyx: its RUSAGE_CHILDREN peak RSS is qyx's.
    wrapper = ("import resource, subprocess, sys, time\n"
               "t = time.time()\n"
               "p = subprocess.run(sys.argv[1:], stdout=open(sys.argv[-1] + '.out', 'w'), stderr=open(sys.argv[-1] + '.err', 'w'))\n"
               "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.time() - t)\n")
    cmd = [sys.executable, "-c", wrapper, qyx, "--no-builtin", "--docs", docs, "--timer", "--format", "json", "-f", path]
    log(f"qyx: loading {m['indicators']} rows and running {len(qs)} queries x {repeat} …")
    p = run(cmd)
    status, maxrss_kb, wall = p.stdout.split()
    with open(path + ".out") as f:
        out = f.read()
    with open(path + ".err") as f:
        err = f.read()
    if status != "0":
        raise SystemExit(f"qyx failed with status {status}:\n{err[-4000:]}")
    warnings = qyx_warnings(err)
    if warnings:
        raise SystemExit(f"qyx printed {len(warnings)} warnings loading the corpus; first: {warnings[:3]}")
    load = LOAD_TIME.search(err)
    if not load:
        raise SystemExit(f"no Load Time line from qyx:\n{err[-2000:]}")
    load_s, n_docs, n_rows = float(load.group(1)), int(load.group(2)), int(load.group(3))
    if n_rows != m["indicators"] or n_docs != m["documents"]:
        raise SystemExit(f"qyx loaded {n_docs} documents / {n_rows} indicators; the generator wrote "
                         f"{m['documents']} / {m['indicators']}")
    runs = [float(x) for x in re.findall(r"Run Time: ([\d.]+) s", err)]
    if len(runs) != len(qs) * repeat:
        raise SystemExit(f"expected {len(qs) * repeat} Run Time lines, got {len(runs)}:\n{err[-2000:]}")
    results = parse_json_stream(out)
    if len(results) != len(qs) * repeat:
        raise SystemExit(f"expected {len(qs) * repeat} results from qyx, got {len(results)}")
    per_query = []
    for i, q in enumerate(qs):
        rs = results[i * repeat:(i + 1) * repeat]
        if any(r != rs[0] for r in rs):
            raise SystemExit(f"{q[0]}: qyx gave different answers on repeated runs")
        per_query.append((runs[i * repeat:(i + 1) * repeat], [tuple(row.values()) for row in rs[0]],
                          list(rs[0][0].keys()) if rs[0] else []))
    return {"load_s": load_s, "maxrss_kb": int(maxrss_kb), "wall_s": float(wall), "queries": per_query}


def load_only(qyx, docs, m):
    """`Load Time` of one more load of the corpus, with a single count."""
    p = run([qyx, "--no-builtin", "--docs", docs, "--timer", "-c", "select count(*) from indicators"])
    load = LOAD_TIME.search(p.stderr)
    if not load or int(load.group(3)) != m["indicators"]:
        raise SystemExit(f"load-only run of qyx gave no Load Time for {m['indicators']} rows:\n{p.stderr[-2000:]}")
    return float(load.group(1))


def cold_start(qyx, qyx_sha, runs):
    db = os.path.join(CACHE, f"builtin-{qyx_sha[:12]}.db")
    if not os.path.exists(db):
        run([qyx, "export", "--format", "sqlite", db + ".tmp"])
        os.replace(db + ".tmp", db)
    sqlite_cli = shutil.which("sqlite3")
    if not sqlite_cli:
        raise SystemExit("the sqlite3 command-line tool is needed for the cold-start comparison")
    qcmd = [qyx, "-c", "select count(*) from indicators"]
    scmd = [sqlite_cli, db, "select count(*) from indicators"]
    q_out = run(qcmd).stdout
    s_out = run(scmd).stdout
    q_n = re.findall(r"\d+", q_out.split("\n", 2)[-1])
    if not q_n or q_n[0] != s_out.strip():
        raise SystemExit(f"cold start: qyx says {q_out!r}, sqlite3 says {s_out!r}")
    qt, st = [], []
    for _ in range(runs):
        for cmd, acc in ((qcmd, qt), (scmd, st)):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            acc.append(time.perf_counter() - t)
    load = re.search(r"Load Time: ([\d.]+) s", run(qcmd + ["--timer"]).stderr)
    return statistics.median(qt), statistics.median(st), int(s_out.strip()), float(load.group(1)) if load else None


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "os": platform.platform()}


def git_head():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + (", with uncommitted changes in Sources/" if dirty else "")
    except OSError:
        return "unknown"


def ms(s):
    return f"{s * 1000:.2f}" if s < 10 else f"{s * 1000:.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000, help="indicator rows in the synthetic corpus")
    ap.add_argument("--qyx", help="qyx binary (default: swift build -c release, then .build/release/qyx)")
    ap.add_argument("--repeat", type=int, default=7, help="runs of each query; the median is reported")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cold-runs", type=int, default=20)
    ap.add_argument("--load-runs", type=int, default=5, help="loads timed for ingest; the median is reported")
    ap.add_argument("--sqlite-mode", choices=["memory", "file"], default="memory",
                    help="query an in-memory copy of the exported database (default) or the file itself")
    ap.add_argument("--results", default=os.path.join(BENCH, "results.md"))
    args = ap.parse_args()

    try:
        import duckdb  # noqa: F401
    except ImportError:
        log("installing the duckdb Python package (pip install duckdb)")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"], check=True)
    import duckdb

    os.makedirs(CACHE, exist_ok=True)
    qyx = os.path.abspath(args.qyx) if args.qyx else build_qyx()
    qyx_sha = sha256(qyx)
    started = time.time()

    folder, docs, m = corpus(args.rows, args.seed)
    db, export_s = export_sqlite(qyx, qyx_sha, folder, docs)
    check_manifest(db, m)
    log("duckdb: loading the same rows (CSV from the SQLite file) …")
    t = time.time()
    dcon = load_duckdb(duckdb_csv(folder, db))
    log(f"duckdb: {dcon.execute('select count(*) from indicators').fetchone()[0]} rows in {time.time() - t:.1f} s")
    if args.sqlite_mode == "memory":
        scon = sqlite3.connect(":memory:")
        src = sqlite3.connect(db)
        src.backup(scon)
        src.close()
    else:
        scon = sqlite3.connect(db)

    years = [y for (y,) in scon.execute(f"select distinct year from indicators where region = '{REGION}' "
                                        f"and name like '%托位%' order by year")]
    qs = queries(years)
    q = run_qyx(qyx, docs, qs, args.repeat, m)

    rows = []
    failures = []
    for (qid, what, qtext, sql, ordered), (qtimes, qrows, qcols) in zip(qs, q["queries"]):
        log(f"{qid}: sqlite, duckdb …")
        stimes, srows = time_sql(scon, sql, args.repeat)
        dtimes, drows = time_sql(dcon, sql, args.repeat)
        compare = qid == "Q8"
        a, b, c = norm_rows(qrows, compare), norm_rows(srows, compare), norm_rows(drows, compare)
        if compare:
            # qyx lists the years as columns; the SQL pivot names the same years
            expected_cols = ["region", "name", "unit"] + [str(y) for y in years]
            if qrows and qcols != expected_cols:
                failures.append(f"{qid}: qyx columns {qcols} != {expected_cols}")
        if not same(a, b, ordered):
            failures.append(f"{qid} ({what}): qyx and sqlite answers differ: {first_difference(a, b)}")
        if not same(b, c, ordered):
            failures.append(f"{qid} ({what}): sqlite and duckdb answers differ: {first_difference(b, c)}")
        qm, sm, dm = statistics.median(qtimes), statistics.median(stimes), statistics.median(dtimes)
        rows.append({"id": qid, "what": what, "qyx": qtext, "sql": sql, "n": len(a), "qyx_s": qm, "sqlite_s": sm,
                     "duckdb_s": dm})
    if failures:
        for f in failures:
            log("ANSWER MISMATCH: " + f)
        raise SystemExit("the engines disagree; no timings reported")

    log(f"cold start: {args.cold_runs} runs each …")
    cold_q, cold_s, builtin_rows, builtin_load = cold_start(qyx, qyx_sha, args.cold_runs)

    # One load is at the mercy of this machine's noise (10-40% between runs): ingest is the
    # median of the query run's load and four load-only runs, all five reported.
    log(f"ingest: {args.load_runs - 1} more loads …")
    loads = [q["load_s"]] + [load_only(qyx, docs, m) for _ in range(args.load_runs - 1)]
    load_s = statistics.median(loads)
    mb = m["bytes"] / 1e6
    ingest = mb / load_s
    bytes_per_row = q["maxrss_kb"] * 1024 / m["indicators"]
    info = machine()

    lines = []
    lines.append(f"# qyx benchmark — {m['indicators']:,} indicator rows")
    lines.append("")
    lines.append(f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
    lines.append(f"- machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} RAM, {info['os']}")
    built = "built from the working tree by this run" if not args.qyx else "given with --qyx"
    lines.append(f"- qyx: `{qyx}` (sha256 {qyx_sha[:12]}, {built}); repository HEAD when run: {git_head()}")
    lines.append(f"- SQLite {sqlite3.sqlite_version} (Python sqlite3, {args.sqlite_mode} database, no indexes); "
                 f"DuckDB {duckdb.__version__} (Python, in-memory, {dcon.execute('select current_setting(' + chr(39) + 'threads' + chr(39) + ')').fetchone()[0]} threads)")
    lines.append(f"- corpus: {m['documents']:,} documents, {m['indicators']:,} indicator rows, {mb:.1f} MB "
                 f"(seed {m['seed']}; layouts {', '.join(f'{k} {v}' for k, v in sorted(m['layouts'].items()))})")
    lines.append(f"- medians of {args.repeat} runs; qyx times are its in-process `Run Time` (parse, bind, execute; "
                 f"not rendering); SQLite and DuckDB times are execute + fetchall in Python")
    lines.append("")
    lines.append("| query | rows | qyx ms | sqlite ms | duckdb ms | qyx/sqlite | qyx/duckdb | target |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        rs, rd = r["qyx_s"] / r["sqlite_s"], r["qyx_s"] / r["duckdb_s"]
        ok = rs <= TARGET_VS_SQLITE and rd <= TARGET_VS_DUCKDB
        why = [] if ok else ([f"slower than sqlite"] if rs > TARGET_VS_SQLITE else []) + \
            ([f"> {TARGET_VS_DUCKDB:g}x duckdb"] if rd > TARGET_VS_DUCKDB else [])
        lines.append(f"| {r['id']} {r['what']} | {r['n']:,} | {ms(r['qyx_s'])} | {ms(r['sqlite_s'])} | {ms(r['duckdb_s'])} "
                     f"| {rs:.2f} | {rd:.2f} | {'pass' if ok else 'FAIL (' + ', '.join(why) + ')'} |")
    lines.append("")
    lines.append("| measure | value | target | result |")
    lines.append("|---|---:|---|---|")
    runs = ", ".join(f"{x:.2f}" for x in loads)
    lines.append(f"| qyx ingest ({mb:.1f} MB in {load_s:.2f} s `Load Time`, median of {runs} s) | {ingest:.2f} MB/s | ≥ {TARGET_INGEST_MBS:g} MB/s "
                 f"| {'pass' if ingest >= TARGET_INGEST_MBS else 'FAIL'} |")
    lines.append(f"| qyx peak RSS ({q['maxrss_kb'] / 1024:.0f} MiB) per indicator row | {bytes_per_row:.0f} B | < {TARGET_BYTES_PER_ROW:g} B "
                 f"| {'pass' if bytes_per_row < TARGET_BYTES_PER_ROW else 'FAIL'} |")
    ratio = cold_q / cold_s
    lines.append(f"| cold start, built-in corpus ({builtin_rows} rows): `qyx -c \"select count(*) from indicators\"` "
                 f"{cold_q * 1000:.1f} ms vs `sqlite3 builtin.db …` {cold_s * 1000:.1f} ms (median of {args.cold_runs}) "
                 f"| {ratio:.1f}x | ≤ {TARGET_COLD_RATIO:g}x | {'pass' if ratio <= TARGET_COLD_RATIO else 'FAIL'} |")
    if builtin_load is not None:
        lines.append(f"| (info) qyx `Load Time` of the built-in corpus in one of those runs | {builtin_load * 1000:.0f} ms | | |")
    if export_s is not None:
        lines.append(f"| (info) `qyx export --format sqlite` wall time | {export_s:.1f} s | | |")
    lines.append(f"| (info) qyx process wall time (load + {len(qs)}×{args.repeat} queries + JSON output) | {q['wall_s']:.1f} s | | |")
    lines.append("")
    lines.append("Queries (qyx / SQL):")
    lines.append("")
    for r in rows:
        lines.append(f"- {r['id']}: `{r['qyx']}`  ")
        lines.append(f"  `{r['sql']}`")
    lines.append("")
    lines.append("All three engines returned the same answers for every query (rows compared as multisets, "
                 "numbers to 9 significant digits; Q6 in order; Q8 cells compared as sets of targets).")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(args.results, "w") as f:
        f.write(text)
    log(f"wrote {args.results} ({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
