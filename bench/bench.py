#!/usr/bin/env python3
"""newsfacts import benchmark: throughput, peak memory and saved-query times.

For each corpus size N it:
  1. generates a deterministic synthetic corpus of N ~6 KB .txt articles
     (bench/corpus.py; cached under --work),
  2. times a plain load of the same files into SQLite, no extraction
     (`sqlite-utils insert-files --text`, installed into a venv under --work;
     if that cannot be installed, Python's sqlite3 inserting path + text in one
     transaction, and the report says so),
  3. times `newsfacts import` (release build, full extraction) into a fresh
     database, with peak memory (GNU `/usr/bin/time -v`, else the child's
     rusage from wait4, which is what GNU time reads too),
  4. times every saved query on the resulting database through the CLI
     (`newsfacts query NAME -f csv -o /dev/null`, wall time including process
     start), with defaults and with a typical filter value, and prints the
     query plan of any that takes 200 ms or more.

Each import is repeated --repeat times (fresh database each time) and the
median is reported, because the machine may be shared. Usage:

    bench/bench.py                       # 10,000 articles
    bench/bench.py --articles 10000,100000 --repeat 3
    bench/bench.py --articles 2000 --no-build --json out.json
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import corpus  # noqa: E402

BINARY = os.path.join(ROOT, "target", "release", "newsfacts")
QUERY_LIMIT_MS = 200

# A typical filter value per parameter name, found in the database just built.
PROBES = {
    "place": "SELECT l.name FROM location_mentions m JOIN locations l ON l.id = m.location_id "
             "GROUP BY l.id ORDER BY count(*) DESC LIMIT 1",
    "speaker": "SELECT a.name FROM statements s JOIN actors a ON a.id = s.speaker_id "
               "GROUP BY a.id ORDER BY count(*) DESC LIMIT 1",
    "category": "SELECT 'killed'",
    "actor": "SELECT a.name FROM actor_mentions m JOIN actors a ON a.id = m.actor_id "
             "GROUP BY a.id ORDER BY count(*) DESC LIMIT 1",
    "terms": "SELECT 'killed'",
}


def main():
    global BINARY
    args = parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.binary:
        BINARY = os.path.abspath(args.binary)
    elif not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    loader = plain_loader(args.work)
    results = [bench_size(args, n, loader) for n in args.articles]
    report(results, loader)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", default="10000",
                   help="corpus sizes, comma-separated (default 10000)")
    p.add_argument("--repeat", type=int, default=1, help="imports per size (median reported)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "newsfacts-bench"),
                   help="folder for corpora, venv and databases")
    p.add_argument("--no-build", action="store_true", help="use the existing release binary")
    p.add_argument("--binary", help="benchmark this newsfacts binary (implies --no-build)")
    p.add_argument("--json", help="also write the figures as JSON to this file")
    args = p.parse_args()
    args.articles = [int(n.replace("_", "")) for n in args.articles.split(",")]
    return args


def bench_size(args, n, loader):
    folder = os.path.join(args.work, f"corpus-{n}-seed{args.seed}")
    print(f"== {n} articles: generating corpus in {folder}", file=sys.stderr)
    corpus.generate(folder, n, seed=args.seed)
    size = corpus_bytes(folder)
    plain, imports = [], []
    for i in range(args.repeat):
        print(f"   run {i + 1}/{args.repeat}: plain load", file=sys.stderr)
        plain.append(loader["run"](folder, os.path.join(args.work, "plain.db")))
        print(f"   run {i + 1}/{args.repeat}: newsfacts import", file=sys.stderr)
        imports.append(run_import(folder, os.path.join(args.work, f"bench-{n}.db")))
    db = os.path.join(args.work, f"bench-{n}.db")
    return {
        "articles": n,
        "bytes": size,
        "plain": summarise(plain, n, size),
        "import": summarise(imports, n, size),
        "import_summary": imports[-1]["summary"],
        "db_bytes": os.path.getsize(db),
        "queries": time_queries(db),
    }


def corpus_bytes(folder):
    total = 0
    for dirpath, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total


def summarise(runs, n, size):
    wall = statistics.median(r["wall"] for r in runs)
    return {
        "wall_s": round(wall, 3),
        "all_wall_s": [round(r["wall"], 3) for r in runs],
        "articles_per_s": round(n / wall),
        "mb_per_s": round(size / 1e6 / wall, 1),
        "peak_rss_mb": round(max(r["rss_kb"] for r in runs) / 1024, 1),
        "cpu_s": round(statistics.median(r["cpu"] for r in runs), 2),
    }


# --- measuring a child process -------------------------------------------------

def have_gnu_time():
    if os.path.exists("/usr/bin/time"):
        return True
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.exists("/usr/bin/time")


def measure(cmd, **kw):
    """Runs cmd; returns wall seconds, peak RSS (kB), CPU seconds and stdout.

    Dirty pages of the previous run (gigabytes at 100,000 articles) are
    written out first, so the kernel's writeback does not land in this run.
    """
    os.sync()
    if have_gnu_time():
        with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
            started = time.perf_counter()
            out = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd,
                                 stdout=subprocess.PIPE, check=True, **kw).stdout
            wall = time.perf_counter() - started
            stats = t.read()
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats).group(1))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", stats).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", stats).group(1))
        return {"wall": wall, "rss_kb": rss, "cpu": user + system, "stdout": out}
    # Fallback: the child's own rusage, as GNU time reads it.
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, **kw)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return {"wall": wall, "rss_kb": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime,
            "stdout": out}


def fresh(db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


# --- the plain-load baseline -----------------------------------------------------

def plain_loader(work):
    """sqlite-utils insert-files from a venv, or Python sqlite3 if pip fails."""
    venv = os.path.join(work, "venv")
    tool = os.path.join(venv, "bin", "sqlite-utils")
    if not os.path.exists(tool):
        try:
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "sqlite-utils"],
                           check=True)
        except subprocess.CalledProcessError:
            pass
    if os.path.exists(tool):
        def run(folder, db):
            fresh(db)
            return measure([tool, "insert-files", db, "articles", folder, "--text", "-s"])
        return {"name": "sqlite-utils insert-files --text (path, text, size; one row per file)",
                "run": run}

    def run_python(folder, db):
        fresh(db)
        return measure([sys.executable, os.path.join(HERE, "plain_load.py"), db, folder])
    return {"name": "python sqlite3, path + text in one transaction (bench/plain_load.py)",
            "run": run_python}


# --- newsfacts ---------------------------------------------------------------

def run_import(folder, db):
    fresh(db)
    result = measure([BINARY, "import", folder, "--db", db])
    result["summary"] = result["stdout"].decode().strip()
    return result


def time_queries(db):
    listed = json.loads(subprocess.run([BINARY, "queries", "-f", "json"], check=True,
                                       stdout=subprocess.PIPE).stdout)
    conn = sqlite3.connect(db)
    out = []
    for q in listed:
        name = q["name"]
        described = q.get("parameters") or ""
        # Required parameters get a typical value in every run; optional ones
        # are timed at their default and once more with a typical value.
        required = []
        for param in required_names(described):
            value = probe(conn, param)
            if value is None:
                break
            required += [param, value]
        else:
            out.append(time_query(db, name, required))
            for param in param_names(described):
                value = probe(conn, param)
                if param not in required and value is not None:
                    out.append(time_query(db, name, required + [param, value]))
    return out


def probe(conn, param):
    sql = PROBES.get(param)
    row = conn.execute(sql).fetchone() if sql else None
    return str(row[0]) if row and row[0] is not None else None


def required_names(described):
    return re.findall(r"-p (\w+) VALUE \(required\)", described)


def param_names(described):
    return re.findall(r"-p (\w+) VALUE", described)


def time_query(db, name, params):
    binds = []
    for i in range(0, len(params), 2):
        binds += ["-p", params[i], params[i + 1]]
    cmd = [BINARY, "query", name, "--db", db] + binds
    runs = [measure(cmd + ["-f", "csv", "-o", os.devnull])["wall"] for _ in range(3)]
    ms = round(min(runs) * 1000, 1)
    rows = subprocess.run(cmd + ["-f", "jsonl"], stdout=subprocess.PIPE,
                          check=True).stdout.count(b"\n")
    result = {"query": name, "params": " ".join(params), "ms": ms, "rows": rows}
    if ms >= QUERY_LIMIT_MS:
        result["plan"] = query_plan(db, name, params)
    return result


def query_plan(db, name, params):
    path = os.path.join(ROOT, "queries", f"{name}.sql")
    if not os.path.exists(path):
        return "(plan unavailable: queries/%s.sql not found)" % name
    text = open(path).read()
    sql = "\n".join(line for line in text.splitlines() if not line.startswith("-- "))
    binds = {m: None for m in re.findall(r":(\w+)", sql)}
    for spec in re.findall(r"^-- param: (\w+)\s*(?:=\s*(\S+))?", text, re.M):
        binds[spec[0]] = None if spec[1] in ("", "NULL") else spec[1]
    binds.update(dict(zip(params[::2], params[1::2])))
    rows = sqlite3.connect(db).execute("EXPLAIN QUERY PLAN " + sql, binds).fetchall()
    return "\n".join(f"{'  ' * depth(rows, r)}{r[3]}" for r in rows)


def depth(rows, row):
    parents = {r[0]: r[1] for r in rows}
    d, p = 0, row[1]
    while p in parents:
        d, p = d + 1, parents[p]
    return d


# --- the report ------------------------------------------------------------------

def report(results, loader):
    cpus = os.cpu_count()
    print(f"\nnewsfacts import benchmark on {cpus} cores ({platform_line()})")
    print(f"plain load = {loader['name']}\n")
    print("| articles | corpus MB | tool | wall s | articles/s | MB/s | peak RSS MB | CPU s |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        for key, label in (("plain", "plain load"), ("import", "newsfacts import")):
            m = r[key]
            print(f"| {r['articles']:,} | {r['bytes'] / 1e6:.0f} | {label} | {m['wall_s']} "
                  f"| {m['articles_per_s']:,} | {m['mb_per_s']} | {m['peak_rss_mb']} "
                  f"| {m['cpu_s']} |")
    print()
    for r in results:
        ratio = r["import"]["wall_s"] / r["plain"]["wall_s"]
        print(f"{r['articles']:,} articles: import takes {ratio:.2f}x the plain load; "
              f"database {r['db_bytes'] / 1e6:.0f} MB; runs (s): import "
              f"{r['import']['all_wall_s']}, plain {r['plain']['all_wall_s']}")
        print(f"  {r['import_summary']}")
    if len(results) > 1:
        small, big = results[0]["import"], results[-1]["import"]
        growth = big["peak_rss_mb"] / small["peak_rss_mb"] - 1
        print(f"peak memory {results[-1]['articles']:,} vs {results[0]['articles']:,} articles: "
              f"{growth:+.0%}")
    for r in results:
        print(f"\nsaved queries on the {r['articles']:,}-article database "
              f"(CLI wall time, best of 3, output to /dev/null):\n")
        print("| query | params | ms | rows |")
        print("|---|---|---:|---:|")
        for q in r["queries"]:
            flag = " **slow**" if q["ms"] >= QUERY_LIMIT_MS else ""
            print(f"| {q['query']} | {q['params'] or '(defaults)'} | {q['ms']}{flag} | {q['rows']:,} |")
        for q in r["queries"]:
            if "plan" in q:
                print(f"\nplan of {q['query']} {q['params']}:\n{q['plan']}")


def platform_line():
    load = os.getloadavg()[0]
    return f"load average {load:.1f} at the end; timings are noisy on a shared machine"


if __name__ == "__main__":
    main()
