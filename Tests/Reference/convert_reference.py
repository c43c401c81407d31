#!/usr/bin/env python3
"""Expected output of `parkatlas convert` reading GDAL formats (Tests/CLITests/ConvertCommandTests):
what pyogrio reads from the input (its own bundled GDAL), reprojected with geopandas/pyproj,
each geometry normalised (shapely.normalize) as GeoJSON coordinates, every attribute
(dates as ISO text).

  sample_4544.shp → EPSG:4326   (Shapefile in CGCS2000 / 3-degree GK CM 105E to lon/lat GeoJSON)
  sample.gpkg     → EPSG:4544   (GeoPackage in lon/lat to a FlatGeobuf in EPSG:4544)

Writes Tests/Fixtures/gdal/convert_expected.json.
Usage: python3 Tests/Reference/convert_reference.py   (pyogrio 0.13, geopandas, shapely 2, pyproj)
"""
import json
import math
import os

import pandas as pd
import pyogrio
import shapely
from shapely.geometry import mapping

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GDAL_FIXTURES = os.path.join(ROOT, "Tests/Fixtures/gdal")


def plain(v):
    if v is None or (isinstance(v, float) and math.isnan(v)) or pd.isna(v):
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if hasattr(v, "item"):
        return v.item()
    return v


def expected(name, to_crs):
    df = pyogrio.read_dataframe(os.path.join(GDAL_FIXTURES, name)).to_crs(to_crs)
    features = []
    for _, row in df.iterrows():
        g = shapely.normalize(row.geometry)
        props = {k: plain(row[k]) for k in df.columns if k != "geometry"}
        features.append({"geometry": json.loads(json.dumps(mapping(g))), "properties": props})
    return {"crs": to_crs, "features": features}


out = {
    "sample_4544.shp": expected("sample_4544.shp", "EPSG:4326"),
    "sample.gpkg": expected("sample.gpkg", "EPSG:4544"),
}
with open(os.path.join(GDAL_FIXTURES, "convert_expected.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1, default=list)
print("wrote", os.path.join(GDAL_FIXTURES, "convert_expected.json"))
