"""Peer benchmark for `parkatlas cluster`: scikit-learn DBSCAN on the same projected points.

Usage (from the repository root, after `parkatlas synth --out /tmp/cl_big --parks 60
--parcels 1000 --enterprises 1000000`):
    python3 Benchmarks/cluster_peer.py /tmp/cl_big [--industry C] [--eps 500] [--min-points 5]
        [--mem-limit-gb 10] [--compare LABELS.json]

Loads enterprises.geojson, keeps the industry prefix, projects with pyproj into the EPSG the
spec rule picks (the GK zone / UTM of the centre of the districts+parks extent), estimates the
memory scikit-learn needs (it materialises every neighbourhood: Σ|N(i)| int64 indices), then
times `DBSCAN(eps, min_samples).fit` in a child process capped at --mem-limit-gb (address
space), so running out of memory is reported instead of disturbing the machine.
With --compare, checks the labels against a `parkatlas cluster --format json` output.
"""
import argparse
import json
import math
import multiprocessing as mp
import resource
import sys
import time

import numpy as np
import pyproj
from scipy import spatial


def metric_epsg(lon, lat):
    if 73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55:
        zone = min(45, max(25, math.floor((lon + 1.5) / 3)))
        return 4534 + (zone * 3 - 75) // 3
    return (32600 if lat >= 0 else 32700) + int((lon + 180) // 6) + 1


def extent(path):
    xs, ys = [], []
    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0]); ys.append(c[1])
        else:
            for x in c:
                walk(x)
    for f in json.load(open(path))["features"]:
        walk(f["geometry"]["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def fit(xy, eps, min_points, limit_gb, queue):
    if limit_gb:
        cap = int(limit_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        from sklearn.cluster import DBSCAN
        t = time.perf_counter()
        labels = DBSCAN(eps=eps, min_samples=min_points).fit(xy).labels_
        elapsed = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        queue.put(("ok", elapsed, peak, labels.tolist()))
    except MemoryError:
        queue.put(("memory", None, None, None))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--industry", default="C")
    ap.add_argument("--eps", type=float, default=500.0)
    ap.add_argument("--min-points", type=int, default=5)
    ap.add_argument("--mem-limit-gb", type=float, default=10.0)
    ap.add_argument("--compare")
    ap.add_argument("--skip-over-cap", action="store_true",
                    help="do not start DBSCAN when the estimate exceeds --mem-limit-gb (prints 'not run: ...', exit 3)")
    a = ap.parse_args()

    t0 = time.perf_counter()
    feats = json.load(open(f"{a.dataset}/enterprises.geojson"))["features"]
    feats = [f for f in feats if f["properties"]["industry"].startswith(a.industry)]
    b = [extent(f"{a.dataset}/{n}.geojson") for n in ("districts", "parks")]
    lon = (min(x[0] for x in b) + max(x[2] for x in b)) / 2
    lat = (min(x[1] for x in b) + max(x[3] for x in b)) / 2
    epsg = metric_epsg(lon, lat)
    tr = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    coords = np.array([f["geometry"]["coordinates"][:2] for f in feats])
    x, y = tr.transform(coords[:, 0], coords[:, 1])
    xy = np.column_stack([x, y])
    print(f"loaded and projected {len(xy)} points (EPSG:{epsg}) in {time.perf_counter() - t0:.1f} s")

    # Σ|N(i)| estimated on a sample, to say in advance how much memory sklearn needs.
    tree = spatial.cKDTree(xy)
    sample = np.random.default_rng(0).choice(len(xy), size=min(20000, len(xy)), replace=False)
    mean_nb = float(np.mean(tree.query_ball_point(xy[sample], a.eps, return_length=True)))
    need_gb = mean_nb * len(xy) * 8 / 1024 ** 3
    print(f"mean neighbourhood {mean_nb:.0f} points -> sklearn holds ~{need_gb:.1f} GB of neighbour indices")

    if a.skip_over_cap and need_gb > a.mem_limit_gb:
        print(f"not run: would need ~{need_gb:.0f} GB of neighbour indices (cap {a.mem_limit_gb:g} GB)")
        return 3

    q = mp.Queue()
    p = mp.Process(target=fit, args=(xy, a.eps, a.min_points, a.mem_limit_gb, q))
    t = time.perf_counter()
    p.start()
    # Read before join: a child blocks on exit until its queued result is consumed.
    import queue as queue_module
    result = None
    while result is None and (p.is_alive() or not q.empty()):
        try:
            result = q.get(timeout=1)
        except queue_module.Empty:
            pass
    p.join()
    wall = time.perf_counter() - t
    if result is None:
        print(f"sklearn DBSCAN failed (exit code {p.exitcode}, killed?) after {wall:.1f} s with a {a.mem_limit_gb} GB cap")
        return 1
    status, elapsed, peak, labels = result
    if status == "memory":
        print(f"sklearn DBSCAN ran out of memory (cap {a.mem_limit_gb} GB) after {wall:.1f} s")
        return 1
    labels = np.array(labels)
    print(f"sklearn DBSCAN fit: {elapsed:.1f} s, peak RSS {peak:.0f} MB, {labels.max() + 1} clusters, {(labels < 0).sum()} noise")
    if a.compare:
        ours = json.load(open(a.compare))["groups"][0]["points"]
        same = np.array_equal(labels, np.array([p["cluster"] for p in ours]))
        print(f"labels identical to parkatlas: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
