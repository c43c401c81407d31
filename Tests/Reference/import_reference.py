#!/usr/bin/env python3
"""Reference values for ImportCommandTests and the import library tests, read
from GeoData/mianyang-raw with pyogrio/pandas (independently of ParkAtlas).

Run: python3 Tests/Reference/import_reference.py
"""
import collections

import pandas as pd
import pyogrio

RAW = "GeoData/mianyang-raw"

zd = pyogrio.read_dataframe(f"{RAW}/zd.shp", encoding="GBK")
print("zd.shp fields:", ", ".join(c for c in zd.columns if c != "geometry"))
counts = collections.Counter(zd["TDYT"])
print("zd.shp TDYT 0701:", counts["0701"], "M2:", counts["M2"], "distinct:", len(counts))
print("zd.shp features:", len(zd))

xl = pd.read_excel(f"{RAW}/qymd.xlsx", sheet_name="企业名录", dtype=str)
print("qymd.xlsx rows:", len(xl), "columns:", ", ".join(xl.columns))
codes = collections.Counter(xl["行业代码"])
print("qymd.xlsx 行业代码 C3974:", codes["C3974"], "C2614:", codes["C2614"])
# Sheet row of the first enterprise whose revenue cell is text with a thousands separator
# (pandas index 0 = sheet row 2).
first = next(i for i, v in enumerate(xl["营业收入（万元）"]) if "," in v)
print("first revenue with a thousands separator: sheet row", first + 2, "value", xl["营业收入（万元）"][first])
