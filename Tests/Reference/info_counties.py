"""Reference values for `parkatlas info` on GeoData/reference/mianyang_counties.raw.geojson.

Run from the repository root:  python3 Tests/Reference/info_counties.py
Ellipsoidal areas: pyproj Geod(ellps="GRS80").geometry_area_perimeter after
shapely make_valid, keeping the polygonal parts (as GeoData/reference/README.md describes).
"""
import json, sys
import shapely
from shapely.geometry import shape, MultiPolygon, Polygon, GeometryCollection
from pyproj import Geod

path = sys.argv[1] if len(sys.argv) > 1 else "GeoData/reference/mianyang_counties.raw.geojson"
geod = Geod(ellps="GRS80")
d = json.load(open(path, encoding="utf-8"))
total = 0.0
print("features", len(d["features"]))
for i, f in enumerate(d["features"]):
    g = shape(f["geometry"])
    valid = g.is_valid
    reason = shapely.is_valid_reason(g)
    if not valid:
        g = shapely.make_valid(g)
        if isinstance(g, GeometryCollection):
            g = MultiPolygon([p for part in g.geoms for p in (part.geoms if isinstance(part, MultiPolygon) else [part]) if isinstance(p, Polygon)])
    area = abs(geod.geometry_area_perimeter(g)[0])
    total += area
    print(i, f["properties"]["adcode"], f["properties"]["name"], "valid" if valid else "INVALID: " + reason, "%.6f" % area)
print("total %.6f" % total)
