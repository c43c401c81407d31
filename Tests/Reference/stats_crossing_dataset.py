#!/usr/bin/env python3
"""Builds the small dataset Tests/Fixtures/stats/in/crossing/ (seeded): parcels
that cross park and district boundaries, parcels with holes and MultiPolygon
parcels, a park with a hole, a MultiPolygon park, a park without `district`
(resolved by largest share), land-use codes at levels 1, 2 and 3, missing
attributes, and enterprises lacking land, output, tax or employees.

Usage: python3 Tests/Reference/stats_crossing_dataset.py Tests/Fixtures/stats/in/crossing
then:  python3 Tests/Reference/stats_reference.py Tests/Fixtures/stats/in/crossing --level L --enterprises \
           --out Tests/Fixtures/stats/out/crossing_levelL.json   (L = 1, 2, 3)
"""
import json
import os
import random
import sys


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def poly(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}


def write(folder, name, features):
    with open(os.path.join(folder, name + ".geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": p, "geometry": g} for p, g in features]}, f, ensure_ascii=False)
        f.write("\n")


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261127)
    districts = [
        ({"code": "D1", "name": "西区", "kind": "administrative"}, poly(rect(104.60, 31.40, 104.70, 31.50))),
        ({"code": "D2", "name": "东区", "kind": "administrative"}, poly(rect(104.70, 31.40, 104.80, 31.50))),
        ({"code": "FZ", "name": "高新区", "kind": "functional"},
         poly([[104.64, 31.43], [104.75, 31.42], [104.76, 31.47], [104.66, 31.48], [104.64, 31.43]])),
    ]
    parks = [
        ({"id": "P1", "name": "一号园", "level": "provincial", "district": "D1", "main_industries": ["C39"]},
         poly(rect(104.62, 31.42, 104.69, 31.47), rect(104.65, 31.44, 104.66, 31.45))),
        ({"id": "P1A", "name": "一号园中园", "level": "provincial", "parent": "P1", "main_industries": ["C397"]},
         poly([[104.63, 31.43], [104.645, 31.432], [104.642, 31.446], [104.63, 31.44], [104.63, 31.43]])),
        ({"id": "P2", "name": "二号园", "level": "municipal", "district": "D2", "main_industries": ["C26"]},
         {"type": "MultiPolygon", "coordinates": [[rect(104.72, 31.41, 104.75, 31.44)], [rect(104.76, 31.45, 104.79, 31.49)]]}),
        # No district: straddles D1/D2, most of it in D2.
        ({"id": "P3", "name": "三号园", "level": "municipal", "main_industries": ["C34"]},
         poly(rect(104.695, 31.475, 104.73, 31.495))),
    ]
    codes = ["10", "1001", "100101", "100102", "100103", "11", "1101", "110101", "07", "0701", "070101",
             "0901", "1207", "1401", "17"]
    statuses = ["built"] * 6 + ["under_construction", "supplied_unbuilt", "idle", "ready", "unready", "unbuildable"]
    parcels = []
    k = 0
    for i in range(18):
        for j in range(9):
            if rng.random() < 0.25:
                continue
            x0 = 104.605 + i * 0.0105 + rng.uniform(0, 0.002)
            y0 = 31.405 + j * 0.0098 + rng.uniform(0, 0.002)
            x1 = x0 + rng.uniform(0.004, 0.009)
            y1 = y0 + rng.uniform(0.004, 0.008)
            k += 1
            if k % 11 == 0:  # a hole
                mx, my = (x0 + x1) / 2, (y0 + y1) / 2
                geom = poly(rect(x0, y0, x1, y1), rect(mx - 0.001, my - 0.001, mx + 0.001, my + 0.001)[::-1])
            elif k % 13 == 0:  # two parts
                xm = (x0 + x1) / 2
                geom = {"type": "MultiPolygon", "coordinates": [[rect(x0, y0, xm - 0.0005, y1)], [rect(xm + 0.0005, y0, x1, y1)]]}
            else:
                geom = poly(rect(x0, y0, x1, y1) if k % 2 else rect(x0, y0, x1, y1)[::-1])
            status = rng.choice(statuses)
            props = {"id": f"L{k:04d}", "land_use": rng.choice(codes), "status": status}
            if status == "built" or rng.random() < 0.3:
                area_guess = (x1 - x0) * (y1 - y0) * 9.5e9
                if rng.random() > 0.1:
                    props["floor_area_m2"] = round(area_guess * rng.uniform(0.3, 2.0), 1)
                if rng.random() > 0.1:
                    props["footprint_m2"] = round(area_guess * rng.uniform(0.1, 0.6), 1)
                if rng.random() > 0.2:
                    props["investment_wan"] = round(area_guess * rng.uniform(0.1, 0.8), 2)
                if rng.random() > 0.2:
                    props["tax_wan"] = round(area_guess * rng.uniform(0.005, 0.03), 2)
            if rng.random() < 0.5:
                props["enterprise"] = f"E{rng.randint(1, 40):03d}"
            parcels.append((props, geom))
    enterprises = []
    industries = ["C3974", "C3976", "C2614", "C3985", "C1512"]
    for e in range(1, 46):
        props = {"id": f"E{e:03d}", "name": f"企业{e:03d}", "industry": rng.choice(industries)}
        if e % 9 != 0:
            props["output_wan"] = round(rng.uniform(100, 50000), 1)
        if e % 10 != 0:
            props["tax_wan"] = round(rng.uniform(5, 2000), 2)
        if e % 8 != 0:
            props["employees"] = 0 if e % 15 == 0 else rng.randint(5, 800)
        if e % 4 == 0:
            props["land_m2"] = 0.0 if e == 12 else round(rng.uniform(5000, 200000), 1)
        enterprises.append((props, {"type": "Point", "coordinates": [rng.uniform(104.61, 104.79), rng.uniform(31.41, 31.49)]}))
    write(folder, "districts", districts)
    write(folder, "parks", parks)
    write(folder, "parcels", parcels)
    write(folder, "enterprises", enterprises)


if __name__ == "__main__":
    main(sys.argv[1])
