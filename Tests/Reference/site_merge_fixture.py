#!/usr/bin/env python3
"""Builds the block-merging fixture of `parkatlas site` and its expected blocks.

Six 100 m x 100 m ready industrial parcels laid out in EPSG:4544 (CGCS2000 GK
CM 105E, the metric CRS the toolkit chooses for this place), converted to lon/lat
with pyproj:
  A-B touch; B-C 9 m apart; C-D 11 m apart; D-E corner to corner 6 m by 6 m
  (8.49 m); E-F corner to corner 8 m by 8 m (11.31 m: their boxes expanded by
  10 m overlap, the exact distance rejects them).
Expected: blocks {A, B, C}, {D, E}, {F}. The pair distances written to the out
file are measured again by projecting the lon/lat parcels back with pyproj and
taking shapely distances; block areas are pyproj GRS80 areas summed.

Usage:
  python3 Tests/Reference/site_merge_fixture.py Tests/Fixtures/site/in/merge Tests/Fixtures/site/out/merge_blocks.json
"""

import json
import os
import sys

from pyproj import Geod, Transformer
from shapely.geometry import Polygon

GEOD = Geod(ellps="GRS80")
X0, Y0 = 472_000.0, 3_486_000.0  # about 104.71E, 31.50N
RECTS = {
    "A": (0, 0, 100, 100), "B": (100, 0, 200, 100), "C": (209, 0, 309, 100),
    "D": (320, 0, 420, 100), "E": (426, 106, 526, 206), "F": (534, 214, 634, 314),
}
BLOCKS = [["A", "B", "C"], ["D", "E"], ["F"]]


def main():
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    inv = Transformer.from_crs("EPSG:4544", "EPSG:4326", always_xy=True)
    fwd = Transformer.from_crs("EPSG:4326", "EPSG:4544", always_xy=True)
    lonlat = {}
    for k, (x0, y0, x1, y1) in RECTS.items():
        ring = [(X0 + x0, Y0 + y0), (X0 + x1, Y0 + y0), (X0 + x1, Y0 + y1), (X0 + x0, Y0 + y1), (X0 + x0, Y0 + y0)]
        lonlat[k] = [list(inv.transform(x, y)) for x, y in ring]

    def fc(features):
        return {"type": "FeatureCollection", "features": features}

    def poly(coords):
        return {"type": "Polygon", "coordinates": [coords]}

    box = lambda x0, y0, x1, y1: [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]  # noqa: E731
    lon0, lat0 = inv.transform(X0 - 500, Y0 - 500)
    lon1, lat1 = inv.transform(X0 + 1200, Y0 + 900)
    with open(f"{folder}/districts.geojson", "w") as f:
        json.dump(fc([{"type": "Feature", "properties": {"code": "D1", "name": "区"},
                       "geometry": poly(box(lon0 - 0.01, lat0 - 0.01, lon1 + 0.01, lat1 + 0.01))}]), f)
    with open(f"{folder}/parks.geojson", "w") as f:
        json.dump(fc([{"type": "Feature", "properties": {"id": "PK", "name": "园", "level": "municipal", "district": "D1",
                                                         "main_industries": ["C3974"]},
                       "geometry": poly(box(lon0, lat0, lon1, lat1))}]), f)
    with open(f"{folder}/parcels.geojson", "w") as f:
        json.dump(fc([{"type": "Feature", "properties": {"id": k, "land_use": "100101", "status": "ready"},
                       "geometry": poly(lonlat[k])} for k in RECTS]), f)

    metric = {k: Polygon([fwd.transform(x, y) for x, y in c]) for k, c in lonlat.items()}
    area = {k: abs(GEOD.polygon_area_perimeter(*zip(*c))[0]) for k, c in lonlat.items()}
    pairs = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "F")]
    result = {
        "distances_m": [{"a": a, "b": b, "distance_m": metric[a].distance(metric[b])} for a, b in pairs],
        "blocks": [{"parcels": blk, "area_m2": sum(area[k] for k in blk)} for blk in BLOCKS],
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
