#!/usr/bin/env python3
"""Peer of `parkatlas-bench gpkg`: the parcels layer of a GeoPackage read with
pyogrio.read_dataframe(..., use_arrow=True) (GDAL's Arrow stream into a GeoDataFrame).

    python3 Benchmarks/gpkg_peer.py /tmp/parkatlas-import-bench/parcels.gpkg [--runs 3]

Prints the median in-process time of --runs reads and the CPU time per read (every thread).
"""
import statistics
import sys
import time

import pyogrio

args = sys.argv[1:]
runs = 3
if "--runs" in args:
    i = args.index("--runs")
    runs = int(args[i + 1])
    del args[i:i + 2]
path = args[0]
times = []
cpu = time.process_time()
for _ in range(runs):
    t = time.perf_counter()
    df = pyogrio.read_dataframe(path, layer="parcels", use_arrow=True)
    times.append(time.perf_counter() - t)
cpu = (time.process_time() - cpu) / runs
print(f"pyogrio read_dataframe(use_arrow=True): {len(df)} parcels, {statistics.median(times):.3f} s (median of {runs}; CPU {cpu:.3f} s per run)")
