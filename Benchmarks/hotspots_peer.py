"""Peer timing for `parkatlas hotspots`: the same dataset through PySAL esda.

Usage (from the repository root):
    .build/release/parkatlas synth --out /tmp/hs_synth_N --enterprises N --seed 1 --quiet
    /usr/bin/time -v .build/release/parkatlas hotspots /tmp/hs_synth_N --band 1000 --format json --out /tmp/hs_N.json
    /usr/bin/time -v python3 Benchmarks/hotspots_peer.py /tmp/hs_synth_N --band 1000 [--check /tmp/hs_N.json]

Steps timed separately (wall clock, one process): reading the GeoJSON (json module), projecting with
pyproj to the CRS parkatlas printed (EPSG:4544 for the default synth centre), building
libpysal DistanceBand(binary=True) weights (a KD-tree, then a sparse matrix with every pair), esda
G_Local(star=True, transform="B", permutations=0), and esda Moran with row-standardised weights.
With --check, compares the z values with parkatlas's JSON (max |Δz|). Peak memory: /usr/bin/time -v.
"""
import argparse
import json
import time
import warnings

import numpy as np

warnings.filterwarnings("ignore")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--band", type=float, default=1000.0)
    ap.add_argument("--value", default="output_wan")
    ap.add_argument("--epsg", type=int, default=4544)
    ap.add_argument("--check")
    ap.add_argument("--max-gb", type=float,
                    help="estimate the DistanceBand size first (KD-tree on a sample, ~290 B per pair as measured in "
                         "hotspots_results.md) and stop with 'not run: would need ~N GB' (exit 3) above this")
    a = ap.parse_args()
    t0 = time.perf_counter()
    feats = json.load(open(f"{a.folder}/enterprises.geojson"))["features"]
    ids = [f["properties"]["id"] for f in feats if f["properties"].get(a.value) is not None]
    lonlat = np.array([f["geometry"]["coordinates"][:2] for f in feats if f["properties"].get(a.value) is not None])
    y = np.array([float(f["properties"][a.value]) for f in feats if f["properties"].get(a.value) is not None])
    t1 = time.perf_counter()
    import pyproj
    import libpysal
    import esda
    tr = pyproj.Transformer.from_crs("EPSG:4326", f"EPSG:{a.epsg}", always_xy=True)
    x, yy = tr.transform(lonlat[:, 0], lonlat[:, 1])
    xy = np.c_[x, yy]
    t2 = time.perf_counter()
    if a.max_gb:
        from scipy.spatial import cKDTree
        sample = np.random.default_rng(0).choice(len(xy), size=min(5000, len(xy)), replace=False)
        mean_nb = float(np.mean(cKDTree(xy).query_ball_point(xy[sample], a.band, return_length=True))) - 1
        need_gb = mean_nb * len(xy) * 290 / 1e9
        if need_gb > a.max_gb:
            print(f"not run: would need ~{need_gb:,.0f} GB ({mean_nb:.0f} mean neighbours x {len(xy)} points x ~290 B per pair)")
            raise SystemExit(3)
    w = libpysal.weights.DistanceBand(xy, threshold=a.band, binary=True, silence_warnings=True)
    t3 = time.perf_counter()
    g = esda.G_Local(y, w, star=True, transform="B", permutations=0)
    t4 = time.perf_counter()
    w.transform = "r"
    m = esda.Moran(y, w, permutations=0)
    t5 = time.perf_counter()
    print(f"n={len(y)} band={a.band} mean neighbours={w.mean_neighbors:.1f} pairs={w.nonzero}")
    print(f"read {t1 - t0:.2f} s, project {t2 - t1:.2f} s, weights {t3 - t2:.2f} s, G_Local {t4 - t3:.2f} s, "
          f"Moran {t5 - t4:.2f} s, total {t5 - t0:.2f} s")
    print(f"Moran I={m.I!r} z={m.z_norm!r}")
    if a.check:
        # libpysal drops distance-0 pairs, parkatlas keeps coincident points as neighbours
        # (docs/analyses.md §3): only the coincident points' own z differ, and Moran's sums slightly.
        from scipy.spatial import cKDTree
        coincident = {k for pair in cKDTree(xy).query_pairs(0.0) for k in pair}
        d = json.load(open(a.check))
        z = {r["id"]: r["z"] for r in d["gi_star"]}
        dz = [abs(z[i] - v) for k, (i, v) in enumerate(zip(ids, g.Zs)) if k not in coincident]
        print(f"coincident points {len(coincident)}; max |dz| vs parkatlas over the others {max(dz):.3g}; "
              f"|dI| {abs(d['moran']['i'] - m.I):.3g}" + (" (differs by the coincident-point convention)" if coincident else ""))


if __name__ == "__main__":
    main()
