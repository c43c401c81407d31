#!/usr/bin/env python3
"""Province scale on PostGIS (issue 15): ten synthetic cities of full size in one database,
analysed one city per process with --where, two processes at a time.

    swift build -c release
    python3 Benchmarks/province_postgis.py prepare              # synth + load (once; reused)
    python3 Benchmarks/province_postgis.py run --command stats  # or check, or analyze
    python3 Benchmarks/province_postgis.py run --command analyze --extra "--envelope analytic"

prepare: city k (1…10) is `parkatlas synth --parks 60 --parcels 150000 --enterprises 1000000
  --seed 6+k --center LON,LAT` on a 5 × 2 grid one degree apart (city 1 is the seed-7 dataset
  of Benchmarks/postgis_bench.py at synth's default centre 104.7,31.45), written into
  --data-dir, loaded with `parkatlas validate DIR --fix postgresql://…/province?schema=stage`
  and copied into schema `province` with every code and id prefixed by the city's code
  51KK (districts `5107D01`, `5107FZ-1`; parks `5107P01` reporting to district `5107FZ-1`;
  parcels, enterprises and their references likewise), so `--where "district LIKE '5107%'"`
  selects city 7; fid is shifted by k·10⁷ to keep each city's order. Then primary keys, GiST
  indexes, ANALYZE. A city already in `province.loaded_cities` is skipped, so an interrupted
  prepare continues. The cluster is Benchmarks/pgcluster.py's (/tmp/parkatlas-province,
  outside git, kept between runs).

run: a queue of the cities (table province.work, one row per --label and city); --parallel
  workers (default 2) each claim the next untaken city (UPDATE … FOR UPDATE SKIP LOCKED, so
  workers on other machines with the same --label share the queue) and run
  `parkatlas COMMAND postgresql://…/province?schema=province --where "district LIKE '51KK%'"`
  (stats: --format json --out; check: --fail-on never --format json --out; analyze:
  --db postgresql://…/province?schema=results and nothing on disk) under /usr/bin/time
  (wall seconds, peak RSS). Writes the wall time per city, the total, the load averages and
  the database size (pg_database_size) into --out (Benchmarks/province_results.md), appending
  a section per run.
"""
import argparse
import datetime
import os
import shlex
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgcluster  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARKATLAS = os.environ.get("PARKATLAS_BIN", os.path.join(ROOT, ".build/release/parkatlas"))
DB = "province"
CITIES = range(1, 11)


def centre(k):
    """City 1 at synth's default centre; the others on a 5 × 2 grid one degree apart."""
    if k == 1:
        return 104.7, 31.45
    slots = [(c, r) for r in range(2) for c in range(5) if (c, r) != (2, 0)]
    c, r = slots[k - 2]
    return round(102.7 + c, 2), round(31.45 - r, 2)


def prefix(k):
    return f"51{k:02d}"


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# Columns holding a code or id (prefixed per city); everything else is copied as it is.
CODES = {"districts": ["code"], "parks": ["id", "district", "parent"], "parcels": ["id", "enterprise"], "enterprises": ["id"]}
KEYS = {"districts": "code", "parks": "id", "parcels": "id", "enterprises": "id"}


def prepare(a):
    pgcluster.start()
    pgcluster.ensure_database(DB)
    pgcluster.psql("CREATE SCHEMA IF NOT EXISTS province; CREATE TABLE IF NOT EXISTS province.loaded_cities "
                   "(city int PRIMARY KEY, prefix text, seed int, centre text, loaded_at timestamptz DEFAULT now())", DB)
    for k in CITIES:
        if pgcluster.psql(f"SELECT count(*) FROM province.loaded_cities WHERE city = {k}", DB) == "1":
            log(f"city {k}: loaded before")
            continue
        folder = os.path.join(a.data_dir, f"city{k:02d}")
        lon, lat = centre(k)
        if not os.path.exists(os.path.join(folder, "enterprises.geojson")):
            log(f"city {k}: synth seed {6 + k} centre {lon},{lat}")
            subprocess.run(["nice", "-n", "5", PARKATLAS, "synth", "--out", folder, "--parks", "60", "--parcels", "150000",
                            "--enterprises", "1000000", "--seed", str(6 + k), f"--center={lon},{lat}", "--quiet", "--force"], check=True)
        log(f"city {k}: validate --fix into schema stage")
        t = time.perf_counter()
        subprocess.run(["nice", "-n", "5", PARKATLAS, "validate", folder, "--fix", pgcluster.uri(DB, "stage"), "--quiet"], check=True)
        log(f"city {k}: written to stage in {time.perf_counter() - t:.0f} s; copying into province")
        sql = ["BEGIN;"]
        for table in ["districts", "parks", "parcels", "enterprises"]:
            columns = pgcluster.psql(
                f"SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) FROM pg_attribute "
                f"WHERE attrelid = 'stage.{table}'::regclass AND attnum > 0 AND NOT attisdropped", DB).split(",")
            select = []
            for c in columns:
                name = c.strip('"')
                if name == "fid":
                    select.append(f"fid + {k * 10_000_000}")
                elif name in CODES[table]:
                    select.append(f"'{prefix(k)}' || {c}")
                else:
                    select.append(c)
            sql.append(f"CREATE TABLE IF NOT EXISTS province.{table} (LIKE stage.{table});")
            sql.append(f"INSERT INTO province.{table} ({','.join(columns)}) SELECT {', '.join(select)} FROM stage.{table};")
        sql.append(f"INSERT INTO province.loaded_cities (city, prefix, seed, centre) VALUES ({k}, '{prefix(k)}', {6 + k}, '{lon},{lat}');")
        sql.append("DROP SCHEMA stage CASCADE; COMMIT;")
        pgcluster.psql("\n".join(sql), DB)
        log(f"city {k}: in province ({time.perf_counter() - t:.0f} s)")
        if a.remove_folders and k != 1:
            subprocess.run(["rm", "-rf", folder])
    log("keys, GiST indexes, ANALYZE")
    for table, key in KEYS.items():
        if pgcluster.psql(f"SELECT count(*) FROM pg_indexes WHERE schemaname = 'province' AND tablename = '{table}'", DB) == "0":
            t = time.perf_counter()
            pgcluster.psql(f"ALTER TABLE province.{table} ADD PRIMARY KEY ({key}); "
                           f"CREATE INDEX ON province.{table} USING gist (geom);", DB)
            log(f"{table}: key and index in {time.perf_counter() - t:.0f} s")
    pgcluster.psql("VACUUM ANALYZE", DB)
    log(f"database size {pgcluster.psql(f'SELECT pg_size_pretty(pg_database_size({chr(39)}{DB}{chr(39)}))')}")


def run(a):
    pgcluster.start()
    uri = pgcluster.uri(DB, "province")
    results_uri = pgcluster.uri(DB, "results")
    out_dir = "/tmp/parkatlas-province-out"
    os.makedirs(out_dir, exist_ok=True)
    cities = [int(c) for c in a.cities.split(",")] if a.cities else list(CITIES)
    # The queue is a table in the shared database, so workers on other machines can take
    # cities from it too (same --label): each claims the next city with FOR UPDATE SKIP LOCKED.
    label = a.label or f"{a.command}-{time.strftime('%Y%m%d%H%M%S')}"
    pgcluster.psql("CREATE TABLE IF NOT EXISTS province.work (label text, city int, taken_by text, taken_at timestamptz, "
                   "done_at timestamptz, exit int, wall_s float8, PRIMARY KEY (label, city))", DB)
    pgcluster.psql(f"INSERT INTO province.work (label, city) SELECT '{label}', unnest(ARRAY{cities}) ON CONFLICT DO NOTHING", DB)
    host = os.uname().nodename
    rows, lock = [], threading.Lock()

    def claim(worker_id):
        taken = pgcluster.psql(
            f"UPDATE province.work SET taken_by = '{host}/{worker_id}', taken_at = now() WHERE (label, city) = "
            f"(SELECT label, city FROM province.work WHERE label = '{label}' AND taken_at IS NULL ORDER BY city "
            f"FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING city", DB)
        return int(taken) if taken else None

    def worker(worker_id):
        while True:
            k = claim(worker_id)
            if k is None:
                return
            argv = [PARKATLAS, a.command, uri, "--where", f"district LIKE '{prefix(k)}%'"]
            if a.command == "stats":
                argv += ["--format", "json", "--out", f"{out_dir}/stats_{k:02d}.json", "--quiet"]
            elif a.command == "check":
                argv += ["--fail-on", "never", "--format", "json", "--out", f"{out_dir}/check_{k:02d}.json", "--quiet"]
            else:
                argv += ["--db", results_uri, "--quiet"]
            argv += shlex.split(a.extra)
            load = open("/proc/loadavg").read().split()[0]
            started = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "nice", "-n", "5"] + argv, capture_output=True, text=True)
            wall = time.perf_counter() - started
            rss = proc.stderr.strip().splitlines()[-1].split()[-1] if proc.stderr.strip() else "?"
            with lock:
                rows.append((k, wall, rss, load, proc.returncode, proc.stderr.strip().splitlines()[:-1][-3:]))
            pgcluster.psql(f"UPDATE province.work SET done_at = now(), exit = {proc.returncode}, wall_s = {wall} "
                           f"WHERE label = '{label}' AND city = {k}", DB)
            log(f"city {k}: {a.command} exit {proc.returncode} in {wall:.1f} s (load {load})")

    l0 = open("/proc/loadavg").read().strip()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = time.perf_counter() - t0
    size = pgcluster.psql(f"SELECT pg_size_pretty(pg_database_size('{DB}')) || ' (' || pg_database_size('{DB}') || ' bytes)'")
    counts = pgcluster.psql("SELECT string_agg(t || ' ' || n, ', ') FROM (SELECT 'districts' t, count(*) n FROM province.districts "
                            "UNION ALL SELECT 'parks', count(*) FROM province.parks UNION ALL SELECT 'parcels', count(*) FROM province.parcels "
                            "UNION ALL SELECT 'enterprises', count(*) FROM province.enterprises) c", DB)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    shown = f"python3 Benchmarks/province_postgis.py run --command {a.command} --parallel {a.parallel}" + (
        f" --extra {shlex.quote(a.extra)}" if a.extra else "") + (f" --cities {a.cities}" if a.cities else "")
    md = [f"## `{a.command}`, {len(rows)} cities, {a.parallel} at a time ({now})", "",
          f"`{shown}`; release build; load average before: `{l0}`; after: "
          f"`{open('/proc/loadavg').read().strip()}`.", "",
          f"Database `{DB}`: {counts}; size {size}.", "",
          "| city | --where | wall | peak RSS | load avg at start | exit |", "|---|---|---|---|---|---|"]
    for k, wall, rss, load, rc, err in sorted(rows):
        rss_text = f"{int(rss) / 1024 / 1024:.1f} GB" if rss.isdigit() else rss
        md.append(f"| {k} | `district LIKE '{prefix(k)}%'` | {wall:.1f} s | {rss_text} | {load} | {rc} |")
    md += ["", f"Total wall time: **{total:.1f} s** ({total / 60:.1f} min) for {len(rows)} cities; "
           f"sum of the per-city times {sum(r[1] for r in rows):.1f} s.", ""]
    failed = [r for r in rows if r[4] != 0]
    for k, _, _, _, rc, err in failed:
        md.append(f"- city {k} exit {rc}: {' / '.join(err)}")
    text = "\n".join(md) + "\n"
    print(text)
    new = not os.path.exists(a.out)
    with open(a.out, "a") as f:
        if new:
            f.write("# Province scale on PostGIS (issue 15)\n\nWritten by Benchmarks/province_postgis.py (see its docstring "
                    "for the data: ten `synth` cities of 1,000,000 enterprises and 150,000 parcels each, one database).\n\n")
        f.write(text + "\n")
    sys.exit(1 if failed else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="action", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--data-dir", default="/tmp/parkatlas-province-data")
    p.add_argument("--remove-folders", action="store_true", help="delete each city's GeoJSON once loaded (city 1 is kept)")
    r = sub.add_parser("run")
    r.add_argument("--command", choices=["stats", "check", "analyze"], default="stats")
    r.add_argument("--parallel", type=int, default=2)
    r.add_argument("--cities", help="comma-separated city numbers (default all ten)")
    r.add_argument("--extra", default="", help="more arguments for every parkatlas run, e.g. \"--envelope analytic\"")
    r.add_argument("--out", default=os.path.join(ROOT, "Benchmarks/province_results.md"))
    r.add_argument("--label", help="the queue's name in province.work; another machine running the same --label "
                   "takes the cities still untaken (default: a new label)")
    a = ap.parse_args()
    prepare(a) if a.action == "prepare" else run(a)


if __name__ == "__main__":
    main()
