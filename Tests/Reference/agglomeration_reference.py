"""Reference values for `agglomeration`: LQ, HHI, Ellison–Glaeser γ (direct numpy) and
co-location quotients (an independent brute-force implementation with ties).

Definitions: docs/analyses.md §3. CLQ(A→B) = (C_AB/N_A)/(N'_B/(N−1)), N'_B = N_B − 1 if A = B;
C_AB sums, over points of A, 1/(number of tied nearest neighbours) for each nearest neighbour
that is B; a point is never its own neighbour (coincident points are at distance 0).

Run from the repository root:
  python3 Tests/Reference/agglomeration_reference.py planar
      -> Tests/Fixtures/agglomeration/in/planar_*.json, out/planar_*.json
  python3 Tests/Reference/agglomeration_reference.py dataset GeoData/mianyang 4544 2 employees mianyang_l2_employees
  python3 Tests/Reference/agglomeration_reference.py dataset /tmp/synth_berlin_7 32633 3 output synth_berlin_7_l3_output
      (`parkatlas synth --out /tmp/synth_berlin_7 --seed 7 --parks 12 --parcels 2000 --enterprises 3000 --center=13.4,52.5`)
  python3 Tests/Reference/agglomeration_reference.py dataset /tmp/synth_default_11 4544 4 count synth_default_11_l4_count
      (`parkatlas synth --out /tmp/synth_default_11 --seed 11 --parks 8 --parcels 1500 --enterprises 2500`)
      -> Tests/Fixtures/agglomeration/out/dataset_<name>.json
Membership: shapely `covers`, the smallest park by pyproj Geod(GRS80) area first (a sub-park before its parent).
"""
import json
import sys

import numpy as np


def indices(industry, unit, e, ni, nu):
    industry, unit, e = np.asarray(industry), np.asarray(unit), np.asarray(e, dtype=float)
    t = np.zeros((ni, nu))
    np.add.at(t, (industry, unit), e)
    ei, ep, tot = t.sum(1), t.sum(0), t.sum()
    out = {"lq": [], "hhi": [], "hhi_norm": [], "park_hhi": [], "park_hhi_norm": [], "gamma": []}
    with np.errstate(divide="ignore", invalid="ignore"):
        lq = (t / ep[None, :]) / (ei[:, None] / tot)
        s = t / ei[:, None]
        h = (s ** 2).sum(1)
        ph = ((t / ep[None, :]) ** 2).sum(0)
        x = ep / tot
        g = ((s - x[None, :]) ** 2).sum(1)
        sx2 = (x ** 2).sum()
        plant = np.array([((e[industry == i] / ei[i]) ** 2).sum() if ei[i] > 0 else np.nan for i in range(ni)])
        gamma = (g - (1 - sx2) * plant) / ((1 - sx2) * (1 - plant))
    clean = lambda a: [None if not np.isfinite(v) else float(v) for v in np.ravel(a)]
    out["lq"] = clean(lq)
    out["hhi"] = clean(h)
    out["hhi_norm"] = clean((h - 1 / nu) / (1 - 1 / nu))
    out["park_hhi"] = clean(ph)
    out["park_hhi_norm"] = clean((ph - 1 / ni) / (1 - 1 / ni))
    out["gamma"] = clean(gamma)
    return out


def clq(xy, labels, k):
    xy = np.asarray(xy, dtype=float)
    labels = np.asarray(labels)
    n = len(labels)
    c = np.zeros((k, k))
    for i in range(n):
        dx = xy[:, 0] - xy[i, 0]
        dy = xy[:, 1] - xy[i, 1]
        d2 = dx * dx + dy * dy
        d2[i] = np.inf
        nearest = np.flatnonzero(d2 == d2.min())
        for j in nearest:
            c[labels[i], labels[j]] += 1.0 / len(nearest)
    counts = np.bincount(labels, minlength=k)
    q = np.full((k, k), np.nan)
    for a in range(k):
        for b in range(k):
            others = counts[b] - 1 if a == b else counts[b]
            if counts[a] > 0 and others > 0:
                q[a, b] = (c[a, b] / counts[a]) / (others / (n - 1))
    return [None if not np.isfinite(v) else float(v) for v in q.ravel()]


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def planar():
    rng = np.random.default_rng(4754)
    # Indices: 400 enterprises, 7 industries, 5 units (one empty unit, one industry absent).
    n, ni, nu = 400, 7, 5
    industry = rng.integers(0, ni - 1, n)          # industry 6 stays empty
    unit = rng.choice([0, 1, 2, 4], n, p=[0.5, 0.2, 0.2, 0.1])  # unit 3 stays empty
    e = np.round(rng.lognormal(3, 1.2, n), 2)
    e[:5] = 0
    inp = {"industry": industry.tolist(), "unit": unit.tolist(), "measure": e.tolist(), "industry_count": ni, "unit_count": nu}
    write("Tests/Fixtures/agglomeration/in/planar_indices.json", inp)
    write("Tests/Fixtures/agglomeration/out/planar_indices.json", indices(industry, unit, e, ni, nu))
    # CLQ: lattice sites (many exact ties), three coincident pairs, 4 categories with clumping.
    sites = rng.choice(30 * 30, 300, replace=False)
    xy = np.stack([(sites % 30) * 10.0, (sites // 30) * 10.0], 1)
    xy = np.vstack([xy, xy[:3]])
    labels = np.where(xy[:, 0] < 150, rng.integers(0, 2, len(xy)), rng.integers(1, 4, len(xy)))
    write("Tests/Fixtures/agglomeration/in/planar_clq.json", {"xy": xy.ravel().tolist(), "labels": labels.tolist(), "category_count": 4})
    write("Tests/Fixtures/agglomeration/out/planar_clq.json", {"clq": clq(xy, labels, 4)})


def dataset(folder, epsg, level, measure, name):
    import pyproj
    import shapely
    from shapely.geometry import shape, Point
    parks = json.load(open(f"{folder}/parks.geojson"))["features"]
    ents = json.load(open(f"{folder}/enterprises.geojson"))["features"]
    geod = pyproj.Geod(ellps="GRS80")
    pgeo = [shape(p["geometry"]) for p in parks]
    areas = [abs(geod.geometry_area_perimeter(g)[0]) for g in pgeo]
    order = sorted(range(len(parks)), key=lambda k: (areas[k], k))
    level = int(level)
    key = {"employees": "employees", "output": "output_wan", "count": None}[measure]
    codes = [f["properties"]["industry"][: level + 1] for f in ents]
    inds = sorted(set(codes))
    idx = {c: i for i, c in enumerate(inds)}
    t = pyproj.Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    rows_i, rows_u, rows_e, xy, labels = [], [], [], [], []
    for f, code in zip(ents, codes):
        lon, lat = f["geometry"]["coordinates"][:2]
        pt = Point(lon, lat)
        u = next((k for k in order if pgeo[k].covers(pt)), len(parks))
        xy.append(t.transform(lon, lat))
        labels.append(idx[code])
        v = 1.0 if key is None else f["properties"].get(key)
        if v is None:
            continue
        rows_i.append(idx[code]); rows_u.append(u); rows_e.append(float(v))
    out = indices(rows_i, rows_u, rows_e, len(inds), len(parks) + 1)
    out["clq"] = clq(xy, labels, len(inds))
    out.update({"industries": inds, "units": [p["properties"]["id"] for p in parks] + ["outside"],
                "level": level, "measure": measure, "epsg": int(epsg)})
    write(f"Tests/Fixtures/agglomeration/out/dataset_{name}.json", out)


if __name__ == "__main__":
    if sys.argv[1] == "planar":
        planar()
    else:
        dataset(*sys.argv[2:7])
