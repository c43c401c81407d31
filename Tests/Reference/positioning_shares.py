#!/usr/bin/env python3
"""Independent reference for the park page's positioning panel (issue 17): per park, the
output, tax and employment shares of each industry division (GB/T 4754 大类: the section
letter and two digits, e.g. C39) among the park's enterprises, its sub-parks' included.

Membership as docs/analyses.md §3 defines it for the agglomeration units: an enterprise
belongs to the smallest park (pyproj Geod GRS80 area) whose polygon covers its point
(shapely `covers`); a park's enterprises are its own and those of its sub-parks (园中园,
`parent`), recursively. Enterprises without a point or outside every park are left out.
A share is the division's sum over the park's sum of that measure (a missing value counts
0); a measure the park has none of gives no share (null).

Run from the repository root:
  python3 Tests/Reference/positioning_shares.py GeoData/mianyang > Tests/Fixtures/atlas/mianyang_positioning_shares.json
"""
import json
import sys

from pyproj import Geod
from shapely.geometry import shape


def division(code):
    # "C3974" -> "C39"; a code already at division level (or coarser) counts under itself.
    return code[:3] if len(code) >= 3 else code


def main(folder):
    parks = json.load(open(f"{folder}/parks.geojson", encoding="utf-8"))["features"]
    enterprises = json.load(open(f"{folder}/enterprises.geojson", encoding="utf-8"))["features"]
    geod = Geod(ellps="GRS80")
    geoms = [shape(p["geometry"]) for p in parks]
    areas = [abs(geod.geometry_area_perimeter(g)[0]) for g in geoms]
    order = sorted(range(len(parks)), key=lambda k: (areas[k], k))
    ids = [p["properties"]["id"] for p in parks]
    parent = {p["properties"]["id"]: p["properties"].get("parent") for p in parks}

    def ancestors(pid):
        out = []
        while pid is not None:
            out.append(pid)
            pid = parent.get(pid)
        return out

    sums = {pid: {} for pid in ids}
    for e in enterprises:
        if not e.get("geometry"):
            continue
        pt = shape(e["geometry"])
        k = next((k for k in order if geoms[k].covers(pt)), None)
        if k is None:
            continue
        props = e["properties"]
        values = (float(props.get("output_wan") or 0), float(props.get("tax_wan") or 0), float(props.get("employees") or 0))
        d = division(props["industry"])
        for pid in ancestors(ids[k]):
            row = sums[pid].setdefault(d, [0.0, 0.0, 0.0, 0])
            for i in range(3):
                row[i] += values[i]
            row[3] += 1

    out = {"dataset": folder, "parks": {}}
    for pid in ids:
        totals = [sum(r[i] for r in sums[pid].values()) for i in range(3)]
        out["parks"][pid] = {
            "enterprises": sum(r[3] for r in sums[pid].values()),
            "totals": {"output_wan": totals[0], "tax_wan": totals[1], "employees": totals[2]},
            "divisions": {
                d: {
                    "output": r[0] / totals[0] if totals[0] > 0 else None,
                    "tax": r[1] / totals[1] if totals[1] > 0 else None,
                    "employees": r[2] / totals[2] if totals[2] > 0 else None,
                    "enterprises": r[3],
                }
                for d, r in sorted(sums[pid].items())
            },
        }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
