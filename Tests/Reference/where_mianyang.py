#!/usr/bin/env python3
"""Independent check behind PostGISCommandTests.testDocumentedWhereByDistrictCodeSelectsOneCity:
with `--where "district LIKE '5107%'"` the parcels and enterprises read are those meeting the
union of the districts whose code starts with 5107 (Mianyang's administrative districts). This
script shows, with shapely, that every parcel, enterprise and park of GeoData/mianyang meets that
union, so the expected rows are all of Mianyang's.

    python3 Tests/Reference/where_mianyang.py     # prints: parcels 4126 of 4126 ... (all)
"""
import json
import os
import sys

from shapely.geometry import shape
from shapely.ops import unary_union

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "GeoData", "mianyang")
districts = json.load(open(os.path.join(root, "districts.geojson")))["features"]
area = unary_union([shape(f["geometry"]) for f in districts if f["properties"]["code"].startswith("5107")])
ok = True
for name in ["parcels", "enterprises", "parks"]:
    features = json.load(open(os.path.join(root, name + ".geojson")))["features"]
    inside = sum(1 for f in features if f["geometry"] and area.intersects(shape(f["geometry"])))
    print(f"{name} {inside} of {len(features)}")
    ok = ok and inside == len(features)
sys.exit(0 if ok else 1)
