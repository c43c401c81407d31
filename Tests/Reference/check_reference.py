#!/usr/bin/env python3
"""Independent reference for `parkatlas check` (docs/analyses.md §4): every rule's
findings computed with shapely, pyproj and pandas, following the semantics
documented in Sources/LayoutAnalysis/Checks (smallest covering park, ≥/<
conventions, group-level duplicate positioning, top-level parks for scattering).

Usage:
  python3 Tests/Reference/check_reference.py DATASET --crs EPSG:4544 [--policy FILE] > OUT.json

Output: {"crs", "findings": [{"rule", "severity", "subject": [ids], "value",
"suggestion", "distance_m"}]} sorted by rule order then subject; values are
ratios, m² (GRS80 geodesic) or m (planar in --crs), as in the Swift findings.
"""
import argparse
import json
import os
import sys

import pandas as pd
from pyproj import Geod, Transformer
from shapely import STRtree, unary_union
from shapely.geometry import Point, shape
from shapely.ops import transform

GEOD = Geod(ellps="GRS80")
RULES = ["positioning-cap", "leading-industry-share", "misfit-enterprise", "scattered-industry",
         "duplicate-positioning", "outside-parks", "chemical-outside-chemical-park", "park-overlap",
         "park-outside-district", "parcel-overlap", "parcel-outside-park", "idle-land", "low-intensity"]
CAPS = {"national": (3, 2), "provincial": (2, 2), "municipal": (2, 2)}


def area(g):
    if g.is_empty:
        return 0.0
    return abs(GEOD.geometry_area_perimeter(g)[0])


def read(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def thresholds(folder, policy_file):
    t = {"leading_industry_share": 0.70, "scattered_industry_min_parks": 3, "scattered_industry_max_share": 0.5,
         "duplicate_positioning_distance_m": 20000.0, "outside_parks_target": 0.80,
         "hazardous_chemical_industries": ["C25", "C26"], "park_overlap_share": 0.01,
         "park_outside_district_share": 0.05, "parcel_overlap_m2": 1.0, "parcel_outside_park_share": 0.5,
         "low_intensity_building_coefficient": 0.30, "low_intensity_floor_area_ratio": 0.6}
    caps = dict(CAPS)
    path = policy_file or os.path.join(folder, "policy.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            checks = json.load(f).get("checks", {})
        for k, v in checks.items():
            if k == "positioning_cap":
                for level, c in v.items():
                    caps[level] = (c.get("main", caps[level][0]), c.get("featured", caps[level][1]))
            else:
                t[k] = v
    return t, caps


def covers(code, industry):
    return industry.startswith(code)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--crs", required=True)
    ap.add_argument("--policy")
    args = ap.parse_args()
    t, caps = thresholds(args.dataset, args.policy)
    to_metric = Transformer.from_crs("EPSG:4326", args.crs, always_xy=True).transform

    districts = read(args.dataset, "districts.geojson")
    parks = read(args.dataset, "parks.geojson")
    parcels = read(args.dataset, "parcels.geojson")
    enterprises = read(args.dataset, "enterprises.geojson")

    P = [p["properties"] for p in parks]
    pgeom = [shape(p["geometry"]) for p in parks]
    pmetric = [transform(to_metric, g) for g in pgeom]
    parea = [area(g) for g in pgeom]
    pid = [p["id"] for p in P]
    index = {p["id"]: i for i, p in enumerate(P)}
    ancestors = []
    for i, p in enumerate(P):
        chain, cur = [], index.get(p.get("parent")) if p.get("parent") else None
        while cur is not None and cur != i and cur not in chain:
            chain.append(cur)
            par = P[cur].get("parent")
            cur = index.get(par) if par else None
        ancestors.append(chain)
    root = [a[-1] if a else i for i, a in enumerate(ancestors)]
    related = lambda a, b: a in ancestors[b] or b in ancestors[a]
    positioning = [p["main_industries"] + (p.get("featured_industries") or []) for p in P]
    dgeom = {d["properties"]["code"]: shape(d["geometry"]) for d in districts}

    def reporting(i):
        if P[i].get("district"):
            return P[i]["district"]
        best, best_area = None, 0.0
        for d in districts:
            a = area(pgeom[i].intersection(shape(d["geometry"])))
            if a > best_area:
                best, best_area = d["properties"]["code"], a
        return best
    report_district = [reporting(i) for i in range(len(P))]

    findings = []

    def add(rule, severity, subject, value, suggestion=None, distance=None):
        findings.append({"rule": rule, "severity": severity, "subject": subject, "value": value,
                         "suggestion": suggestion, "distance_m": distance})

    # positioning-cap
    for i, p in enumerate(P):
        cap = caps[p["level"]]
        for codes, limit in ((p["main_industries"], cap[0]), (p.get("featured_industries") or [], cap[1])):
            if len(set(codes)) > limit:
                add("positioning-cap", "error", [pid[i]], float(len(set(codes))))

    # duplicate-positioning (groups = first 3 digits, codes of ≥ 3 digits only)
    groups = [{c[:4] for c in p["main_industries"] if len(c) >= 4} for p in P]
    for a in range(len(P)):
        for b in range(a + 1, len(P)):
            if related(a, b) or not (groups[a] & groups[b]):
                continue
            dist = pmetric[a].distance(pmetric[b])
            same = report_district[a] is not None and report_district[a] == report_district[b]
            if same or dist <= t["duplicate_positioning_distance_m"]:
                add("duplicate-positioning", "warning", [pid[a], pid[b]], dist)

    # park-overlap
    for a in range(len(P)):
        for b in range(a + 1, len(P)):
            if related(a, b) or not pgeom[a].intersects(pgeom[b]):
                continue
            share = area(pgeom[a].intersection(pgeom[b])) / min(parea[a], parea[b])
            if share > t["park_overlap_share"]:
                add("park-overlap", "error", [pid[a], pid[b]], share)

    # park-outside-district (declared district only)
    for i, p in enumerate(P):
        code = p.get("district")
        if code and code in dgeom:
            share = area(pgeom[i].difference(dgeom[code])) / parea[i]
            if share > t["park_outside_district_share"]:
                add("park-outside-district", "warning", [pid[i]], share)

    if enterprises is not None:
        E = pd.DataFrame([{"id": e["properties"]["id"], "industry": e["properties"]["industry"],
                           "output": float(e["properties"].get("output_wan") or 0.0),
                           "above": bool(e["properties"].get("above_scale") or False),
                           "x": e["geometry"]["coordinates"][0], "y": e["geometry"]["coordinates"][1]} for e in enterprises])
        pts = [Point(x, y) for x, y in zip(E.x, E.y)]
        # smallest covering park
        order = sorted(range(len(P)), key=lambda i: (parea[i], i))
        tree = STRtree(pgeom)
        park_of = []
        for pt in pts:
            cands = set(tree.query(pt, predicate="intersects").tolist())
            park_of.append(next((i for i in order if i in cands and pgeom[i].covers(pt)), None))
        E["park"] = park_of
        mx, my = Transformer.from_crs("EPSG:4326", args.crs, always_xy=True).transform(E.x.values, E.y.values)
        E["mx"], E["my"] = mx, my

        def nearest(row, allowed):
            best, bd = None, None
            pt = Point(row.mx, row.my)
            for i in allowed:
                d = pmetric[i].distance(pt)
                if bd is None or d < bd or (d == bd and i < best):
                    best, bd = i, d
            return (pid[best], bd) if best is not None else (None, None)

        matching = lambda ind: [i for i in range(len(P)) if any(covers(c, ind) for c in positioning[i])]

        # leading-industry-share
        total = [0.0] * len(P); fit = [0.0] * len(P); count = [0] * len(P)
        for row in E.itertuples():
            if pd.isna(row.park):
                continue
            m = int(row.park)
            for q in [m] + ancestors[m]:
                count[q] += 1
                total[q] += row.output
                if any(covers(c, row.industry) for c in positioning[q]):
                    fit[q] += row.output
        for i, p in enumerate(P):
            if count[i] == 0 or total[i] == 0:
                add("leading-industry-share", "info", [pid[i]], None)
                continue
            share = fit[i] / total[i]
            if share < t["leading_industry_share"]:
                add("leading-industry-share", "error" if p.get("featured_status") == "certified" else "warning", [pid[i]], share)

        # misfit-enterprise
        for row in E.itertuples():
            if pd.isna(row.park):
                continue
            m = int(row.park)
            if not any(covers(c, row.industry) for c in positioning[m]):
                s, d = nearest(row, matching(row.industry))
                add("misfit-enterprise", "info", [row.id], row.output, s, d)

        # scattered-industry (divisions of main codes, top-level parks)
        divisions = sorted({c[:3] for p in P for c in p["main_industries"] if len(c) >= 3})
        inpark = E[E.park.notna()].copy()
        inpark["root"] = [root[int(m)] for m in inpark.park]
        inpark["division"] = inpark.industry.str[:3]
        for dv in divisions:
            sub = inpark[inpark.division == dv].groupby("root").output.sum()
            sub = sub[sub > 0]
            tot = sub.sum()
            if tot <= 0 or len(sub) < t["scattered_industry_min_parks"]:
                continue
            top = max(sorted(sub.index), key=lambda r: (sub[r], -r))
            share = sub[top] / tot
            if share < t["scattered_industry_max_share"]:
                add("scattered-industry", "warning", [dv], share, pid[top])

        # outside-parks
        ind = E[E.industry.str.startswith("C")].copy()
        admin = [(d["properties"]["code"], shape(d["geometry"])) for d in districts
                 if d["properties"].get("kind", "administrative") == "administrative"]
        ind["district"] = [next((code for code, g in admin if g.covers(Point(x, y))), None) for x, y in zip(ind.x, ind.y)]
        ind["inside"] = ind.park.notna()
        units = [("city", "city", ind)] + [("district", code, ind[ind.district == code]) for code, _ in admin]
        for kind, code, u in units:
            if len(u) == 0:
                continue
            for measure, inside, alltot in (("count", float(u.inside.sum()), float(len(u))),
                                            ("output", float(u[u.inside].output.sum()), float(u.output.sum()))):
                if alltot > 0 and inside / alltot < t["outside_parks_target"]:
                    add("outside-parks", "warning", [code], inside / alltot)
        for row in ind[(~ind.inside) & ind.above].itertuples():
            s, d = nearest(row, matching(row.industry))
            add("outside-parks", "info", [row.id], row.output, s, d)

        # chemical-outside-chemical-park
        chem = [i for i, p in enumerate(P) if p.get("chemical_park")]
        for row in E.itertuples():
            if not any(covers(c, row.industry) for c in t["hazardous_chemical_industries"]):
                continue
            if any(pgeom[i].covers(Point(row.x, row.y)) for i in chem):
                continue
            s, d = nearest(row, chem)
            add("chemical-outside-chemical-park", "error", [row.id], row.output, s, d)

    if parcels is not None:
        Q = [q["properties"] for q in parcels]
        qgeom = [shape(q["geometry"]) for q in parcels]
        qarea = [area(g) for g in qgeom]
        # parcel-overlap
        tree = STRtree(qgeom)
        left, right = tree.query(qgeom, predicate="intersects")
        for a, b in sorted({(min(a, b), max(a, b)) for a, b in zip(left.tolist(), right.tolist()) if a != b}):
            ov = area(qgeom[a].intersection(qgeom[b]))
            if ov > t["parcel_overlap_m2"]:
                add("parcel-overlap", "error", [Q[a]["id"], Q[b]["id"]], ov)
        # parcel-outside-park
        union = unary_union(pgeom)
        for i, g in enumerate(qgeom):
            if qarea[i] <= 0:
                continue
            share = max(0.0, qarea[i] - area(g.intersection(union))) / qarea[i]
            if share > t["parcel_outside_park_share"]:
                add("parcel-outside-park", "info", [Q[i]["id"]], share)
        # per-park totals for idle-land and low-intensity (parcels clipped to the park, attributes by share)
        supplied_status = {"built", "under_construction", "supplied_unbuilt", "idle"}
        for i in range(len(P)):
            sup = idle = a2 = foot = floor = 0.0
            for k in tree.query(pgeom[i], predicate="intersects").tolist():
                inside = area(qgeom[k].intersection(pgeom[i])) if not pgeom[i].covers(qgeom[k]) else qarea[k]
                if inside <= 0:
                    continue
                share = inside / qarea[k] if qarea[k] > 0 else 0.0
                st = Q[k]["status"]
                if st in supplied_status:
                    sup += inside
                if st == "idle":
                    idle += inside
                if st == "built" and (Q[k]["land_use"].startswith("10") or Q[k]["land_use"].startswith("11")):
                    a2 += inside
                    foot += float(Q[k].get("footprint_m2") or 0) * share
                    floor += float(Q[k].get("floor_area_m2") or 0) * share
            if sup > 0 and idle > 0:
                add("idle-land", "warning", [pid[i]], idle / sup)
            if a2 > 0:
                if foot / a2 < t["low_intensity_building_coefficient"]:
                    add("low-intensity", "warning", [pid[i]], foot / a2)
                if floor / a2 < t["low_intensity_floor_area_ratio"]:
                    add("low-intensity", "warning", [pid[i]], floor / a2)
        for i, q in enumerate(Q):
            if q["status"] == "idle":
                add("idle-land", "warning", [q["id"]], qarea[i])

    findings.sort(key=lambda f: (RULES.index(f["rule"]), f["subject"], f["value"] if f["value"] is not None else -1))
    json.dump({"crs": args.crs, "findings": findings}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
