"""Reference bands for the analytic CSR envelope of Ripley's K (docs/analyses.md §3, issue 19).

Run from the repository root (about 2 minutes):
    python3 Tests/Reference/envelope_reference.py
It writes Tests/Fixtures/cluster/out/envelope_999.json.

Three mid-sized patterns, each n points uniform (numpy's PCG64, independent of our SplitMix64):
- rect_500, rect_2000: a 3000 m x 2000 m rectangle; the study area is the bounding box of the
  observed points (our `bbox` study area);
- polygon_1000: an irregular polygon (an L with an oblique edge and a square hole, plus a
  separate triangle; our `parks`/`districts` kind of study area).
For each, 999 CSR patterns of n points are drawn in the same window (rejection for the polygon,
shapely `contains_xy`), and K(r) = A * 2 * #{pairs i<j : d_ij < r} / n^2 of each is computed with
scipy `pdist` (strict <, the pointpats convention). Written per radius: the simulations' mean,
standard deviation (ddof 1) and the 10th smallest / 10th largest of the 999 values (the 1 % and
99 % order statistics: the same per-tail level, 1/(R+1), as the min/max of 99 simulations).

K of the observed pattern comes from pointpats `distance_statistics.k` (which takes A from the
points' bounding box), rescaled by A / A_bbox for the polygon, as in cluster_reference.py.
"""
import json
import os

import numpy as np
import shapely
from pointpats import distance_statistics as ds
from scipy import spatial

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "cluster", "out", "envelope_999.json")
R = 999


def k_values(pts, radii, area):
    n = len(pts)
    d = spatial.distance.pdist(pts)
    return np.array([area * 2 * np.count_nonzero(d < r) / (n * n) for r in radii])


def uniform_in(geom, n, rng):
    minx, miny, maxx, maxy = geom.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        cand = np.column_stack([rng.uniform(minx, maxx, 2 * n), rng.uniform(miny, maxy, 2 * n)])
        cand = cand[shapely.contains_xy(geom, cand[:, 0], cand[:, 1])]
        out = np.vstack([out, cand])
    return out[:n]


def case(name, n, radii, window, rng, bbox_of_points):
    obs = uniform_in(window, n, rng)
    if bbox_of_points:
        minx, miny = obs.min(axis=0)
        maxx, maxy = obs.max(axis=0)
        window = shapely.box(minx, miny, maxx, maxy)
    area = window.area
    sims = np.array([k_values(uniform_in(window, n, rng), radii, area) for _ in range(R)])
    srt = np.sort(sims, axis=0)
    _, k_pp = ds.k(obs, support=np.array(radii))
    minx, miny = obs.min(axis=0)
    maxx, maxy = obs.max(axis=0)
    k_pp = np.asarray(k_pp) * area / ((maxx - minx) * (maxy - miny))
    rings = []
    for poly in getattr(window, "geoms", [window]):
        rings.append([list(map(list, poly.exterior.coords))] + [list(map(list, h.coords)) for h in poly.interiors])
    return {
        "name": name, "n": n, "radii": radii, "simulations": R,
        "bbox_study_area": bbox_of_points, "polygons": rings, "area_m2": area,
        "xy": obs.tolist(), "k_pointpats": k_pp.tolist(),
        "sim_mean": sims.mean(axis=0).tolist(), "sim_sd": sims.std(axis=0, ddof=1).tolist(),
        "sim_q_low": srt[9].tolist(), "sim_q_high": srt[R - 10].tolist(),
        "sim_min": srt[0].tolist(), "sim_max": srt[-1].tolist(),
    }


def main():
    rng = np.random.default_rng(20261206)
    rect = shapely.box(0, 0, 3000, 2000)
    # An L with an oblique edge and a square hole, and a separate triangle (metres).
    ell = shapely.Polygon([(0, 0), (2500, 0), (2500, 900), (1100, 1300), (1000, 2600), (0, 2600)],
                          holes=[[(300, 300), (700, 300), (700, 700), (300, 700)]])
    tri = shapely.Polygon([(3000, 1500), (4200, 1700), (3300, 2800)])
    poly = shapely.MultiPolygon([ell, tri])
    cases = [
        case("rect_500", 500, [150.0, 300.0, 600.0], rect, rng, True),
        case("rect_2000", 2000, [100.0, 200.0, 400.0], rect, rng, True),
        case("polygon_1000", 1000, [150.0, 300.0, 600.0], poly, rng, False),
    ]
    with open(OUT, "w") as f:
        json.dump({"source": "Tests/Reference/envelope_reference.py", "cases": cases}, f)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
