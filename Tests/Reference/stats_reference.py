#!/usr/bin/env python3
"""Independent reference for `parkatlas stats` (docs/analyses.md §2).

Computes, from the raw GeoJSON files of a dataset, with shapely (GEOS) for the
overlay and pyproj Geod(ellps="GRS80") for ellipsoidal areas:
  per park, per district and for the whole dataset: the unit's area, parcel
  area by land-use class at --level, area by status, the twelve intensive-use
  indicators (parcels clipped to the unit, attributes apportioned by area
  share; the whole-dataset unit takes every parcel unclipped and its area is
  the area of the union of the administrative districts);
  with --enterprises: the per-mu benefit table (亩均效益).
Every parcel meeting a unit is intersected (no covered-by shortcut), so the
shortcut of the Swift implementation is checked too.

Writes JSON in the shape of `parkatlas stats --format json` (docs/cli.md), keeping
only the numbers the tests compare.

Usage:
  python3 Tests/Reference/stats_reference.py DATASET --level 2 [--enterprises] --out FILE.json
"""
import argparse
import json
import math
import statistics

import shapely
from pyproj import Geod
from shapely.geometry import shape
from shapely.strtree import STRtree

GEOD = Geod(ellps="GRS80")
MU = 10000.0 / 15.0
STATUSES = ["built", "under_construction", "supplied_unbuilt", "idle", "ready", "unready", "unbuildable"]
SUPPLIED = {"built", "under_construction", "supplied_unbuilt", "idle"}


def ring_area(ring):
    xs, ys = zip(*ring.coords)
    area, _ = GEOD.polygon_area_perimeter(xs, ys)
    return abs(area)


def area(geom):
    """Ellipsoidal area in m²: |exterior| − Σ|holes| per polygon, lines and points 0."""
    if geom.is_empty:
        return 0.0
    if geom.geom_type == "Polygon":
        return ring_area(geom.exterior) - sum(ring_area(h) for h in geom.interiors)
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        return sum(area(g) for g in geom.geoms)
    return 0.0


def load(folder, name):
    try:
        with open(f"{folder}/{name}.geojson", encoding="utf-8") as f:
            features = json.load(f)["features"]
    except FileNotFoundError:
        return []
    for feat in features:
        if feat.get("geometry") is not None:
            g = shape(feat["geometry"])
            feat["shape"] = g if g.is_valid else shapely.make_valid(g)
    return features


def class_code(code, level):
    own = len(code) // 2
    return code[: 2 * level] if own >= level else code


def ratio(n, d):
    return None if d == 0 else n / d


def unit_stats(unit_area, parts, level):
    """parts: list of (parcel properties, area inside, share)."""
    t = dict.fromkeys(["parcel", "A", "A2", "D", "G", "dev", "buildable", "floorA", "footA", "taxA",
                       "floorA2", "footA2", "invA2", "taxA2"], 0.0)
    classes, statuses, count = {}, dict.fromkeys(STATUSES, 0.0), 0
    for p, a, s in parts:
        if a <= 0:
            continue
        count += 1
        st = p["status"]
        t["parcel"] += a
        code = class_code(p["land_use"], level)
        classes[code] = classes.get(code, 0.0) + a
        statuses[st] += a
        if st != "unbuildable":
            t["buildable"] += a
        if st in SUPPLIED or st == "ready":
            t["dev"] += a
        if st in SUPPLIED:
            t["D"] += a
        if st == "idle":
            t["G"] += a
        if st == "built":
            floor = (p.get("floor_area_m2") or 0) * s
            foot = (p.get("footprint_m2") or 0) * s
            tax = (p.get("tax_wan") or 0) * s
            t["A"] += a
            t["floorA"] += floor
            t["footA"] += foot
            t["taxA"] += tax
            if p["land_use"].startswith(("10", "11")):
                t["A2"] += a
                t["floorA2"] += floor
                t["footA2"] += foot
                t["invA2"] += (p.get("investment_wan") or 0) * s
                t["taxA2"] += tax
    indicators = {
        "land_development_rate": ratio(t["dev"], t["buildable"]),
        "land_supply_rate": ratio(t["D"], t["dev"]),
        "land_built_rate": ratio(t["A"], t["D"]),
        "industrial_land_rate": ratio(t["A2"], t["A"]),
        "floor_area_ratio": ratio(t["floorA"], t["A"]),
        "building_density": ratio(t["footA"], t["A"]),
        "industrial_floor_area_ratio": ratio(t["floorA2"], t["A2"]),
        "industrial_building_coefficient": ratio(t["footA2"], t["A2"]),
        "investment_intensity": ratio(t["invA2"], t["A2"] / 10000),
        "industrial_tax_per_ha": ratio(t["taxA2"], t["A2"] / 10000),
        "tax_per_ha": ratio(t["taxA"], t["A"] / 10000),
        "idle_land_rate": ratio(t["G"], t["D"]),
    }
    return {
        "area_m2": unit_area,
        "parcel_area_m2": t["parcel"],
        "parcel_count": count,
        "land_use": [{"code": c, "area_m2": a, "share": ratio(a, t["parcel"])} for c, a in sorted(classes.items())],
        "status": [{"status": s, "area_m2": statuses[s]} for s in STATUSES],
        "indicators": indicators,
    }


def clipped_parts(unit, parcels, parcel_areas, tree):
    parts = []
    for i in sorted(tree.query(unit, predicate="intersects")):
        a = area(unit.intersection(parcels[i]["shape"]))
        if a > 0:
            full = parcel_areas[i]
            parts.append((parcels[i]["properties"], a, a / full if full > 0 else 0.0))
    return parts


def median(values):
    return statistics.median(values) if values else None


def benefit(enterprises, parcels, parcel_areas, weights, shares):
    land_of = {}
    for p, a in zip(parcels, parcel_areas):
        owner = p["properties"].get("enterprise")
        if owner is not None:
            land_of[owner] = land_of.get(owner, 0.0) + a
    rows, skipped = [], []
    for idx, e in enumerate(enterprises):
        pr = e["properties"]
        land = pr.get("land_m2")
        source = "land_m2" if land is not None else "parcels"
        if land is None:
            land = land_of.get(pr["id"])
        out, tax, emp = pr.get("output_wan"), pr.get("tax_wan"), pr.get("employees")
        reasons = []
        if land is None:
            reasons.append("no land: neither land_m2 nor a parcel naming it")
        elif land <= 0:
            reasons.append("land is 0 m²")
        if (weights["revenue_per_mu"] > 0 or weights["revenue_per_employee"] > 0) and out is None:
            reasons.append("output_wan missing")
        if weights["tax_per_mu"] > 0 and tax is None:
            reasons.append("tax_wan missing")
        if weights["revenue_per_employee"] > 0:
            if emp is None:
                reasons.append("employees missing")
            elif emp <= 0:
                reasons.append("employees is 0")
        if reasons:
            skipped.append({"id": pr["id"], "evaluated": False, "reason": "; ".join(reasons)})
            continue
        mu = land / MU
        rows.append({"idx": idx, "id": pr["id"], "evaluated": True, "land_m2": land, "land_source": source, "mu": mu,
                     "revenue_per_mu": None if out is None else out / mu,
                     "tax_per_mu": None if tax is None else tax / mu,
                     "revenue_per_employee": out / emp if (out is not None and emp) else None})
    keys = ["tax_per_mu", "revenue_per_mu", "revenue_per_employee"]
    bench = {k: median([r[k] for r in rows if r[k] is not None]) for k in keys}
    for r in rows:
        r["score"] = sum(weights[k] * r[k] / bench[k] for k in keys
                         if weights[k] > 0 and r[k] is not None and bench[k])
    rows.sort(key=lambda r: (-r["score"], r["idx"]))
    n = len(rows)
    rnd = lambda x: math.floor(x + 0.5)
    cut_a = rnd(n * shares["a"])
    cut_b = rnd(n * (shares["a"] + shares["b"]))
    cut_c = rnd(n * (shares["a"] + shares["b"] + shares["c"]))
    for k, r in enumerate(rows, start=1):
        r["rank"] = k
        r["grade"] = "A" if k <= cut_a else "B" if k <= cut_b else "C" if k <= cut_c else "D"
        del r["idx"]
    counts = {g: sum(1 for r in rows if r["grade"] == g) for g in "ABCD"}
    return rows + skipped, {"benchmarks": bench, "grade_counts": counts,
                            "evaluated": len(rows), "not_evaluated": len(skipped)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--level", type=int, default=2)
    ap.add_argument("--enterprises", action="store_true")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    districts = load(args.dataset, "districts")
    parks = load(args.dataset, "parks")
    parcels = load(args.dataset, "parcels")
    parcel_areas = [area(p["shape"]) for p in parcels]
    tree = STRtree([p["shape"] for p in parcels])

    def reporting_district(park):
        code = park["properties"].get("district")
        if code is not None:
            return code
        best = None
        for d in districts:
            a = area(park["shape"].intersection(d["shape"]))
            if a > 0 and (best is None or a > best[1]):
                best = (d["properties"]["code"], a)
        return best[0] if best else None

    result = {"level": args.level, "parks": [], "districts": []}
    for park in parks:
        u = unit_stats(area(park["shape"]), clipped_parts(park["shape"], parcels, parcel_areas, tree), args.level)
        pr = park["properties"]
        result["parks"].append({"id": pr["id"], "district": reporting_district(park), **u})
    for d in districts:
        u = unit_stats(area(d["shape"]), clipped_parts(d["shape"], parcels, parcel_areas, tree), args.level)
        result["districts"].append({"code": d["properties"]["code"], **u})
    admin = [d["shape"] for d in districts if d["properties"].get("kind", "administrative") == "administrative"]
    total_area = area(shapely.union_all(admin)) if admin else 0.0
    result["total"] = unit_stats(total_area, [(p["properties"], a, 1.0) for p, a in zip(parcels, parcel_areas)], args.level)

    if args.enterprises:
        policy = {}
        try:
            with open(f"{args.dataset}/policy.json", encoding="utf-8") as f:
                policy = json.load(f).get("benefit", {})
        except FileNotFoundError:
            pass
        weights = {"tax_per_mu": 0.4, "revenue_per_mu": 0.3, "revenue_per_employee": 0.3, **policy.get("weights", {})}
        shares = {"a": 0.3, "b": 0.5, "c": 0.15, "d": 0.05, **policy.get("grade_shares", {})}
        rows, summary = benefit(load(args.dataset, "enterprises"), parcels, parcel_areas, weights, shares)
        result["enterprises"] = rows
        result["benefit"] = summary

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
