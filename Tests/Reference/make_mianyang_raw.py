#!/usr/bin/env python3
"""Writes GeoData/mianyang-raw/: the Mianyang reference dataset as a planner
receives it, independently of ParkAtlas (fiona, pyogrio, openpyxl, pyproj).

Run: python3 Tests/Reference/make_mianyang_raw.py [GeoData/mianyang] [GeoData/mianyang-raw]

- parcels: ESRI Shapefile `zd.shp`, DBF in GBK WITHOUT a .cpg, EPSG:4544
  (CGCS2000 3-degree Gauss-Krueger CM 105E), fields ZDDM (id), TDYT (land use),
  TDYTMC (its Chinese name, carried along), GDZT (status in Chinese), JZMJ,
  JDMJ (m2), TZE_YUAN (investment in yuan), SSE (tax, wan yuan), QYDM
  (enterprise). TDYT holds the GB 50137-2011 code where one GB 50137-2011
  class maps to exactly that 2023 code (table BACK_50137 below, from the
  published class names of the two standards); every other parcel keeps its
  2023 code and the mapping file names those values one by one (`values`).
- parks: GeoPackage `kfq.gpkg`, layer KFQ, EPSG:4490, Chinese level names
  (国家级/省级/市级) and industries as Chinese NAMES of GB/T 4754-2017 joined
  by 、 (table NAMES below, from the standard's text).
- districts: FileGDB `xzq.gdb`, layer XZQ, EPSG:4544.
- enterprises: XLSX `qymd.xlsx`, sheet 企业名录, Chinese headers, longitude
  and latitude in GCJ-02 (own forward formula, constants of docs/analyses.md
  section 1), GB/T 4754-2011 codes where the 2011 class has the same code and
  content in 2017 (UNCHANGED_2011 below); other rows keep their 2017 code and
  the mapping names those values. Some revenue cells are text the way
  spreadsheets hold them: "1,234.5" with thousands separators, full-width
  digits, surrounding spaces.
- mapping.json: the mapping file of docs/import.md for all of it.
"""
import json
import math
import os
import shutil
import sys

import fiona
import openpyxl
import pyogrio
import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import MultiPolygon, shape, mapping
from shapely.ops import transform

SRC = sys.argv[1] if len(sys.argv) > 1 else "GeoData/mianyang"
OUT = sys.argv[2] if len(sys.argv) > 2 else "GeoData/mianyang-raw"

# --- GB 50137-2011 class -> the one 2023 class that is the same land (docs/import.md table;
# GB 50137-2011 table 3.3.2 names vs the 2023 guide's appendix A names). Only 1:1 pairs.
BACK_50137 = {
    "100101": "M1", "100102": "M2", "100103": "M3", "1001": "M",
    "110101": "W1", "110102": "W2", "110103": "W3", "1101": "W",
    "0901": "B1", "0902": "B2", "1401": "G1", "1402": "G2", "1403": "G3",
    "1207": "S1", "1208": "S4", "17": "E1",
}

# --- GB/T 4754-2017 names (the standard's text).
NAMES = {
    "C13": "农副食品加工业", "C14": "食品制造业", "C17": "纺织业", "C27": "医药制造业",
    "C30": "非金属矿物制品业", "C31": "黑色金属冶炼和压延加工业", "C34": "通用设备制造业",
    "C38": "电气机械和器材制造业", "C266": "专用化学产品制造", "C324": "有色金属合金制造",
    "C3424": "金属切割及焊接设备制造", "C367": "汽车零部件及配件制造", "C374": "航空、航天器及设备制造",
    "C384": "电池制造", "C392": "通信设备制造", "C394": "雷达及配套设备制造", "C3962": "智能车载设备制造",
    "C397": "电子器件制造", "C3974": "显示器件制造", "C3976": "光电子器件制造",
    "C398": "电子元件及电子专用材料制造", "C3985": "电子专用材料制造", "C404": "光学仪器制造",
}

# --- GB/T 4754-2011 classes whose code and content GB/T 4754-2017 kept.
UNCHANGED_2011 = {"C1351", "C1353", "C1391", "C2614", "C2661", "C2662", "C2710", "C2720", "C2740",
                  "C3424", "C3911", "C3921", "C3922", "C3940"}

STATUS_ZH = {"built": "已建成", "under_construction": "在建", "supplied_unbuilt": "已供未建", "idle": "闲置",
             "ready": "净地", "unready": "毛地", "unbuildable": "不可建设"}
LEVEL_ZH = {"national": "国家级", "provincial": "省级", "municipal": "市级"}
FEATURED_ZH = {"certified": "已认定", "cultivating": "培育中"}
KIND_ZH = {"administrative": "行政区", "functional": "功能区"}
LAND_USE_NAME = {  # 2023 guide names, carried as TDYTMC
    "100101": "一类工业用地", "100102": "二类工业用地", "100103": "三类工业用地", "1001": "工业用地",
    "1101": "物流仓储用地", "1102": "储备库用地", "0901": "商业用地", "0701": "城镇住宅用地",
    "1401": "公园绿地", "1402": "防护绿地", "1207": "城镇道路用地", "0802": "科研用地", "0804": "教育用地",
    "1208": "交通场站用地", "1301": "供水用地", "1303": "供燃气用地", "1201": "铁路用地", "17": "陆地水域",
}

# --- GCJ-02 forward (published constants: Krasovsky a, ee).
A = 6378245.0
EE = 0.00669342162296594323


def _tlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _tlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lon, lat):
    if not (73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55):
        return lon, lat
    dlat = _tlat(lon - 105.0, lat - 35.0)
    dlon = _tlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sq = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sq) * math.pi)
    dlon = (dlon * 180.0) / (A / sq * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def load(name):
    with open(os.path.join(SRC, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)["features"]


TO_4544 = Transformer.from_crs("EPSG:4326", "EPSG:4544", always_xy=True)


def projected(geom):
    return mapping(transform(TO_4544.transform, shape(geom)))


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else ("．" if c == "." else c) for c in text)


def parcels():
    schema = {"geometry": "Polygon", "properties": {
        "ZDDM": "str:20", "TDYT": "str:10", "TDYTMC": "str:40", "GDZT": "str:20", "JZMJ": "float:20.3",
        "JDMJ": "float:20.3", "TZE_YUAN": "float:20.2", "SSE": "float:20.4", "QYDM": "str:20"}}
    path = os.path.join(OUT, "zd.shp")
    kept = set()
    with fiona.open(path, "w", driver="ESRI Shapefile", crs="EPSG:4544", schema=schema, encoding="GBK") as sink:
        for f in load("parcels"):
            p = f["properties"]
            code = p["land_use"]
            raw = BACK_50137.get(code, code)
            if raw == code:
                kept.add(code)
            yuan = None if p["investment_wan"] is None else round(p["investment_wan"] * 10000, 2)
            sink.write({"geometry": projected(f["geometry"]), "properties": {
                "ZDDM": p["id"], "TDYT": raw, "TDYTMC": LAND_USE_NAME[code], "GDZT": STATUS_ZH[p["status"]],
                "JZMJ": p["floor_area_m2"], "JDMJ": p["footprint_m2"], "TZE_YUAN": yuan, "SSE": p["tax_wan"],
                "QYDM": p["enterprise"]}})
    cpg = os.path.join(OUT, "zd.cpg")
    if os.path.exists(cpg):
        os.remove(cpg)
    return sorted(kept)


def as_multi(g):
    return MultiPolygon([g]) if g.geom_type == "Polygon" else g


def parks():
    rows = []
    for f in load("parks"):
        p = f["properties"]
        rows.append({"KFQDM": p["id"], "KFQMC": p["name"], "JB": LEVEL_ZH[p["level"]], "SSXZQ": p["district"],
                     "SJYQ": p["parent"], "ZDCY": "、".join(NAMES[c] for c in p["main_industries"]),
                     "TSCY": "、".join(NAMES[c] for c in p["featured_industries"]) or None,
                     "TSZT": FEATURED_ZH.get(p["featured_status"]), "HGYQ": "是" if p["chemical_park"] else "否",
                     "geometry": shape(f["geometry"])})
    df = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4490")
    pyogrio.write_dataframe(df, os.path.join(OUT, "kfq.gpkg"), layer="KFQ", driver="GPKG")


def districts():
    rows = [{"XZQDM": f["properties"]["code"], "XZQMC": f["properties"]["name"], "LX": KIND_ZH[f["properties"]["kind"]],
             "geometry": as_multi(shape(projected(f["geometry"])))} for f in load("districts")]
    df = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4544")
    pyogrio.write_dataframe(df, os.path.join(OUT, "xzq.gdb"), layer="XZQ", driver="OpenFileGDB")


def enterprises():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业名录"
    ws.append(["统一社会信用代码", "企业名称", "行业代码", "营业收入（万元）", "税收（万元）", "从业人员", "规上", "经度", "纬度"])
    kept = set()
    for i, f in enumerate(load("enterprises")):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        glon, glat = wgs84_to_gcj02(lon, lat)
        code = p["industry"]
        if code not in UNCHANGED_2011:
            kept.add(code)
        revenue = p["output_wan"]
        if i % 7 == 3:
            revenue = format(revenue, ",")          # "1,234.5"
        elif i % 11 == 5:
            revenue = " " + fullwidth(repr(revenue)) + " "
        ws.append([p["id"], p["name"], code, revenue, p["tax_wan"], p["employees"],
                   "是" if p["above_scale"] else "否", glon, glat])
    wb.save(os.path.join(OUT, "qymd.xlsx"))
    return sorted(kept)


def main():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    kept_land_use = parcels()
    parks()
    districts()
    kept_industry = enterprises()
    m = {
        "defaults": {"crs": "EPSG:4544", "encoding": "GBK"},
        "districts": {"source": "xzq.gdb", "layer": "XZQ",
                      "fields": {"code": "XZQDM", "name": "XZQMC",
                                 "kind": {"field": "LX", "values": {"行政区": "administrative", "功能区": "functional"}}}},
        "parks": {"source": "kfq.gpkg", "layer": "KFQ",
                  "fields": {"id": "KFQDM", "name": "KFQMC",
                             "level": {"field": "JB", "values": {"国家级": "national", "省级": "provincial", "市级": "municipal"}},
                             "district": "SSXZQ", "parent": "SJYQ",
                             "main_industries": {"field": "ZDCY", "split": "、", "classification": "gb4754-2017-name"},
                             "featured_industries": {"field": "TSCY", "split": "、", "classification": "gb4754-2017-name",
                                                     "default": []},
                             "featured_status": {"field": "TSZT", "values": {"已认定": "certified", "培育中": "cultivating"}},
                             "chemical_park": {"field": "HGYQ", "values": {"是": True, "否": False}}},
                  "keep": []},
        "parcels": {"source": "zd.shp", "where": "TDYT IS NOT NULL",
                    "fields": {"id": "ZDDM",
                               "land_use": {"field": "TDYT", "classification": "gb50137-2011",
                                            "values": {c: c for c in kept_land_use}},
                               "status": {"field": "GDZT", "values": {v: k for k, v in STATUS_ZH.items()}},
                               "floor_area_m2": "JZMJ", "footprint_m2": "JDMJ",
                               "investment_wan": {"field": "TZE_YUAN", "scale": 0.0001},
                               "tax_wan": "SSE", "enterprise": "QYDM"},
                    "keep": ["TDYTMC"]},
        "enterprises": {"source": "qymd.xlsx", "layer": "企业名录",
                        "points": {"x": "经度", "y": "纬度", "crs": "EPSG:4326", "datum": "gcj02"},
                        "fields": {"id": "统一社会信用代码", "name": "企业名称",
                                   "industry": {"field": "行业代码", "classification": "gb4754-2011",
                                                "values": {c: c for c in kept_industry}},
                                   "output_wan": "营业收入（万元）", "tax_wan": "税收（万元）", "employees": "从业人员",
                                   "above_scale": {"field": "规上", "values": {"是": True, "否": False}}},
                        "keep": []},
    }
    with open(os.path.join(OUT, "mapping.json"), "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=2)
        f.write("\n")
    total = 0
    for root, _, files in os.walk(OUT):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    print("wrote", OUT, "bytes", total)
    print("land-use codes kept as 2023 codes:", kept_land_use)
    print("industry codes kept as 2017 codes:", kept_industry)


if __name__ == "__main__":
    main()
