#!/usr/bin/env python3
"""Hand-built snapshot pairs for `parkatlas compare` / `evaluate` tests.

Writes dataset folders under Tests/Fixtures/compare/in/:
  crossing_old/, crossing_new/  — the new parcels are the old grid shifted by
      37 m east, 23 m north and turned 10°, so every pair crosses; enterprises
      planned one per movement kind (see ENTERPRISES below).
  covered_old/, covered_new/    — the same 300 m × 200 m block parcelled two
      ways (old: two 150 m halves; new: three 100 m strips plus a triangle
      split), so every parcel is fully covered by the other snapshot: matrix
      row sums = old class areas, column sums = new class areas.
Coordinates: a local tangent plane at 104.70 °E, 31.45 °N (metres → degrees
with the spherical scale), rounded to 1e-9°.

Usage: python3 Tests/Reference/compare_make_fixtures.py
"""
import json
import math
import os

LON0, LAT0 = 104.70, 31.45
M_LAT = 110574.0
M_LON = 111320.0 * math.cos(math.radians(LAT0))
ROOT = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "compare", "in")


def ll(x, y):
    return [round(LON0 + x / M_LON, 9), round(LAT0 + y / M_LAT, 9)]


def ring(points):
    pts = [ll(x, y) for x, y in points]
    # counter-clockwise (RFC 7946)
    s = sum((pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]) for i in range(len(pts)))
    if s < 0:
        pts.reverse()
    return pts + [pts[0]]


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def rotated(points, angle, cx, cy, dx, dy):
    a = math.radians(angle)
    out = []
    for x, y in points:
        u, v = x - cx, y - cy
        out.append((cx + u * math.cos(a) - v * math.sin(a) + dx, cy + u * math.sin(a) + v * math.cos(a) + dy))
    return out


def polygon(points):
    return {"type": "Polygon", "coordinates": [ring(points)]}


def feature(props, geometry):
    return {"type": "Feature", "id": props.get("id", props.get("code")), "geometry": geometry, "properties": props}


def write(folder, name, features):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def district():
    return [feature({"code": "510703", "name": "涪城区", "kind": "administrative"}, polygon(rect(-2000, -2000, 3000, 2000)))]


def parks(pb_main):
    return [
        feature({"id": "PA", "name": "甲园区", "level": "provincial", "district": "510703", "parent": None,
                 "main_industries": ["C39"], "featured_industries": ["C3841"], "featured_status": "certified",
                 "chemical_park": False}, polygon(rect(-100, -100, 700, 700))),
        feature({"id": "PB", "name": "乙园区", "level": "municipal", "district": "510703", "parent": None,
                 "main_industries": pb_main, "featured_industries": [], "featured_status": "cultivating",
                 "chemical_park": False}, polygon(rect(1000, -100, 1800, 700))),
        feature({"id": "PB1", "name": "乙园区园中园", "level": "municipal", "district": "510703", "parent": "PB",
                 "main_industries": ["C34"], "featured_industries": [], "featured_status": None,
                 "chemical_park": False}, polygon(rect(1100, 0, 1400, 300))),
    ]


OLD_CELLS = [  # (land_use, status) of a 3 × 3 grid of 200 m cells in PA, row by row
    ("100101", "built"), ("100102", "idle"), ("1101", "ready"),
    ("0901", "built"), ("100101", "under_construction"), ("1001", "built"),
    ("1207", "unbuildable"), ("2301", "unready"), ("100103", "built"),
]
NEW_CELLS = [
    ("100101", "built"), ("100102", "built"), ("1101", "built"),
    ("0901", "built"), ("100101", "built"), ("1001", "idle"),
    ("1207", "unbuildable"), ("1001", "ready"), ("100103", "built"),
]


def grid(cells, transform, prefix):
    out = []
    for k, (land_use, status) in enumerate(cells):
        r, c = divmod(k, 3)
        pts = rect(c * 200, r * 200, c * 200 + 200, r * 200 + 200)
        pts = transform(pts)
        built = status == "built"
        out.append(feature({"id": f"{prefix}{k + 1}", "land_use": land_use, "status": status,
                            "floor_area_m2": 48000.0 if built else 0.0, "footprint_m2": 18000.0 if built else 0.0,
                            "investment_wan": 5000.0, "tax_wan": 300.0 if built else 0.0, "enterprise": None},
                           polygon(pts)))
    return out


# (id, industry, output, old xy or None, new xy or None): one per movement kind.
ENTERPRISES = [
    ("E1", "C3976", 1000.0, (100, 100), (100, 100)),       # stays in PA
    ("E2", "C3976", 2000.0, (1600, 500), (300, 300)),      # PB → PA: between parks
    ("E3", "C3411", 500.0, (2500, 1500), (1600, 600)),     # outside → PB: into a park
    ("E4", "C3411", 800.0, (1200, 100), (-1500, -1500)),   # PB1 → outside: out of parks
    ("E5", "C2614", 300.0, (500, 500), None),              # exits (from PA)
    ("E6", "C3841", 900.0, None, (500, 100)),              # enters (into PA)
    ("E7", "C3976", 700.0, (200, 600), (250, 600)),        # relocated 50 m within PA
    ("E8", "C3974", 400.0, (600, 200), (600, 200)),        # industry C3974 → C3411, stays in PA
    ("E9", "C1311", 600.0, (-1000, 1000), (-1000, 1000)),  # outside both years
]


def enterprises(year):
    out = []
    for eid, industry, output, old, new in ENTERPRISES:
        xy = old if year == "old" else new
        if xy is None:
            continue
        if eid == "E8" and year == "new":
            industry = "C3411"
        out.append(feature({"id": eid, "name": f"企业{eid}", "industry": industry,
                            "output_wan": output * (1.0 if year == "old" else 1.1), "tax_wan": output * 0.04,
                            "employees": 10, "land_m2": 20000.0, "above_scale": output >= 2000},
                           {"type": "Point", "coordinates": ll(*xy)}))
    return out


def main():
    identity = lambda pts: pts
    turn = lambda pts: rotated(pts, 10, 300, 300, 37, 23)
    write(os.path.join(ROOT, "crossing_old"), "districts", district())
    write(os.path.join(ROOT, "crossing_old"), "parks", parks(["C34"]))
    write(os.path.join(ROOT, "crossing_old"), "parcels", grid(OLD_CELLS, identity, "O"))
    write(os.path.join(ROOT, "crossing_old"), "enterprises", enterprises("old"))
    write(os.path.join(ROOT, "crossing_new"), "districts", district())
    write(os.path.join(ROOT, "crossing_new"), "parks", parks(["C34", "C38"]))
    write(os.path.join(ROOT, "crossing_new"), "parcels", grid(NEW_CELLS, turn, "N"))
    write(os.path.join(ROOT, "crossing_new"), "enterprises", enterprises("new"))

    def parcel(pid, land_use, status, pts):
        return feature({"id": pid, "land_use": land_use, "status": status, "floor_area_m2": 0.0, "footprint_m2": 0.0,
                        "enterprise": None}, polygon(pts))
    covered_old = [parcel("A", "1001", "idle", rect(0, 0, 150, 200)), parcel("B", "0901", "built", rect(150, 0, 300, 200))]
    covered_new = [
        parcel("S1", "1001", "built", rect(0, 0, 100, 200)),
        parcel("S2", "1101", "built", rect(100, 0, 200, 200)),
        parcel("T1", "0701", "ready", [(200, 0), (300, 0), (300, 200)]),
        parcel("T2", "1001", "under_construction", [(200, 0), (300, 200), (200, 200)]),
    ]
    for name, items in (("covered_old", covered_old), ("covered_new", covered_new)):
        write(os.path.join(ROOT, name), "districts", district())
        write(os.path.join(ROOT, name), "parks", parks(["C34"]))
        write(os.path.join(ROOT, name), "parcels", items)
        write(os.path.join(ROOT, name), "enterprises", [])


if __name__ == "__main__":
    main()
