#!/usr/bin/env python3
"""Reference files and values for the GDAL module (Tests/GDALTests), written and
read back with fiona (each wheel bundles its own GDAL, independent of the
system GDAL ParkAtlas links), shapely and pyproj.

Writes into Tests/Fixtures/gdal/:
  sample.shp (+.shx .dbf .prj .cpg, UTF-8)   sample.gpkg   sample.gdb/   sample.fgb
  sample.csv (WKT column, and lon/lat columns)  sample.xlsx (lon/lat columns)
  sample_gbk.shp (GBK text, the .cpg removed)  sample_4544.shp (CGCS2000 / 3-degree GK CM 105E)
  sample.dxf (closed polylines on named layers)
  expected.json: per file, what fiona reads back: every attribute (dates as ISO
    text) and each geometry normalised (shapely.normalize) as GeoJSON coordinates,
    in lon/lat (the EPSG:4544 file's expected coordinates are the lon/lat source).
  dataset.gpkg is made by gdal_dataset_gpkg.py.

Usage: python3 Tests/Reference/gdal_formats.py   (pyogrio 0.13 / fiona 1.10 with their bundled GDAL, shapely 2.2, pyproj)
"""
import datetime
import json
import os
import shutil

import numpy as np
import pandas as pd
import geopandas as gpd
import pyogrio
import fiona
import shapely
import shapely.ops
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests/Fixtures/gdal")


def frame():
    p1 = Polygon([(104.70, 31.45), (104.72, 31.45), (104.72, 31.47), (104.70, 31.47)],
                 [[(104.705, 31.455), (104.71, 31.455), (104.71, 31.46), (104.705, 31.46)]])
    p2 = MultiPolygon([Polygon([(104.75, 31.50), (104.76, 31.50), (104.76, 31.51)]),
                       Polygon([(104.77, 31.50), (104.78, 31.50), (104.78, 31.52), (104.77, 31.52)])])
    p3 = Polygon([(104.80, 31.40), (104.8125, 31.40), (104.8125, 31.4125), (104.80, 31.4125)])
    # Field names of 10 characters at most, so that the DBF keeps them.
    return gpd.GeoDataFrame({
        "ZDDM": ["510703001", "510703002", "510704003"],
        "QYMC": ["绵阳高新区电子信息产业园", "四川九洲电器集团有限责任公司", None],
        "TDYT": ["M1", "0601", "W2"],
        "JZMJ": [12345.5, 0.25, None],
        "CYRS": pd.array([120, 9007199254740993, None], dtype="Int64"),
        "PZRQ": pd.to_datetime([datetime.date(2023, 5, 1), datetime.date(1999, 12, 31), None]),
    }, geometry=[MultiPolygon([p1]), p2, MultiPolygon([p3])], crs="EPSG:4326")


def geometry_json(g):
    if g is None or g.is_empty:
        return None
    return json.loads(json.dumps(mapping(shapely.normalize(g))))


def value_json(v):
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, (pd.Timestamp, datetime.datetime)):
        return v.strftime("%Y-%m-%d") if v.hour == v.minute == v.second == 0 else v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    return v


def read_back(path, layer=None, lonlat_from=None, encoding=None):
    """What fiona (its own bundled GDAL) reads: 64-bit integers stay exact, nulls stay None,
    dates are ISO text; coordinates of a projected file are transformed to lon/lat with pyproj."""
    transform = None
    if lonlat_from is not None:
        from pyproj import Transformer
        transform = Transformer.from_crs(lonlat_from, "EPSG:4326", always_xy=True).transform
    features = []
    kwargs = {"encoding": encoding} if encoding else {}
    with fiona.open(path, layer=layer, **kwargs) as src:
        crs = src.crs.to_string() if src.crs else None
        for f in src:
            g = shape(f.geometry) if f.geometry is not None else None
            if g is not None and transform is not None:
                g = shapely.ops.transform(transform, g)
            features.append({"properties": {k: value_json(v) for k, v in dict(f.properties).items()},
                             "geometry": geometry_json(g)})
    return {"crs": crs, "features": features}


def main():
    # fiona lists only some drivers as readable by default; its GDAL has these too.
    fiona.drvsupport.supported_drivers.update({"XLSX": "r", "DXF": "r", "OpenFileGDB": "r"})
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    df = frame()
    expected = {}

    pyogrio.write_dataframe(df, f"{OUT}/sample.shp", encoding="UTF-8")
    expected["sample.shp"] = read_back(f"{OUT}/sample.shp")

    pyogrio.write_dataframe(df, f"{OUT}/sample_gbk.shp", encoding="GBK")
    expected["sample_gbk.shp"] = read_back(f"{OUT}/sample_gbk.shp", encoding="GBK")
    os.remove(f"{OUT}/sample_gbk.cpg")

    projected = df.to_crs("EPSG:4544")
    pyogrio.write_dataframe(projected, f"{OUT}/sample_4544.shp", encoding="UTF-8")
    expected["sample_4544.shp"] = read_back(f"{OUT}/sample_4544.shp", lonlat_from="EPSG:4544")

    pyogrio.write_dataframe(df, f"{OUT}/sample.gpkg", layer="parcels")
    expected["sample.gpkg"] = read_back(f"{OUT}/sample.gpkg", layer="parcels")

    pyogrio.write_dataframe(df, f"{OUT}/sample.gdb", layer="parcels", driver="OpenFileGDB")
    expected["sample.gdb"] = read_back(f"{OUT}/sample.gdb", layer="parcels")

    pyogrio.write_dataframe(df, f"{OUT}/sample.fgb")
    expected["sample.fgb"] = read_back(f"{OUT}/sample.fgb")

    # CSV with a WKT column (GDAL's CSV driver reads a column named WKT as the geometry).
    csv = pd.DataFrame(df.drop(columns="geometry"))
    csv.insert(0, "WKT", [g.wkt for g in df.geometry])
    csv.to_csv(f"{OUT}/sample_wkt.csv", index=False)
    expected["sample_wkt.csv"] = read_back(f"{OUT}/sample_wkt.csv")

    # Tables of points: 经度/纬度 columns (an enterprise register).
    points = pd.DataFrame({
        "统一社会信用代码": ["91510700MA62431234", "91510700205412345X", "91510703MA6XXXXXX1"],
        "企业名称": ["四川长虹电器股份有限公司", "绵阳京东方光电科技有限公司", "测试企业"],
        "经度": [104.7334, 104.6521, 104.8],
        "纬度": [31.4678, 31.5102, 31.41],
        "从业人员": [3200, 1500, 12],
    })
    points.to_csv(f"{OUT}/points.csv", index=False)
    pyogrio.write_dataframe(points, f"{OUT}/points.xlsx", driver="XLSX", layer="Sheet1")
    expected["points.csv"] = read_back(f"{OUT}/points.csv")
    expected["points.xlsx"] = read_back(f"{OUT}/points.xlsx", layer="Sheet1")
    expected["points_lonlat"] = [[lon, lat] for lon, lat in zip(points["经度"], points["纬度"])]

    # DXF: boundaries as closed polylines on named CAD layers.
    dxf = gpd.GeoDataFrame({"Layer": ["KFQ_BOUNDARY", "KFQ_BOUNDARY", "ROAD"]},
                           geometry=[df.geometry[0].geoms[0].exterior, df.geometry[2].geoms[0].exterior,
                                     shapely.LineString([(104.70, 31.40), (104.80, 31.45)])], crs="EPSG:4326")
    pyogrio.write_dataframe(dxf, f"{OUT}/sample.dxf", driver="DXF")
    expected["sample.dxf"] = read_back(f"{OUT}/sample.dxf")

    with open(f"{OUT}/expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
