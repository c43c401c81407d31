#!/usr/bin/env python3
"""Writes a dataset folder (docs/dataset.md) as one GeoPackage with pyogrio:
layers districts, parks, parcels, enterprises (lon/lat, EPSG:4326), and, when
the folder has a policy.json, a table `policy` with one row holding its JSON.

List properties (parks' main_industries, featured_industries) are stored as
JSON text and declared JSON in gpkg_data_columns (mime_type application/json,
the GeoPackage "schema" extension), which is how GDAL marks a field of the JSON
subtype; ParkAtlas parses such fields back into lists.

Usage: python3 Tests/Reference/gdal_dataset_gpkg.py GeoData/mianyang OUT.gpkg
"""
import json
import os
import sqlite3
import sys

import geopandas as gpd
import pandas as pd
import pyogrio


def main(folder, out):
    if os.path.exists(out):
        os.remove(out)
    json_columns = []
    for layer in ["districts", "parks", "parcels", "enterprises"]:
        path = os.path.join(folder, f"{layer}.geojson")
        if not os.path.exists(path):
            continue
        df = gpd.read_file(path, engine="pyogrio")
        if df.crs is None:
            df = df.set_crs("EPSG:4326")
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)["features"]
        # The reader makes the Feature `id` member a column; the dataset's properties are what counts.
        if "id" in df.columns and not any("id" in (feat.get("properties") or {}) for feat in raw):
            df = df.drop(columns="id")
        # Lists come back from the GeoJSON reader as text or objects: rewrite them from the raw JSON.
        keys = {k for feat in raw for k, v in (feat.get("properties") or {}).items() if isinstance(v, (list, dict))}
        for k in sorted(keys):
            df[k] = [None if (feat.get("properties") or {}).get(k) is None
                     else json.dumps(feat["properties"][k], ensure_ascii=False) for feat in raw]
            json_columns.append((layer, k))
        pyogrio.write_dataframe(df, out, layer=layer, driver="GPKG")
    policy = os.path.join(folder, "policy.json")
    if os.path.exists(policy):
        with open(policy, encoding="utf-8") as f:
            text = json.dumps(json.load(f), ensure_ascii=False)
        pyogrio.write_dataframe(pd.DataFrame({"json": [text]}), out, layer="policy", driver="GPKG")
    con = sqlite3.connect(out)
    con.execute("""CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT,
        CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name))""")
    con.execute("""CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,
        extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL)""")
    for table in ["gpkg_data_columns", "gpkg_data_column_constraints"]:
        con.execute("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', "
                    "'http://www.geopackage.org/spec/#extension_schema', 'read-write')", (table,))
    for layer, column in json_columns:
        con.execute("INSERT INTO gpkg_data_columns (table_name, column_name, mime_type) VALUES (?, ?, 'application/json')",
                    (layer, column))
    con.commit()
    con.close()
    print(out, pyogrio.list_layers(out).tolist())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
