#!/usr/bin/env python3
"""Times `parkatlas stats` (release build) against its GeoPandas peer
(Benchmarks/stats_peer.py) on one dataset and prints both and the ratio.

Both are timed as whole processes (wall clock, best of --runs), so
parkatlas's figure includes loading and validating the dataset and writing
the JSON, and the peer's includes importing GeoPandas. The peer's own
in-process time (after imports) is printed too. Also checks that both give
the same park areas and indicators (1e-6 relative).

Usage:
  swift build -c release
  .build/release/parkatlas synth --out /tmp/statsbench --parks 60 --parcels 150000 --enterprises 1000 --seed 3
  python3 Benchmarks/stats_benchmark.py /tmp/statsbench [--runs 3] [--threads 2]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--level", type=int, default=2)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    ours_json, peer_json = os.path.join(tmp, "ours.json"), os.path.join(tmp, "peer.json")
    exe = os.path.join(ROOT, ".build/release/parkatlas")
    ours, peer, peer_inner = [], [], []
    for _ in range(args.runs):
        t, _ = timed([exe, "stats", args.dataset, "--level", str(args.level), "--format", "json",
                      "--threads", str(args.threads), "--out", ours_json])
        ours.append(t)
        t, out = timed([sys.executable, os.path.join(HERE, "stats_peer.py"), args.dataset, "--level", str(args.level),
                        "--out", peer_json])
        peer.append(t)
        peer_inner.append(float(re.search(r"total ([0-9.]+) s", out).group(1)))
    a = {p["id"]: p for p in json.load(open(ours_json))["parks"]}
    bad = 0
    for p in json.load(open(peer_json))["parks"]:
        q = a[p["id"]]
        pairs = [(p["area_m2"], q["area_m2"]), (p["parcel_area_m2"], q["parcel_area_m2"])]
        pairs += [(v, q["indicators"][k]) for k, v in (p["indicators"] or {}).items()]
        for x, y in pairs:
            if (x is None) != (y is None) or (x is not None and abs(x - y) > 1e-6 * max(abs(y), 1e-9)):
                bad += 1
    print(f"dataset {args.dataset}, level {args.level}, best of {args.runs}")
    print(f"parkatlas stats (--threads {args.threads}): {min(ours):.2f} s")
    print(f"GeoPandas peer: {min(peer):.2f} s whole process, {min(peer_inner):.2f} s after imports")
    print(f"ratio peer / parkatlas: {min(peer) / min(ours):.1f}x (whole process), {min(peer_inner) / min(ours):.1f}x (after imports)")
    print(f"park figures differing beyond 1e-6: {bad}")


if __name__ == "__main__":
    main()
