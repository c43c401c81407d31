#!/usr/bin/env python3
"""A plausible "next year" of any dataset, for `compare` tests and benchmarks.

Copies OLD to NEW with seeded changes (Python's random.Random(seed)):
  parcels: 5 % change status (built→idle, idle/ready/under_construction/
  supplied_unbuilt→built, otherwise →ready), 3 % change land use to another
  code present in the data, 1 % are moved 5 m east (crossing their old
  outline), 1 % are dropped, 1 % are split in two halves (west and east of the
  envelope's middle, ids "<id>-a"/"<id>-b");
  enterprises: 3 % exit, 3 % enter (copies 30 m away with new ids), 2 % move to
  another enterprise's location, 1 % change industry to another code present,
  every output × 1.08; parcels of exited enterprises lose their `enterprise`;
  parks: the first park adds "C404" to its main industries.
Districts and the policy file are copied unchanged.

Usage: python3 Tests/Reference/compare_perturb.py OLD NEW --seed 1
"""
import argparse
import json
import os
import random
import shutil

from shapely.geometry import box, mapping, shape
from shapely.geometry.polygon import orient


def load(folder, name):
    with open(os.path.join(folder, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)


def save(folder, name, doc):
    with open(os.path.join(folder, name + ".geojson"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.new, exist_ok=True)
    for name in ("districts.geojson", "policy.json"):
        if os.path.exists(os.path.join(a.old, name)):
            shutil.copy(os.path.join(a.old, name), os.path.join(a.new, name))

    parks = load(a.old, "parks")
    main_list = parks["features"][0]["properties"]["main_industries"]
    if "C404" not in main_list:
        main_list.append("C404")
    save(a.new, "parks", parks)

    parcels = load(a.old, "parcels")
    codes = sorted({f["properties"]["land_use"] for f in parcels["features"]})
    out = []
    for f in parcels["features"]:
        p = f["properties"]
        r = rng.random()
        if r < 0.01:
            continue  # dropped
        if r < 0.02:
            g = shape(f["geometry"])
            x0, y0, x1, y1 = g.bounds
            mid = (x0 + x1) / 2
            for suffix, part in (("a", g.intersection(box(x0 - 1, y0 - 1, mid, y1 + 1))), ("b", g.intersection(box(mid, y0 - 1, x1 + 1, y1 + 1)))):
                if part.is_empty or part.geom_type not in ("Polygon", "MultiPolygon"):
                    continue
                q = dict(p, id=p["id"] + "-" + suffix)
                part = orient(part) if part.geom_type == "Polygon" else part
                out.append({"type": "Feature", "id": q["id"], "geometry": mapping(part), "properties": q})
            continue
        if r < 0.03:
            coords = f["geometry"]["coordinates"]
            shift = lambda ring: [[x + 5.0 / 85000.0, y] for x, y in ring]
            if f["geometry"]["type"] == "Polygon":
                f["geometry"]["coordinates"] = [shift(rg) for rg in coords]
            else:
                f["geometry"]["coordinates"] = [[shift(rg) for rg in poly] for poly in coords]
        elif r < 0.08:
            s = p["status"]
            p["status"] = "idle" if s == "built" else "built" if s in ("idle", "ready", "under_construction", "supplied_unbuilt") else "ready"
        elif r < 0.11:
            p["land_use"] = rng.choice([c for c in codes if c != p["land_use"]] or codes)
        out.append(f)
    parcels["features"] = out
    save(a.new, "parcels", parcels)

    ents = load(a.old, "enterprises")
    industries = sorted({f["properties"]["industry"] for f in ents["features"]})
    points = [f["geometry"]["coordinates"] for f in ents["features"]]
    out, serial = [], 0
    for f in ents["features"]:
        p = f["properties"]
        r = rng.random()
        if r < 0.03:
            continue  # exit
        if r < 0.06:
            serial += 1
            q = dict(p, id=f"N{serial:06d}")
            x, y = f["geometry"]["coordinates"]
            out.append({"type": "Feature", "id": q["id"], "geometry": {"type": "Point", "coordinates": [x + 30.0 / 85000.0, y]},
                        "properties": q})
        elif r < 0.08:
            f["geometry"]["coordinates"] = list(rng.choice(points))
        elif r < 0.09:
            p["industry"] = rng.choice([c for c in industries if c != p["industry"]] or industries)
        if p.get("output_wan") is not None:
            p["output_wan"] = round(p["output_wan"] * 1.08, 2)
        out.append(f)
    ents["features"] = out
    save(a.new, "enterprises", ents)
    # Parcels of exited enterprises lose their user.
    present = {f["properties"]["id"] for f in out}
    for f in parcels["features"]:
        if f["properties"].get("enterprise") not in (None, *()) and f["properties"]["enterprise"] not in present:
            f["properties"]["enterprise"] = None
    save(a.new, "parcels", parcels)


if __name__ == "__main__":
    main()
