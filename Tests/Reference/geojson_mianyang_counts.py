"""Reference counts for Tests/GeoJSONTests/RealDataTests.swift.

Run:  python3 Tests/Reference/geojson_mianyang_counts.py GeoData/reference/mianyang_counties.raw.geojson
Uses only the standard library's json module (an independent parser).
"""
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "GeoData/reference/mianyang_counties.raw.geojson"
with open(path, encoding="utf-8") as f:
    doc = json.load(f)

features = doc["features"]
print("features", len(features))
total_polygons = total_rings = total_positions = 0
for feat in features:
    geom = feat["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    rings = sum(len(p) for p in polys)
    positions = sum(len(r) for p in polys for r in p)
    total_polygons += len(polys)
    total_rings += rings
    total_positions += positions
    print(feat["properties"]["adcode"], feat["properties"]["name"], geom["type"], len(polys), rings, positions)
print("totals polygons", total_polygons, "rings", total_rings, "positions", total_positions)
def polygons(feat):
    geom = feat["geometry"]
    return geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]

points = [pt for feat in features for p in polygons(feat) for r in p for pt in r]
xs = [pt[0] for pt in points]
ys = [pt[1] for pt in points]
print("bbox", repr(min(xs)), repr(min(ys)), repr(max(xs)), repr(max(ys)))
print("unclosed rings", sum(1 for feat in features for p in polygons(feat) for r in p if r[0] != r[-1]))
print("property keys", sorted({k for feat in features for k in feat["properties"]}))
print("top-level keys", list(doc.keys()))
