"""Reference values for `cluster` (docs/analyses.md §3), from independent libraries.

Run from the repository root:
    python3 Tests/Reference/cluster_reference.py
It writes Tests/Fixtures/cluster/in/{hand_cases,random_sets}.json and
Tests/Fixtures/cluster/out/*.json. The datasets it reads:
  GeoData/mianyang and Tests/Fixtures/cluster/in/synth_* (made with
  `parkatlas synth --out DIR --parks 5 --parcels 150 --enterprises 1200 --seed 7`
  and `... --seed 11 --center=13.4,52.5`; parcels dropped).

Sources of truth:
- DBSCAN: scikit-learn `DBSCAN(eps, min_samples)` labels and `core_sample_indices_`.
- Projection: pyproj `Transformer.from_crs(4326, EPSG, always_xy=True)`, EPSG chosen by
  the spec rule (CGCS2000 3-degree GK zone nearest the centre in China, else UTM).
- NNI: scipy cKDTree nearest other point + the QGIS formulas in numpy.
- Ripley K/L: `pointpats.distance_statistics.k` / `l` (area = the points' bounding box);
  for the parks/districts study areas pointpats has no area argument, so K is rescaled by
  A / A_bbox (the spec formula K = A·2·pairs/n²), with A = shapely union area of the
  projected polygons.
- Envelope: the CSR simulation re-implemented here with SplitMix64 (Tests/Reference/splitmix64.py)
  and K by scipy `pdist`, for the bbox study area.
"""
import json
import math
import os
import sys

import numpy as np
import pyproj
import shapely
from scipy import spatial
from scipy.special import erfc
from sklearn.cluster import DBSCAN
from pointpats import distance_statistics as ds

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "Tests", "Fixtures", "cluster")
RADII = [250.0, 500.0, 1000.0, 2000.0]
M = (1 << 64) - 1


def dbscan(xy, eps, min_points):
    model = DBSCAN(eps=eps, min_samples=min_points).fit(np.asarray(xy, dtype=float).reshape(-1, 2))
    core = np.zeros(len(model.labels_), dtype=bool)
    core[model.core_sample_indices_] = True
    return [int(v) for v in model.labels_], [bool(v) for v in core]


# ---------- hand cases (metric coordinates) ----------
def hand_cases():
    cases = []
    # Ties at exactly eps: integer coordinates, so d² and eps² are exact.
    cases.append({"name": "ties_on_axis", "eps": 500.0, "min_points": 3,
                  "xy": [[0, 0], [500, 0], [1000, 0], [1500, 0], [3000, 0], [3500, 0], [5000, 0]]})
    cases.append({"name": "ties_345_triangle", "eps": 500.0, "min_points": 3,
                  "xy": [[0, 0], [300, 400], [600, 0], [300, -400], [2000, 2000], [2300, 2400], [2300, 2400.5]]})
    # A border point within eps of cores of two clusters: the cluster whose lowest-index core
    # comes first wins, whatever the order of the border point itself.
    c_right = [[10, 0], [10, 1], [10, -1], [11, 0]]
    c_left = [[-10, 0], [-10, 1], [-10, -1], [-11, 0]]
    cases.append({"name": "border_two_clusters_right_first", "eps": 10.0, "min_points": 4,
                  "xy": c_right + [[0, 0]] + c_left})
    cases.append({"name": "border_two_clusters_border_first", "eps": 10.0, "min_points": 4,
                  "xy": [[0, 0]] + c_left + c_right})
    cases.append({"name": "duplicates", "eps": 1.0, "min_points": 5,
                  "xy": [[5, 5]] * 5 + [[50, 50]] * 4 + [[5.5, 5]] + [[100, 100]] + [[50, 50.5]]})
    cases.append({"name": "min_points_one", "eps": 2.0, "min_points": 1,
                  "xy": [[0, 0], [1, 0], [10, 0], [30, 0], [31.5, 0]]})
    cases.append({"name": "chain_spaced_eps", "eps": 100.0, "min_points": 3,
                  "xy": [[100 * i, 0] for i in range(12)] + [[100 * 5, 100]]})
    cases.append({"name": "single_point", "eps": 500.0, "min_points": 1, "xy": [[1, 2]]})
    cases.append({"name": "empty", "eps": 500.0, "min_points": 5, "xy": []})
    out = []
    for c in cases:
        if c["xy"]:
            labels, core = dbscan(c["xy"], c["eps"], c["min_points"])
        else:
            labels, core = [], []
        out.append({"name": c["name"], "labels": labels, "core": core})
    return cases, out


# ---------- random sets (metric coordinates, gaussian blobs + background) ----------
def random_sets():
    sets, out = [], []
    for seed, n, eps, mp in [(1, 2000, 500.0, 5), (2, 3000, 300.0, 8), (3, 1500, 800.0, 4), (4, 2500, 150.0, 3)]:
        rng = np.random.default_rng(seed)
        centres = rng.uniform(0, 20000, size=(8, 2))
        blob = centres[rng.integers(0, 8, size=n // 2)] + rng.normal(0, 400, size=(n // 2, 2))
        background = rng.uniform(0, 20000, size=(n - n // 2, 2))
        xy = np.vstack([blob, background]) + np.array([400000.0, 3400000.0])
        xy = np.round(xy, 3)  # exact in JSON
        labels, core = dbscan(xy, eps, mp)
        sets.append({"name": f"blobs_seed{seed}", "eps": eps, "min_points": mp, "xy": xy.tolist()})
        out.append({"name": f"blobs_seed{seed}", "labels": labels, "core": core})
    return sets, out


# ---------- datasets ----------
def metric_epsg(lon, lat):
    if 73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55:
        zone = min(45, max(25, math.floor((lon + 1.5) / 3)))
        return 4534 + (zone * 3 - 75) // 3
    z = int((lon + 180) // 6) + 1
    return (32600 if lat >= 0 else 32700) + z


def polygons(path):
    with open(path) as f:
        return [shapely.geometry.shape(feat["geometry"]) for feat in json.load(f)["features"]]


def nni(xy, area):
    n = len(xy)
    d, _ = spatial.cKDTree(xy).query(xy, k=2)
    do = float(d[:, 1].mean())
    de = 0.5 / math.sqrt(n / area)
    se = 0.26136 / math.sqrt(n * n / area)
    z = (do - de) / se
    return {"mean_observed": do, "mean_expected": de, "nni": do / de, "z": z,
            "p": float(erfc(abs(z) / math.sqrt(2))), "study_area_m2": area}


def ripley(xy):
    support, k = ds.k(xy, support=np.array(RADII))
    _, l = ds.l(xy, support=np.array(RADII))
    return [float(v) for v in k], [float(v) for v in l]


def splitmix_stream(seed, index):
    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)
    state = mix((mix(seed) + index) & M)
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        yield (mix(state) >> 11) * 2.0 ** -53


def envelope(xy, radii, simulations, seed):
    n = len(xy)
    minx, miny = xy.min(axis=0)
    maxx, maxy = xy.max(axis=0)
    w, h = maxx - minx, maxy - miny
    area = w * h
    def kfun(pts):
        d = spatial.distance.pdist(pts)
        return np.array([area * 2 * (d < r).sum() / (n * n) for r in radii])
    obs = kfun(xy)
    sims = []
    for s in range(simulations):
        g = splitmix_stream(seed, s)
        pts = np.empty((n, 2))
        for i in range(n):
            pts[i, 0] = minx + next(g) * w
            pts[i, 1] = miny + next(g) * h
        sims.append(kfun(pts))
    sims = np.array(sims)
    low, high = sims.min(axis=0), sims.max(axis=0)
    p = ((sims >= obs).sum(axis=0) + 1) / (simulations + 1)
    return {"radii": radii, "simulations": simulations, "seed": seed,
            "k": obs.tolist(), "envelope_low": np.sqrt(low / np.pi).tolist(),
            "envelope_high": np.sqrt(high / np.pi).tolist(), "p": p.tolist()}


def dataset_reference(name, folder, eps=500.0, min_points=5, level_digits=2, envelope_group=None):
    parks = polygons(os.path.join(folder, "parks.geojson"))
    districts = polygons(os.path.join(folder, "districts.geojson"))
    minx = min(g.bounds[0] for g in parks + districts); maxx = max(g.bounds[2] for g in parks + districts)
    miny = min(g.bounds[1] for g in parks + districts); maxy = max(g.bounds[3] for g in parks + districts)
    epsg = metric_epsg((minx + maxx) / 2, (miny + maxy) / 2)
    tr = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    inv = pyproj.Transformer.from_crs(epsg, 4326, always_xy=True)
    proj = lambda g: shapely.transform(g, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))
    parks_area = float(shapely.union_all([proj(g) for g in parks]).area)
    districts_area = float(shapely.union_all([proj(g) for g in districts]).area)
    with open(os.path.join(folder, "enterprises.geojson")) as f:
        feats = json.load(f)["features"]
    groups = {}
    for feat in feats:
        groups.setdefault(feat["properties"]["industry"][: 1 + level_digits], []).append(feat)
    out_groups = []
    for code in sorted(groups):
        members = groups[code]
        lon = np.array([m["geometry"]["coordinates"][0] for m in members])
        lat = np.array([m["geometry"]["coordinates"][1] for m in members])
        x, y = tr.transform(lon, lat)
        xy = np.column_stack([x, y])
        labels, core = dbscan(xy, eps, min_points)
        g = {"industry": code, "n": len(members), "ids": [m["properties"]["id"] for m in members],
             "labels": labels, "core": core, "xy_first": xy[0].tolist()}
        # Per cluster: size, core count, output, centroid (mean of projected coords, inverse-projected).
        clusters = []
        lab = np.array(labels)
        for c in range(lab.max() + 1 if len(lab) else 0):
            idx = np.nonzero(lab == c)[0]
            cx, cy = xy[idx].mean(axis=0)
            clon, clat = inv.transform(cx, cy)
            clusters.append({"id": c, "size": int(len(idx)), "core_count": int(np.array(core)[idx].sum()),
                             "output_wan": float(sum(members[i]["properties"].get("output_wan") or 0 for i in idx)),
                             "centroid": [clon, clat]})
        g["clusters"] = clusters
        if len(members) >= 2:
            bbox_area = float((xy[:, 0].max() - xy[:, 0].min()) * (xy[:, 1].max() - xy[:, 1].min()))
            k, l = ripley(xy)
            g["nni_bbox"] = nni(xy, bbox_area)
            g["nni_parks"] = nni(xy, parks_area)
            g["nni_districts"] = nni(xy, districts_area)
            g["k_bbox"], g["l_bbox"] = k, l
            g["k_parks"] = [v * parks_area / bbox_area for v in k]
            g["k_districts"] = [v * districts_area / bbox_area for v in k]
            if code == envelope_group:
                g["envelope"] = envelope(xy, RADII, 19, 7)
        out_groups.append(g)
    return {"dataset": name, "epsg": epsg, "eps": eps, "min_points": min_points, "level": level_digits,
            "radii": RADII, "parks_area_m2": parks_area, "districts_area_m2": districts_area, "groups": out_groups}


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def main():
    cases, outs = hand_cases()
    write(os.path.join(FIX, "in", "hand_cases.json"), {"cases": cases})
    write(os.path.join(FIX, "out", "hand_cases.json"), {"cases": outs})
    sets, outs = random_sets()
    write(os.path.join(FIX, "in", "random_sets.json"), {"sets": sets})
    write(os.path.join(FIX, "out", "random_sets.json"), {"sets": outs})
    write(os.path.join(FIX, "out", "mianyang.json"),
          dataset_reference("mianyang", os.path.join(ROOT, "GeoData", "mianyang"), envelope_group="C13"))
    write(os.path.join(FIX, "out", "mianyang_eps300_min8_level3.json"),
          dataset_reference("mianyang", os.path.join(ROOT, "GeoData", "mianyang"), eps=300.0, min_points=8, level_digits=3))
    for name, env in [("synth_s7_sichuan", "C36"), ("synth_s11_berlin", "C37")]:
        write(os.path.join(FIX, "out", name + ".json"),
              dataset_reference(name, os.path.join(FIX, "in", name), envelope_group=env))
    print("wrote", FIX)


if __name__ == "__main__":
    sys.exit(main())
