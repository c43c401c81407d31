#!/usr/bin/env python3
"""Sources for the import benchmarks, converted from a `parkatlas synth` dataset.

    parkatlas synth --out /tmp/parkatlas-import-bench/synth --parks 60 --parcels 150000 --enterprises 1000000 --seed 7
    python3 Benchmarks/import_data.py /tmp/parkatlas-import-bench/synth /tmp/parkatlas-import-bench

Writes into the output folder (pyogrio, pandas, pyproj):
  parcels.gpkg      layer parcels, EPSG:4326, the contract's fields (benchmark a)
  zd.shp            parcels in EPSG:4544, fields ZDDM, TDYT, GDZT (Chinese), JZMJ, JDMJ, TZE_YUAN (yuan), SSE, QYDM
  qy.csv            enterprises, one row each: id, name, industry, output, tax, staff, above (是/否), lon, lat
  xzq.gpkg, kfq.gpkg  districts and parks as they are (the import needs them)
  mapping.json      the mapping for `parkatlas import` (benchmark b)
"""
import json
import os
import sys

import geopandas as gpd
import pandas as pd
import pyogrio

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

parcels = gpd.read_file(f"{src}/parcels.geojson", engine="pyogrio")
parcels = parcels.set_crs("EPSG:4326", allow_override=True)
keep = ["id", "land_use", "status", "floor_area_m2", "footprint_m2", "investment_wan", "tax_wan", "enterprise", "geometry"]
parcels = parcels[[c for c in keep if c in parcels.columns]]
pyogrio.write_dataframe(parcels, f"{out}/parcels.gpkg", layer="parcels", driver="GPKG")

status = {"built": "已建成", "under_construction": "在建", "supplied_unbuilt": "已供未建", "idle": "闲置",
          "ready": "净地", "unready": "毛地", "unbuildable": "不可建设"}
shp = gpd.GeoDataFrame({
    "ZDDM": parcels["id"], "TDYT": parcels["land_use"], "GDZT": parcels["status"].map(status),
    "JZMJ": parcels["floor_area_m2"], "JDMJ": parcels["footprint_m2"],
    "TZE_YUAN": (parcels["investment_wan"] * 10000).round(2), "SSE": parcels["tax_wan"],
    "QYDM": parcels["enterprise"]}, geometry=parcels.geometry.to_crs("EPSG:4544"), crs="EPSG:4544")
pyogrio.write_dataframe(shp, f"{out}/zd.shp", encoding="UTF-8")

ent = gpd.read_file(f"{src}/enterprises.geojson", engine="pyogrio", use_arrow=True)
csv = pd.DataFrame({"id": ent["id"], "name": ent["name"], "industry": ent["industry"], "output": ent["output_wan"],
                    "tax": ent["tax_wan"], "staff": ent["employees"],
                    "above": ent["above_scale"].map({True: "是", False: "否"}),
                    "lon": ent.geometry.x, "lat": ent.geometry.y})
csv.to_csv(f"{out}/qy.csv", index=False)

for name, target in [("districts", "xzq"), ("parks", "kfq")]:
    df = gpd.read_file(f"{src}/{name}.geojson", engine="pyogrio").set_crs("EPSG:4326", allow_override=True)
    for c in df.columns:
        if c != "geometry" and df[c].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            # Lists (read back as arrays) joined by 、 as registers write them.
            df[c] = df[c].map(lambda v: "、".join(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
    pyogrio.write_dataframe(df, f"{out}/{target}.gpkg", layer=name, driver="GPKG")

mapping = {
    "districts": {"source": "xzq.gpkg", "fields": {"code": "code", "name": "name", "kind": "kind"}},
    "parks": {"source": "kfq.gpkg", "fields": {
        "id": "id", "name": "name", "level": "level", "district": "district", "parent": "parent",
        "main_industries": {"field": "main_industries", "split": "、"},
        "featured_industries": {"field": "featured_industries", "split": "、", "default": []},
        "featured_status": "featured_status", "chemical_park": "chemical_park"}},
    "parcels": {"source": "zd.shp", "fields": {
        "id": "ZDDM", "land_use": "TDYT", "status": {"field": "GDZT", "values": {v: k for k, v in status.items()}},
        "floor_area_m2": "JZMJ", "footprint_m2": "JDMJ", "investment_wan": {"field": "TZE_YUAN", "scale": 0.0001},
        "tax_wan": "SSE", "enterprise": "QYDM"}},
    "enterprises": {"source": "qy.csv", "points": {"x": "lon", "y": "lat", "crs": "EPSG:4326"}, "fields": {
        "id": "id", "name": "name", "industry": "industry", "output_wan": "output", "tax_wan": "tax",
        "employees": "staff", "above_scale": {"field": "above", "values": {"是": True, "否": False}}}},
}
with open(f"{out}/mapping.json", "w", encoding="utf-8") as f:
    json.dump(mapping, f, ensure_ascii=False, indent=2)
for name in sorted(os.listdir(out)):
    p = os.path.join(out, name)
    if os.path.isfile(p):
        print(f"{name}: {os.path.getsize(p) / 1e6:.1f} MB")
