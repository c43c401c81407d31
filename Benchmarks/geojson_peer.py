"""Peer timings for `parkatlas-bench geojson`: the same file read by Python tools.

Usage:
    swift run -c release parkatlas-bench geojson          # writes /tmp/parkatlas-bench-parcels.geojson
    python3 Benchmarks/geojson_peer.py [PATH] [--runs N]

Times (median of N runs, wall clock, one process):
  - json.load (CPython's C-accelerated json module), from bytes already in memory;
  - geopandas.read_file with the pyogrio engine (GDAL's GeoJSON driver), from the file
    (the OS page cache holds it after the first run).
Prints MB/s (1 MB = 10^6 bytes) and features/s, as the Swift benchmark does.
"""
import json
import statistics
import sys
import time


def median_time(runs, fn):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    args = [a for a in sys.argv[1:]]
    runs = 5
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    # --pyogrio-only: time just geopandas.read_file (what Benchmarks/run.py compares against).
    pyogrio_only = "--pyogrio-only" in args
    if pyogrio_only:
        args.remove("--pyogrio-only")
    path = args[0] if args else "/tmp/parkatlas-bench-parcels.geojson"
    with open(path, "rb") as f:
        data = f.read()
    mb = len(data) / 1e6
    print(f"input: {path}")
    print(f"size: {mb:.1f} MB, runs: {runs} (median)")

    if not pyogrio_only:
        t, doc = median_time(runs, lambda: json.loads(data))
        n = len(doc["features"])
        print(f"json.loads              : {t:.3f} s  {mb / t:7.1f} MB/s  {n / t:10.0f} features/s")

    import geopandas
    import pyogrio

    t, frame = median_time(runs, lambda: geopandas.read_file(path, engine="pyogrio"))
    print(f"geopandas+pyogrio read  : {t:.3f} s  {mb / t:7.1f} MB/s  {len(frame) / t:10.0f} features/s"
          f"  (geopandas {geopandas.__version__}, pyogrio {pyogrio.__version__}, GDAL {pyogrio.__gdal_version_string__})")

    if pyogrio_only:
        return
    t, _ = median_time(runs, lambda: json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    print(f"json.dumps              : {t:.3f} s  {mb / t:7.1f} MB/s  {n / t:10.0f} features/s")


if __name__ == "__main__":
    main()
