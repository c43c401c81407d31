"""Reference neighbour sets for distance thresholds across a province-wide dataset (issue 19,
"True distances across a province"): DBSCAN's eps pairs and Gi*'s distance-band memberships
must be those of the ellipsoidal geodesic distance, not of the projected frame.

The points span 97.5–106.5°E (9° of longitude, 26–34°N), so the local metric frame chosen
from the bounding box is CGCS2000 / 3-degree Gauss-Kruger CM 102E (EPSG:4543) and its scale
error at the edges (4.5° from the central meridian) is about 0.25 %: a pair 500 m apart on
the ellipsoid is about 501.3 m apart in the frame. Points come in small, well separated
clumps (≥ 5 km apart): pairs whose geodesic distance is eps ± δ (δ = 2 cm … 1.5 m) for
eps = 500 m, band ± δ (δ = 2 cm … 3 m) for the 1000 m band, and triples of two such pairs.
Each pair is placed with `Geod.fwd` and its distance then measured with `Geod.inv`
(GRS80, the ellipsoid of CGCS2000 and of parkatlas's geodesic measures, docs/analyses.md §1).

Expected values, all from the full `Geod.inv` distance matrix D:
  - dbscan_min2 / dbscan_min3: scikit-learn DBSCAN(eps=500, min_samples=2 / 3,
    metric="precomputed") labels on D;
  - neighbours_500: #{j : D[i, j] ≤ 500} (self included), DBSCAN's neighbour counts;
  - band_1000: #{j : D[i, j] ≤ 1000} (self included), Gi*'s Wᵢ for the 1000 m band;
  - near_pairs: every pair within 2 km, with its geodesic distance.

Run from the repository root:
  python3 Tests/Reference/geodesic_thresholds.py
      -> Tests/Fixtures/geodesic/wide_9deg.json
(pyproj 3.7.2, scikit-learn 1.9.1, numpy; seed 19.)
"""
import json
import os

import numpy as np
from pyproj import Geod
from sklearn.cluster import DBSCAN

EPS = 500.0
BAND = 1000.0
SEED = 19
geod = Geod(ellps="GRS80")
rng = np.random.default_rng(SEED)

anchors = []


def far_from_anchors(lon, lat):
    for a in anchors:
        if abs(a[0] - lon) < 0.2 and abs(a[1] - lat) < 0.2:
            _, _, d = geod.inv(lon, lat, a[0], a[1])
            if d < 5000:
                return False
    return True


def anchor(edge):
    """A clump anchor: near a zone edge (|lon − 102| ≥ 3.5°) when `edge`, else anywhere."""
    while True:
        if edge:
            lon = 102 + rng.choice([-1, 1]) * rng.uniform(3.5, 4.45)
        else:
            lon = rng.uniform(97.55, 106.45)
        lat = rng.uniform(26.0, 34.0)
        if far_from_anchors(lon, lat):
            anchors.append((lon, lat))
            return lon, lat


def offset(base, dist):
    sign = rng.choice([-1.0, 1.0])
    return dist + sign * rng.uniform(0.02, 1.5 if dist == EPS else 3.0)


points = []
# The extent: two lone points pin the bounding box to 97.5–106.5°E, centre 102°E.
for lon, lat in [(97.5, 30.0), (106.5, 30.0)]:
    anchors.append((lon, lat))
    points.append((lon, lat))
for k in range(360):
    kind = k % 4
    lon, lat = anchor(edge=k % 5 != 0)
    points.append((lon, lat))
    if kind in (0, 1):  # a pair near eps
        az = rng.uniform(-180, 180)
        lon2, lat2, _ = geod.fwd(lon, lat, az, offset(None, EPS))
        points.append((lon2, lat2))
    elif kind == 2:  # a pair near the band
        az = rng.uniform(-180, 180)
        lon2, lat2, _ = geod.fwd(lon, lat, az, offset(None, BAND))
        points.append((lon2, lat2))
    else:  # a triple: two pairs near eps, the outer two near the band
        az = rng.uniform(-180, 180)
        lon2, lat2, _ = geod.fwd(lon, lat, az, offset(None, EPS))
        lon3, lat3, _ = geod.fwd(lon2, lat2, az + rng.uniform(-8, 8), offset(None, EPS))
        points.append((lon2, lat2))
        points.append((lon3, lat3))

# Interleave the order so clumps are not contiguous in input order (labels then test the numbering).
order = rng.permutation(len(points))
points = [points[i] for i in order]
n = len(points)
lon = np.array([p[0] for p in points])
lat = np.array([p[1] for p in points])
ii, jj = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
_, _, dist = geod.inv(lon[ii.ravel()], lat[ii.ravel()], lon[jj.ravel()], lat[jj.ravel()])
D = np.asarray(dist).reshape(n, n)
np.fill_diagonal(D, 0.0)
D = np.minimum(D, D.T)  # inv is symmetric to rounding; make it exactly so

labels2 = DBSCAN(eps=EPS, min_samples=2, metric="precomputed").fit(D).labels_
labels3 = DBSCAN(eps=EPS, min_samples=3, metric="precomputed").fit(D).labels_
near = [(int(i), int(j), float(D[i, j])) for i in range(n) for j in range(i + 1, n) if D[i, j] <= 2000]
values = [round(float(v), 3) for v in rng.lognormal(3.0, 1.0, n)]

out = {
    "source": "Tests/Reference/geodesic_thresholds.py (pyproj Geod(ellps='GRS80').inv; sklearn DBSCAN precomputed)",
    "ellipsoid": "GRS80",
    "eps": EPS,
    "band": BAND,
    "lon": [float(x) for x in lon],
    "lat": [float(y) for y in lat],
    "output_wan": values,
    "dbscan_min2": [int(v) for v in labels2],
    "dbscan_min3": [int(v) for v in labels3],
    "neighbours_500": [int(v) for v in (D <= EPS).sum(axis=1)],
    "band_1000": [int(v) for v in (D <= BAND).sum(axis=1)],
    "near_pairs": near,
}
path = "Tests/Fixtures/geodesic/wide_9deg.json"
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=0)
    f.write("\n")
within = sum(1 for p in near if p[2] <= EPS)
print(f"{n} points, {len(near)} pairs within 2 km, {within} within eps, "
      f"{int(labels2.max()) + 1} clusters (min 2), {int(labels3.max()) + 1} (min 3) -> {path}")
