"""Pairs of a dataset whose side of a distance threshold differs between the metric frame and the
GRS80 geodesic (pyproj), for Benchmarks/geodesic_thresholds.md.
  python3 Benchmarks/geodesic_flips.py GeoData/mianyang 4544
Prints, per threshold D, the pairs within 1.01·D in the frame, how many are decided differently
by Geod.inv, and how many lie in (D, 1.0003·D] in the frame (all enterprises together).
"""
import json, sys, numpy as np
from pyproj import Transformer, Geod
from scipy.spatial import cKDTree
ds, epsg = sys.argv[1], int(sys.argv[2])
feats = json.load(open(ds + "/enterprises.geojson"))["features"]
pts = [(f["geometry"]["coordinates"][0], f["geometry"]["coordinates"][1], f["properties"].get("industry", "")) for f in feats if f.get("geometry")]
lon = np.array([p[0] for p in pts]); lat = np.array([p[1] for p in pts])
x, y = Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
xy = np.c_[x, y]; g = Geod(ellps="GRS80")
print(len(pts), "points; max |x-FE| km", np.abs(x - 500000).max() / 1000)
for D in (300, 500, 800, 1000):
    t = cKDTree(xy); pairs = t.query_pairs(D * 1.01, output_type="ndarray")
    d = np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T)
    _, _, gd = g.inv(lon[pairs[:, 0]], lat[pairs[:, 0]], lon[pairs[:, 1]], lat[pairs[:, 1]])
    flips = ((d <= D) != (gd <= D)).sum()
    print(f"D={D}: pairs within 1.01D {len(pairs)}, decided differently {flips}, ring pairs (d in ({D},{D}*1.0003]) {((d > D) & (d <= D * 1.0003)).sum()}")
