#!/usr/bin/env python3
"""Independent reference for `parkatlas site` (docs/analyses.md §5).

From the raw GeoJSON files of a dataset, with shapely (GEOS) and pyproj:
  - available land: parcels with status "ready" and land use under 10 or 11;
    reclaimable: "idle" parcels of the same uses;
  - each such parcel belongs to the smallest park (pyproj GRS80 area) holding
    more than half of its GRS80 area (shapely intersection on lon/lat);
  - blocks: a park's available parcels, projected with pyproj into the local
    metric CRS (CGCS2000 3-degree Gauss-Kruger CM zone nearest the centre of the
    districts' and parks' extent in China, else WGS84 UTM), joined when the
    shapely distance is <= the merge distance (all pairs, brute force,
    transitively); block area = sum of the parcels' GRS80 areas;
  - constraints, first failing one: outside district, not chemical park
    (hazardous project), no ready industrial land, largest block < need;
  - chosen block: among blocks >= need, most same-division output within the
    synergy radius (shapely distance from the enterprise point to the block's
    parcels), then the smallest area, then the lowest parcel index;
  - score: positioning (finest level, class/group/division, at which the
    project code and a main code agree: 1.0/0.8/0.6; featured x 0.75) x w,
    synergy S / max S x w, land min(1, largest / need) x w, efficiency T / max T
    x w with T = industrial tax per ha of the park (stats_reference.unit_stats);
    ranked by score descending, then park id.

Usage:
  python3 Tests/Reference/site_reference.py DATASET --industry C3974 --area-ha 3 [--district CODE] --out FILE.json
"""

import argparse
import json
import os
import sys

import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stats_reference import area, clipped_parts, load, unit_stats  # noqa: E402
from shapely.strtree import STRtree  # noqa: E402

LEVEL_VALUE = {4: 1.0, 3: 0.8, 2: 0.6}


def levels(code):
    """Ancestors of a GB/T 4754 code by level: 2 = division, 3 = group, 4 = class."""
    digits = len(code) - 1
    return {lvl: code[: lvl + 1] for lvl in (2, 3, 4) if digits >= lvl}


def agreement(a, b):
    la, lb = levels(a), levels(b)
    for lvl in (4, 3, 2):
        if lvl in la and lvl in lb and la[lvl] == lb[lvl]:
            return lvl
    return None


def positioning(code, main, featured):
    best = 0.0
    for codes, factor in ((main, 1.0), (featured, 0.75)):
        for c in codes:
            lvl = agreement(code, c)
            best = max(best, (LEVEL_VALUE[lvl] if lvl else 0.0) * factor)
    return best


def metric_epsg(features):
    xs, ys = [], []
    for f in features:
        minx, miny, maxx, maxy = f["shape"].bounds
        xs += [minx, maxx]
        ys += [miny, maxy]
    lon, lat = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    if 73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55:
        cm = min(45, max(25, int((lon + 1.5) // 3))) * 3
        return 4534 + (cm - 75) // 3
    zone = min(60, max(1, int((lon + 180) // 6) + 1))
    return (32600 if lat >= 0 else 32700) + zone


def policy_of(folder):
    p = {"weights": {"positioning": 40, "synergy": 25, "land": 20, "efficiency": 15}, "radius": 5000.0, "merge": 10.0,
         "hazardous": ["C25", "C26"]}
    try:
        with open(f"{folder}/policy.json", encoding="utf-8") as f:
            raw = json.load(f)
    except FileNotFoundError:
        return p
    s = raw.get("siting", {})
    p["weights"].update(s.get("weights", {}))
    p["radius"] = s.get("synergy_radius_m", p["radius"])
    p["merge"] = s.get("block_merge_distance_m", p["merge"])
    p["hazardous"] = raw.get("checks", {}).get("hazardous_chemical_industries", p["hazardous"])
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--industry", required=True)
    ap.add_argument("--area-ha", type=float, required=True)
    ap.add_argument("--district")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    folder, code, need = args.dataset, args.industry, args.area_ha * 10000
    pol = policy_of(folder)
    w = pol["weights"]
    districts, parks = load(folder, "districts"), load(folder, "parks")
    parcels, enterprises = load(folder, "parcels"), load(folder, "enterprises")
    to_metric = Transformer.from_crs("EPSG:4326", f"EPSG:{metric_epsg(districts + parks)}", always_xy=True)
    park_areas = [area(p["shape"]) for p in parks]

    # Scope.
    in_scope = [True] * len(parks)
    if args.district:
        d = next(x for x in districts if x["properties"]["code"] == args.district)
        for i, p in enumerate(parks):
            rep = p["properties"].get("district")
            if rep is None:
                best = None
                for x in districts:
                    a = area(p["shape"].intersection(x["shape"]))
                    if a > 0 and (best is None or a > best[1]):
                        best = (x["properties"]["code"], a)
                rep = best[0] if best else None
            in_scope[i] = rep == args.district or area(p["shape"].intersection(d["shape"])) > 0.5 * park_areas[i]

    # Available and reclaimable parcels, assigned to the smallest park holding most of each.
    ready, idle = [[] for _ in parks], [[] for _ in parks]
    parcel_area = {}
    for j, f in enumerate(parcels):
        pr = f["properties"]
        if pr["status"] not in ("ready", "idle") or not pr["land_use"].startswith(("10", "11")):
            continue
        a = area(f["shape"])
        parcel_area[j] = a
        owner = None
        for i, p in enumerate(parks):
            if area(p["shape"].intersection(f["shape"])) > 0.5 * a:
                if owner is None or park_areas[i] < park_areas[owner]:
                    owner = i
        if owner is not None:
            (ready if pr["status"] == "ready" else idle)[owner].append(j)

    metric = {j: shapely.transform(parcels[j]["shape"], lambda xy: list(zip(*to_metric.transform(xy[:, 0], xy[:, 1]))))
              for lst in ready for j in lst}

    def blocks_of(lst):
        parent = list(range(len(lst)))

        def find(i):
            while parent[i] != i:
                i = parent[i]
            return i
        for a in range(len(lst)):
            for b in range(a + 1, len(lst)):
                if metric[lst[a]].distance(metric[lst[b]]) <= pol["merge"]:
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
        groups = {}
        for k in range(len(lst)):
            groups.setdefault(find(k), []).append(lst[k])
        out = [(sum(parcel_area[j] for j in sorted(g)), sorted(g)) for g in groups.values()]
        return sorted(out, key=lambda t: (-t[0], t[1][0]))

    division = code[:3] if len(code) >= 3 else None
    same = []
    for e in enterprises:
        pr = e["properties"]
        if division and pr["industry"].startswith(division) and (pr.get("output_wan") or 0) > 0:
            x, y = to_metric.transform(e["shape"].x, e["shape"].y)
            same.append((Point(x, y), pr["output_wan"]))

    hazardous = any(code.startswith(h) or h.startswith(code) for h in pol["hazardous"])
    ruled, feasible, largest_available = [], [], None
    for i, p in enumerate(parks):
        pr = p["properties"]
        blocks = blocks_of(ready[i])
        largest = blocks[0] if blocks else None
        reason = None
        if not in_scope[i]:
            reason = "outside_district"
        elif hazardous and not pr.get("chemical_park", False):
            reason = "not_chemical_park"
        elif largest is None:
            reason = "no_ready_industrial_land"
        else:
            if largest_available is None or largest[0] > largest_available[1][0]:
                largest_available = (i, largest)
            if largest[0] < need:
                reason = "block_too_small"
        if reason:
            ruled.append({"park": pr["id"], "reason_code": reason,
                          "largest_block_ha": largest[0] / 10000 if largest else None})
            continue
        best = None
        for a, members in blocks:
            if a < need:
                continue
            geom = MultiPolygon([g for j in members for g in getattr(metric[j], "geoms", [metric[j]])])
            s = sum(o for pt, o in same if geom.distance(pt) <= pol["radius"])
            key = (-s, a, members[0])
            if best is None or key < best[0]:
                best = (key, s, a, members)
        feasible.append((i, best[1], best[2], best[3], largest[0]))

    parcel_tree = STRtree([f["shape"] for f in parcels])
    parcel_areas_all = [area(f["shape"]) for f in parcels]
    taxes = []
    for i, *_ in feasible:
        stats = unit_stats(park_areas[i], clipped_parts(parks[i]["shape"], parcels, parcel_areas_all, parcel_tree), 1)
        taxes.append(stats["indicators"]["industrial_tax_per_ha"])
    max_s = max([f[1] for f in feasible], default=0)
    max_t = max([t or 0 for t in taxes], default=0)
    candidates = []
    for (i, s, a, members, largest), t in zip(feasible, taxes):
        pr = parks[i]["properties"]
        comp = {
            "positioning": w["positioning"] * positioning(code, pr["main_industries"], pr.get("featured_industries") or []),
            "synergy": w["synergy"] * s / max_s if max_s > 0 else 0.0,
            "land": w["land"] * min(1.0, largest / need),
            "efficiency": w["efficiency"] * (t or 0) / max_t if max_t > 0 else 0.0,
        }
        candidates.append({
            "park": pr["id"], "score": sum(comp.values()), "components": comp,
            "synergy_output_wan": s, "industrial_tax_per_ha": t,
            "block": {"parcels": [parcels[j]["properties"]["id"] for j in members], "area_ha": a / 10000},
            "reclaimable_ha": sum(parcel_area[j] for j in idle[i]) / 10000,
        })
    candidates.sort(key=lambda c: (-c["score"], c["park"]))
    for r, c in enumerate(candidates, 1):
        c["rank"] = r
    out = {
        "industry": code, "area_ha": args.area_ha, "hazardous_chemical": hazardous,
        "candidates": candidates, "ruled_out": ruled,
        "largest_available_block": None if largest_available is None else {
            "park": parks[largest_available[0]]["properties"]["id"],
            "parcels": [parcels[j]["properties"]["id"] for j in largest_available[1][1]],
            "area_ha": largest_available[1][0] / 10000},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
