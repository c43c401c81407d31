#!/usr/bin/env python3
"""PostGIS benchmarks of issue 15, in one run, written to Benchmarks/postgis_results.md.

    swift build -c release            # builds nothing itself: needs .build/release/parkatlas{,-bench}
    python3 Benchmarks/postgis_bench.py [--runs 3] [--stats-runs 1] [--dataset DIR] [--out FILE]

(a) Reading into the model: `parkatlas-bench load` (DatasetLoader.load: every layer read,
    polygons checked and repaired, properties decoded) on the GeoJSON folder and on the same
    dataset in PostGIS (written there by `parkatlas validate DIR --fix URI`), median of --runs
    in-process loads each. Target: PostGIS ≤ 2× the folder.
(b) `parkatlas stats URI --format json` (a whole process: connect, read, overlay, report) against
    Benchmarks/postgis_stats.sql (the same figures computed in the database: ST_Intersection,
    ST_Area(geography), grouped by unit, land-use class and status) run with psql, in the same
    run; every figure of every unit is compared (relative difference ≤ 1e-6) and the ratio of
    the wall times reported.

The dataset is `parkatlas synth --parks 60 --parcels 150000 --enterprises 1000000 --seed 7`
(generated into --dataset once). The cluster is Benchmarks/pgcluster.py's (kept in
/tmp/parkatlas-province, outside git; started when needed). The 1-minute load average is
recorded before every measurement: the machine's two cores are shared.
"""
import argparse
import csv
import datetime
import io
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARKATLAS = os.path.join(ROOT, ".build/release/parkatlas")
BENCH = os.path.join(ROOT, ".build/release/parkatlas-bench")
SQL = os.path.join(ROOT, "Benchmarks/postgis_stats.sql")
SYNTH = ["--parks", "60", "--parcels", "150000", "--enterprises", "1000000", "--seed", "7"]


def loadavg():
    return open("/proc/loadavg").read().split()[0]


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def timed(argv, **kw):
    t = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, **kw)
    dt = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {out.returncode}: {out.stderr[-2000:]}")
    return dt, out.stdout


def ensure_loaded(dataset, database, schema):
    if not os.path.exists(os.path.join(dataset, "enterprises.geojson")):
        subprocess.run([PARKATLAS, "synth", "--out", dataset, *SYNTH, "--quiet"], check=True)
    pgcluster.ensure_database(database)
    uri = pgcluster.uri(database, schema)
    if pgcluster.psql(f"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'enterprises'", database) == "0":
        subprocess.run(["nice", "-n", "5", PARKATLAS, "validate", dataset, "--fix", uri, "--quiet"], check=True)
        pgcluster.psql(f"VACUUM ANALYZE", database)
    return uri


def flatten_stats(report):
    """(kind, unit, key) -> value for every figure of `parkatlas stats --format json`."""
    out = {}

    def unit(kind, name, o):
        out[(kind, name, "area_m2")] = o["area_m2"]
        out[(kind, name, "parcel_area_m2")] = o["parcel_area_m2"]
        out[(kind, name, "parcel_count")] = o["parcel_count"]
        for c in o["land_use"]:
            out[(kind, name, f"land_use:{c['code']}:area_m2")] = c["area_m2"]
            out[(kind, name, f"land_use:{c['code']}:share")] = c["share"]
        for s in o["status"]:
            out[(kind, name, f"status:{s['status']}")] = s["area_m2"]
        for k, v in o["indicators"].items():
            out[(kind, name, k)] = v

    for p in report["parks"]:
        unit("park", p["id"], p)
    for d in report["districts"]:
        unit("district", d["code"], d)
    unit("total", "total", report["total"])
    return out


def parse_sql(text):
    out = {}
    for kind, name, key, value in csv.reader(io.StringIO(text)):
        out[(kind, name, key)] = None if value == "" else float(value)
    return out


def compare(ours, theirs):
    """Every key on both sides, max relative difference, and the figures over 1e-6."""
    keys = set(ours) | set(theirs)
    worst, bad = 0.0, []
    for k in sorted(keys):
        a, b = ours.get(k, "missing"), theirs.get(k, "missing")
        if b == "missing" and k[2].startswith("status:"):
            b = 0.0  # parkatlas lists every status, 0 where none; the SQL's GROUP BY only those present
        if a is None or b is None or a == "missing" or b == "missing":
            if not (a is None and b is None):
                # a null ratio on one side and 0 on the other is a disagreement too
                bad.append((k, a, b))
            continue
        scale = max(abs(a), abs(b))
        rel = 0.0 if scale == 0 else abs(a - b) / scale
        worst = max(worst, rel)
        if rel > 1e-6:
            bad.append((k, a, b))
    return len(keys), worst, bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="/tmp/parkatlas-province-data/city01")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--stats-runs", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks/postgis_results.md"))
    a = ap.parse_args()
    pgcluster.start()
    uri = ensure_loaded(a.dataset, "bench", "synth7")
    lines = []
    log = lambda s: (print(s, flush=True), lines.append(s))

    # (a) reading into the model
    read = {}
    for name, source in [("GeoJSON folder", a.dataset), ("PostGIS", uri)]:
        load = loadavg()
        _, out = timed(["nice", "-n", "5", BENCH, "load", "--dataset", source, "--runs", str(a.runs), "--threads", str(a.threads)])
        seconds = float(re.search(r"^load : ([0-9.]+) s", out, re.M).group(1))
        counts = re.search(r"^load: (.*)$", out, re.M).group(1)
        read[name] = (seconds, load, counts)
        print(name, seconds, load, counts, flush=True)

    # (b) stats against the SQL, alternating, same run
    ours_t, sql_t, ours, theirs = [], [], None, None
    stats_out = "/tmp/parkatlas-postgis-bench-stats.json"
    for _ in range(a.stats_runs):
        l1 = loadavg()
        dt, _ = timed(["nice", "-n", "5", PARKATLAS, "stats", uri, "--format", "json", "--out", stats_out, "--quiet",
                       "--threads", str(a.threads)])
        ours_t.append((dt, l1))
        ours = flatten_stats(json.load(open(stats_out)))
        l2 = loadavg()
        dt, text = timed(["nice", "-n", "5", pgcluster.bindir() + "/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                          "-h", pgcluster.DEFAULT_DIR, "-p", str(pgcluster.DEFAULT_PORT), "-U", "postgres", "-d", "bench",
                          "-v", "schema=synth7", "-f", SQL])
        sql_t.append((dt, l2))
        theirs = parse_sql(text)
        print("stats", ours_t[-1], "sql", sql_t[-1], flush=True)
    n, worst, bad = compare(ours, theirs)
    ours_med = statistics.median(t for t, _ in ours_t)
    sql_med = statistics.median(t for t, _ in sql_t)

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    g, p = read["GeoJSON folder"], read["PostGIS"]
    md = [
        "# PostGIS benchmarks (issue 15)",
        "",
        f"Written by `python3 Benchmarks/postgis_bench.py --runs {a.runs} --stats-runs {a.stats_runs} --threads {a.threads}` "
        f"on {now}; release build; 2 cores shared with other jobs (1-minute load average beside each figure); "
        f"PostgreSQL {pgcluster.psql('SHOW server_version')} with PostGIS {pgcluster.psql('SELECT postgis_lib_version()', 'bench')} "
        "on the same machine, through its Unix socket (Benchmarks/pgcluster.py: default settings but fsync off, "
        "shared_buffers 1 GB).",
        "",
        f"Dataset: `parkatlas synth {' '.join(SYNTH)}` ({g[2]}), in PostGIS through "
        "`parkatlas validate DIR --fix postgresql://…?schema=synth7`.",
        "",
        "## (a) Reading into the model",
        "",
        f"`parkatlas-bench load --dataset SOURCE --runs {a.runs} --threads {a.threads}` (DatasetLoader.load, median in-process time):",
        "",
        "| source | time | load average |",
        "|---|---|---|",
        f"| GeoJSON folder | {g[0]:.2f} s | {g[1]} |",
        f"| PostGIS (`postgresql://…?schema=synth7`) | {p[0]:.2f} s | {p[1]} |",
        "",
        f"PostGIS / GeoJSON = **{p[0] / g[0]:.2f}×** (target ≤ 2×: {'met' if p[0] <= 2 * g[0] else 'NOT met'}).",
        "",
        "## (b) `parkatlas stats` against the same figures computed in PostGIS",
        "",
        "`parkatlas stats URI --format json --out F` (whole process) against "
        "`psql -v schema=synth7 -f Benchmarks/postgis_stats.sql` (whole query, rows to the client), same run, alternating:",
        "",
        "| run | parkatlas stats | load avg | PostGIS SQL | load avg |",
        "|---|---|---|---|---|",
    ]
    for i, ((t1, l1), (t2, l2)) in enumerate(zip(ours_t, sql_t)):
        md.append(f"| {i + 1} | {t1:.2f} s | {l1} | {t2:.2f} s | {l2} |")
    md += [
        "",
        f"SQL / parkatlas = **{sql_med / ours_med:.2f}** (parkatlas {'faster' if ours_med < sql_med else 'SLOWER'}); "
        f"{n} figures compared (area, parcel area and count, every land-use class's area and share, every status's "
        f"area and the twelve indicators of every park, district and the whole dataset): largest relative difference "
        f"{worst:.2e}, {len(bad)} over 1e-6.",
    ]
    for k, x, y in bad[:20]:
        md.append(f"- differs: {k}: parkatlas {x}, SQL {y}")
    md += ["", f"`uptime` after the run: `{uptime()}`", ""]
    with open(a.out, "w") as f:
        f.write("\n".join(md))
    print("\n".join(md))
    sys.exit(0 if not bad else 1)


if __name__ == "__main__":
    main()
