#!/usr/bin/env python3
"""Independent reference for `parkatlas compare` (docs/analyses.md §6).

From the raw GeoJSON of two dataset folders, with shapely (GEOS) and
pyproj Geod(ellps="GRS80"):
  - the land-use (at --level) and status transition matrices, city-wide: for
    every pair of an old and a new parcel, the geodesic area of their
    intersection (no shortcut: every pair whose envelopes meet is
    intersected), summed by (old class, new class);
  - each enterprise's park in each year: the smallest park (by geodesic area)
    whose polygon covers the point; entries, exits and moves (between parks,
    into / out of parks, relocated > 10 m within the same park or outside),
    industry changes;
  - the share of industrial (section C) enterprises inside parks, by count
    and output, in each year;
  - per park: the leading-industry share (output of its enterprises in its
    main + featured codes ÷ their output) in each year, and per-mu revenue of
    its continuing enterprises (new membership, present in both years with
    land > 0 in both; land = land_m2 else the area of the parcels naming it).

Usage:
  python3 Tests/Reference/compare_reference.py OLD NEW --level 2 --out FILE.json
"""
import argparse
import json

from pyproj import Geod
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

GEOD = Geod(ellps="GRS80")
MU = 10000.0 / 15.0


def ring_area(ring):
    xs, ys = zip(*ring.coords)
    a, _ = GEOD.polygon_area_perimeter(xs, ys)
    return abs(a)


def area(geom):
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
            return json.load(f)["features"]
    except FileNotFoundError:
        return []


def class_code(code, level):
    # level 1: two digits; level 2: four; a code coarser than asked keeps its own code
    n = 2 * level
    return code[:n] if len(code) >= n else code


def membership(parks, enterprises):
    shapes = [(area(shape(p["geometry"])), i, shape(p["geometry"])) for i, p in enumerate(parks)]
    shapes.sort(key=lambda t: (t[0], t[1]))
    out = []
    for e in enterprises:
        pt = Point(e["geometry"]["coordinates"])
        found = None
        for _, i, g in shapes:
            if g.covers(pt):
                found = parks[i]["properties"]["id"]
                break
        out.append(found)
    return out


def covers_code(prefix, code):
    return code.startswith(prefix)


def leading(parks, enterprises, member):
    totals = {p["properties"]["id"]: [0.0, 0.0] for p in parks}
    codes = {p["properties"]["id"]: (p["properties"].get("main_industries") or []) + (p["properties"].get("featured_industries") or [])
             for p in parks}
    for e, pid in zip(enterprises, member):
        if pid is None:
            continue
        out = e["properties"].get("output_wan") or 0.0
        totals[pid][0] += out
        if any(covers_code(c, e["properties"]["industry"]) for c in codes[pid]):
            totals[pid][1] += out
    return {pid: (m / t if t else None) for pid, (t, m) in totals.items()}


def land(enterprises, parcels):
    by_owner = {}
    for p in parcels:
        owner = p["properties"].get("enterprise")
        if owner:
            by_owner[owner] = by_owner.get(owner, 0.0) + area(shape(p["geometry"]))
    return {e["properties"]["id"]: (e["properties"]["land_m2"] if e["properties"].get("land_m2") is not None
                                   else by_owner.get(e["properties"]["id"])) for e in enterprises}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--level", type=int, default=2)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    old_parcels, new_parcels = load(a.old, "parcels"), load(a.new, "parcels")
    new_shapes = [shape(p["geometry"]) for p in new_parcels]
    tree = STRtree(new_shapes)
    land_use, status = {}, {}
    for op in old_parcels:
        g = shape(op["geometry"])
        for j in sorted(tree.query(g)):
            piece = area(g.intersection(new_shapes[j]))
            if piece <= 0:
                continue
            np_ = new_parcels[j]["properties"]
            k = (class_code(op["properties"]["land_use"], a.level), class_code(np_["land_use"], a.level))
            land_use[k] = land_use.get(k, 0.0) + piece
            s = (op["properties"]["status"], np_["status"])
            status[s] = status.get(s, 0.0) + piece

    old_parks, new_parks = load(a.old, "parks"), load(a.new, "parks")
    old_ent, new_ent = load(a.old, "enterprises"), load(a.new, "enterprises")
    old_member, new_member = membership(old_parks, old_ent), membership(new_parks, new_ent)
    old_by_id = {e["properties"]["id"]: (i, e) for i, e in enumerate(old_ent)}
    new_ids = set()
    changes, industry_changes = [], []
    counts = {k: 0 for k in ["entered", "exited", "moved_between_parks", "moved_into_park", "moved_out_of_park", "relocated"]}
    for j, e in enumerate(new_ent):
        eid = e["properties"]["id"]
        new_ids.add(eid)
        if eid not in old_by_id:
            counts["entered"] += 1
            changes.append({"id": eid, "change": "entered", "old_park": None, "new_park": new_member[j]})
            continue
        i, o = old_by_id[eid]
        if o["properties"]["industry"] != e["properties"]["industry"]:
            industry_changes.append({"id": eid, "old_industry": o["properties"]["industry"], "new_industry": e["properties"]["industry"]})
        (x0, y0), (x1, y1) = o["geometry"]["coordinates"], e["geometry"]["coordinates"]
        _, _, dist = GEOD.inv(x0, y0, x1, y1)
        a_, b_ = old_member[i], new_member[j]
        kind = None
        if a_ is not None and b_ is not None and a_ != b_:
            kind = "moved_between_parks"
        elif a_ is None and b_ is not None:
            kind = "moved_into_park"
        elif a_ is not None and b_ is None:
            kind = "moved_out_of_park"
        elif dist > 10.0:
            kind = "relocated"
        if kind:
            counts[kind] += 1
            changes.append({"id": eid, "change": kind, "old_park": a_, "new_park": b_, "distance_m": dist})
    for i, o in enumerate(old_ent):
        if o["properties"]["id"] not in new_ids:
            counts["exited"] += 1
            changes.append({"id": o["properties"]["id"], "change": "exited", "old_park": old_member[i], "new_park": None})

    def concentration(ents, member):
        c = [e for e, m in zip(ents, member) if e["properties"]["industry"].startswith("C")]
        inside = [e for e, m in zip(ents, member) if e["properties"]["industry"].startswith("C") and m is not None]
        out = sum(e["properties"].get("output_wan") or 0.0 for e in c)
        out_in = sum(e["properties"].get("output_wan") or 0.0 for e in inside)
        return {"count": len(c), "count_inside": len(inside), "output": out, "output_inside": out_in}

    old_land, new_land = land(old_ent, old_parcels), land(new_ent, new_parcels)
    per_mu = {}
    for j, e in enumerate(new_ent):
        eid, pid = e["properties"]["id"], new_member[j]
        if pid is None or eid not in old_by_id:
            continue
        o = old_by_id[eid][1]
        ln, lo = new_land.get(eid), old_land.get(eid)
        if not ln or not lo or ln <= 0 or lo <= 0:
            continue
        s = per_mu.setdefault(pid, {"enterprises": 0, "oo": 0.0, "ol": 0.0, "no": 0.0, "nl": 0.0})
        s["enterprises"] += 1
        s["oo"] += o["properties"].get("output_wan") or 0.0
        s["ol"] += lo / MU
        s["no"] += e["properties"].get("output_wan") or 0.0
        s["nl"] += ln / MU
    per_mu_out = {pid: {"enterprises": s["enterprises"], "revenue_per_mu_old": s["oo"] / s["ol"], "revenue_per_mu_new": s["no"] / s["nl"],
                        "revenue_per_mu_growth": (s["no"] / s["nl"]) / (s["oo"] / s["ol"]) - 1 if s["oo"] else None}
                  for pid, s in per_mu.items()}

    result = {
        "old": a.old, "new": a.new, "level": a.level,
        "land_use_transitions": [{"from": f, "to": t, "area_m2": v} for (f, t), v in sorted(land_use.items())],
        "status_transitions": [{"from": f, "to": t, "area_m2": v} for (f, t), v in sorted(status.items())],
        "old_class_areas": {}, "new_class_areas": {},
        "enterprise_counts": counts,
        "changes": sorted(changes, key=lambda c: (c["change"], c["id"])),
        "industry_changes": industry_changes,
        "industrial_in_parks": {"old": concentration(old_ent, old_member), "new": concentration(new_ent, new_member)},
        "leading_share": {"old": leading(old_parks, old_ent, old_member), "new": leading(new_parks, new_ent, new_member)},
        "per_mu": per_mu_out,
    }
    for key, parcels in (("old_class_areas", old_parcels), ("new_class_areas", new_parcels)):
        for p in parcels:
            c = class_code(p["properties"]["land_use"], a.level)
            result[key][c] = result[key].get(c, 0.0) + area(shape(p["geometry"]))
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
