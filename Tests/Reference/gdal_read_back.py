#!/usr/bin/env python3
"""Reads a file written by ParkAtlas with fiona (its own bundled GDAL) and prints
JSON rows: every property plus `area` (shapely planar area of the geometry).
Exit 77 when fiona is not installed (the Swift test then skips this half).

Usage: python3 Tests/Reference/gdal_read_back.py FILE [LAYER]
"""
import json
import sys

try:
    import fiona
    from shapely.geometry import shape
except ImportError:
    sys.exit(77)

fiona.drvsupport.supported_drivers.update({"OpenFileGDB": "r", "FlatGeobuf": "r", "CSV": "r"})
path = sys.argv[1]
layer = sys.argv[2] if len(sys.argv) > 2 else None
rows = []
with fiona.open(path, layer=layer) as src:
    for f in src:
        row = dict(f.properties)
        g = f.geometry
        if g is None and "WKT" in row:
            from shapely import wkt
            row["area"] = wkt.loads(row["WKT"]).area
        else:
            row["area"] = shape(g).area if g is not None else None
        rows.append(row)
print(json.dumps(rows, ensure_ascii=False, default=str))
