"""Reference values for `hotspots` (Getis–Ord Gi* and global Moran's I) from PySAL esda.

Gi*: esda.G_Local(y, w, star=True, transform="B") on libpysal DistanceBand(binary=True) for the
planar cases; for datasets on binary weights whose band is the GRS80 geodesic distance
(pyproj Geod.inv), the true distance parkatlas decides bands by (docs/analyses.md §1).
Moran: esda.Moran(y, w) with w.transform = "r" (I, EI, VI_norm, z_norm, p_norm).
libpysal's DistanceBand drops distance-0 pairs while parkatlas counts coincident points
as neighbours, so every case here is checked to have no coincident points.

Run from the repository root:
  python3 Tests/Reference/hotspots_esda.py planar
      -> Tests/Fixtures/hotspots/in/planar_*.json and out/planar_*.json
  python3 Tests/Reference/hotspots_esda.py dataset GeoData/mianyang 4544 1000 output_wan mianyang_output_1000
  python3 Tests/Reference/hotspots_esda.py dataset /tmp/synth_berlin_7 32633 400 employees synth_berlin_7_employees_400
      (after `parkatlas synth --out /tmp/synth_berlin_7 --seed 7 --parks 12 --parcels 2000 --enterprises 3000
       --center=13.4,52.5`)
  python3 Tests/Reference/hotspots_esda.py dataset /tmp/synth_default_11 4544 800 tax_wan synth_default_11_tax_800
      (after `parkatlas synth --out /tmp/synth_default_11 --seed 11 --parks 8 --parcels 1500 --enterprises 2500`)
      -> Tests/Fixtures/hotspots/out/dataset_<name>.json
"""
import json
import sys
import warnings

import numpy as np
import libpysal
import esda

warnings.filterwarnings("ignore")


def geodesic_band(lonlat, band):
    """Binary band weights on the GRS80 geodesic distance (pyproj Geod.inv), as parkatlas decides
    dataset bands (docs/analyses.md §1, "Distance thresholds are true distances")."""
    from pyproj import Geod
    ll = np.asarray(lonlat, dtype=float)
    n = len(ll)
    geod = Geod(ellps="GRS80")
    neighbours = {}
    for i in range(n):
        _, _, d = geod.inv(np.full(n, ll[i, 0]), np.full(n, ll[i, 1]), ll[:, 0], ll[:, 1])
        d = np.asarray(d)
        d[i] = np.inf
        assert d.min() > 0, "coincident points: libpysal would drop them"
        neighbours[i] = [int(j) for j in np.nonzero(d <= band)[0]]
    return lambda: libpysal.weights.W(neighbours, silence_warnings=True)


def reference(xy, y, band, lonlat=None):
    xy = np.asarray(xy, dtype=float)
    y = np.asarray(y, dtype=float)
    if lonlat is None:
        d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
        np.fill_diagonal(d, np.inf)
        assert d.min() > 0, "coincident points: libpysal would drop them"
        make = lambda: libpysal.weights.DistanceBand(xy, threshold=band, binary=True, silence_warnings=True)
    else:
        make = geodesic_band(lonlat, band)
    w = make()
    g = esda.G_Local(y, w, star=True, transform="B", permutations=0)
    wr = make()
    wr.transform = "r"
    m = esda.Moran(y, wr, permutations=0)
    return {
        "gi_star_z": [float(v) for v in g.Zs],
        "moran": {"i": float(m.I), "expected_i": float(m.EI), "variance": float(m.VI_norm),
                  "z": float(m.z_norm), "p": float(m.p_norm)},
        "islands": len(w.islands),
        "esda": esda.__version__, "libpysal": libpysal.__version__,
    }


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def planar():
    cases = {}
    # The spec's six-point case (docs/analyses.md §3).
    cases["six"] = ([[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]], [2, 3, 3.2, 5, 8, 7], 15.0)
    # Seeded clustered points in a 10 km square, lognormal values with a planted hot spot,
    # plus four far islands (empty rows in Moran's weights).
    rng = np.random.default_rng(20261127)
    pts = rng.uniform(0, 10000, size=(500, 2))
    y = rng.lognormal(5, 1, size=500)
    hot = ((pts[:, 0] - 3000) ** 2 + (pts[:, 1] - 7000) ** 2) < 1500 ** 2
    y[hot] *= 4
    pts = np.vstack([pts, [[30000, 30000], [-20000, 5000], [5000, -25000], [40000, -1000]]])
    y = np.concatenate([y, [100.0, 5000.0, 1.0, 300.0]])
    cases["random500"] = (pts.tolist(), y.tolist(), 800.0)
    # Integer lattice with exact-band distances (inclusive ≤ band) and a constant-ish field.
    lat = [[x * 100.0, yy * 100.0] for x in range(12) for yy in range(9)]
    yl = [float((i * 37) % 11) for i in range(len(lat))]
    cases["lattice"] = (lat, yl, 200.0)
    for name, (xy, y, band) in cases.items():
        write(f"Tests/Fixtures/hotspots/in/planar_{name}.json", {"xy": xy, "y": y, "band": band})
        write(f"Tests/Fixtures/hotspots/out/planar_{name}.json", reference(xy, y, band))


def dataset(folder, epsg, band, value, name):
    import pyproj
    feats = json.load(open(f"{folder}/enterprises.geojson"))["features"]
    t = pyproj.Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    ids, xy, y, lonlat = [], [], [], []
    for f in feats:
        v = f["properties"].get(value)
        if v is None or f.get("geometry") is None:
            continue
        lon, lat = f["geometry"]["coordinates"][:2]
        ids.append(f["properties"]["id"])
        xy.append(t.transform(lon, lat))
        lonlat.append((lon, lat))
        y.append(float(v))
    out = reference(xy, y, float(band), lonlat=lonlat)
    out.update({"ids": ids, "epsg": int(epsg), "band_m": float(band), "value": value})
    write(f"Tests/Fixtures/hotspots/out/dataset_{name}.json", out)


if __name__ == "__main__":
    if sys.argv[1] == "planar":
        planar()
    else:
        dataset(*sys.argv[2:7])
