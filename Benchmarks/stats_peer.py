#!/usr/bin/env python3
"""GeoPandas peer of `parkatlas stats` for the speed comparison (issue 4).

The usual GeoPandas workflow for the same figures: read the layers
(geopandas.read_file, pyogrio engine), ellipsoidal parcel areas with
pyproj Geod(ellps="GRS80"), clip parcels by parks and by districts with
geopandas.overlay(how="intersection"), area of every piece with pyproj,
attributes apportioned by area share, groupby per unit and land-use class /
status, then the twelve indicators per unit; the whole-dataset unit from the
unclipped parcels and the union of the administrative districts.

Usage:
  python3 Benchmarks/stats_peer.py DATASET [--level 2] [--out FILE.json]
Timing (release build of parkatlas, same machine, same dataset):
  parkatlas synth --out /tmp/statsbench --parks 60 --parcels 150000 --enterprises 1000 --seed 3
  python3 Benchmarks/stats_benchmark.py /tmp/statsbench      (runs both, prints both figures and the ratio)
"""
import argparse
import json
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

GEOD = Geod(ellps="GRS80")
SUPPLIED = ["built", "under_construction", "supplied_unbuilt", "idle"]


def geodesic_area(geoms):
    """|exterior| − Σ|holes| per polygon, via pyproj (abs: orientation-free)."""
    out = np.empty(len(geoms))
    for i, g in enumerate(geoms):
        total = 0.0
        for p in getattr(g, "geoms", [g]):
            if p.geom_type != "Polygon":
                continue
            a, _ = GEOD.polygon_area_perimeter(*p.exterior.xy)
            total += abs(a)
            for h in p.interiors:
                a, _ = GEOD.polygon_area_perimeter(*h.xy)
                total -= abs(a)
        out[i] = total
    return out


def unit_table(pieces, key, level):
    """pieces: one row per parcel part with columns key, area, share and parcel attributes."""
    p = pieces
    built = p["status"] == "built"
    ind = built & p["land_use"].str.match(r"^1[01]")
    cols = pd.DataFrame({
        key: p[key], "parcel": p["area"],
        "A": p["area"].where(built, 0.0), "A2": p["area"].where(ind, 0.0),
        "D": p["area"].where(p["status"].isin(SUPPLIED), 0.0),
        "G": p["area"].where(p["status"] == "idle", 0.0),
        "dev": p["area"].where(p["status"].isin(SUPPLIED + ["ready"]), 0.0),
        "buildable": p["area"].where(p["status"] != "unbuildable", 0.0),
        "floorA": (p["floor_area_m2"] * p["share"]).where(built, 0.0),
        "footA": (p["footprint_m2"] * p["share"]).where(built, 0.0),
        "taxA": (p["tax_wan"] * p["share"]).where(built, 0.0),
        "floorA2": (p["floor_area_m2"] * p["share"]).where(ind, 0.0),
        "footA2": (p["footprint_m2"] * p["share"]).where(ind, 0.0),
        "invA2": (p["investment_wan"] * p["share"]).where(ind, 0.0),
        "taxA2": (p["tax_wan"] * p["share"]).where(ind, 0.0),
    })
    t = cols.groupby(key).sum()
    r = lambda n, d: (n / d).where(d != 0)
    indicators = pd.DataFrame({
        "land_development_rate": r(t["dev"], t["buildable"]), "land_supply_rate": r(t["D"], t["dev"]),
        "land_built_rate": r(t["A"], t["D"]), "industrial_land_rate": r(t["A2"], t["A"]),
        "floor_area_ratio": r(t["floorA"], t["A"]), "building_density": r(t["footA"], t["A"]),
        "industrial_floor_area_ratio": r(t["floorA2"], t["A2"]),
        "industrial_building_coefficient": r(t["footA2"], t["A2"]),
        "investment_intensity": r(t["invA2"], t["A2"] / 1e4), "industrial_tax_per_ha": r(t["taxA2"], t["A2"] / 1e4),
        "tax_per_ha": r(t["taxA"], t["A"] / 1e4), "idle_land_rate": r(t["G"], t["D"]),
    })
    code = p["land_use"].where(p["land_use"].str.len() < 2 * level, p["land_use"].str[: 2 * level])
    classes = p.assign(cls=code).groupby([key, "cls"])["area"].sum()
    statuses = p.groupby([key, "status"])["area"].sum()
    return t["parcel"], classes, statuses, indicators


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--level", type=int, default=2)
    ap.add_argument("--out")
    args = ap.parse_args()
    t0 = time.perf_counter()
    parcels = gpd.read_file(f"{args.dataset}/parcels.geojson", engine="pyogrio")
    parks = gpd.read_file(f"{args.dataset}/parks.geojson", engine="pyogrio")
    districts = gpd.read_file(f"{args.dataset}/districts.geojson", engine="pyogrio")
    for c in ["floor_area_m2", "footprint_m2", "investment_wan", "tax_wan"]:
        parcels[c] = parcels[c].fillna(0.0) if c in parcels else 0.0
    parcels["parcel_index"] = np.arange(len(parcels))
    parcels["full_area"] = geodesic_area(parcels.geometry.values)
    t1 = time.perf_counter()

    result = {}
    for name, units, key in [("parks", parks, "id"), ("districts", districts, "code")]:
        clip = units[[key, "geometry"]].rename(columns={key: "unit"})
        pieces = gpd.overlay(parcels, clip, how="intersection", keep_geom_type=True)
        pieces["area"] = geodesic_area(pieces.geometry.values)
        pieces["share"] = pieces["area"] / pieces["full_area"]
        parcel_area, classes, statuses, indicators = unit_table(pieces, "unit", args.level)
        unit_area = pd.Series(geodesic_area(units.geometry.values), index=units[key])
        result[name] = {"area": unit_area, "parcel_area": parcel_area, "classes": classes, "statuses": statuses,
                        "indicators": indicators}
    whole = parcels.assign(unit="total", area=parcels["full_area"], share=1.0)
    admin = districts[districts.get("kind", "administrative").fillna("administrative") == "administrative"]
    total_area = geodesic_area([shapely.union_all(admin.geometry.values)])[0]
    result["total"] = {"area": total_area, "table": unit_table(whole, "unit", args.level)}
    t2 = time.perf_counter()
    print(f"read + parcel areas {t1 - t0:.2f} s, overlay + areas + groupby {t2 - t1:.2f} s, total {t2 - t0:.2f} s")
    if args.out:
        parks_out = [{"id": k, "area_m2": float(result["parks"]["area"][k]),
                      "parcel_area_m2": float(result["parks"]["parcel_area"].get(k, 0.0)),
                      "indicators": {c: (None if pd.isna(v) else float(v))
                                     for c, v in result["parks"]["indicators"].loc[k].items()}
                      if k in result["parks"]["indicators"].index else None}
                     for k in parks["id"]]
        with open(args.out, "w") as f:
            json.dump({"parks": parks_out}, f, indent=1)


if __name__ == "__main__":
    main()
