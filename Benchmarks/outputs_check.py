#!/usr/bin/env python3
"""analyze outputs at scale: the per-feature values of the new CSV files and results.gpkg
layers equal those the old build's JSON reports carried.

    python3 Benchmarks/outputs_check.py OLD_PARKATLAS NEW_PARKATLAS [WORKDIR] [--limit N]
      [--parks 6 --parcels 2000 --enterprises 20000 --seed 7]

Makes a synthetic city with OLD's synth, runs `analyze` with OLD (every per-feature array in
JSON, every layer in GeoJSON) and with NEW under PARKATLAS_OUTPUT_ROW_LIMIT=N (default 1000,
so that the city is "big": the arrays move to CSV/GeoPackage), then compares, reading the
GeoPackage with pyogrio (GDAL) and the CSV files with pandas:

- hotspots.json gi_star (old) == hotspots.csv (new) == results.gpkg enterprises gi_z/gi_p/gi_bin (new);
- cluster.json groups[].points (old) == cluster_points.csv (new) == results.gpkg enterprises
  cluster_group/cluster/cluster_role (new);
- check.json findings (old) == results.gpkg findings (new), every property;
- stats.json enterprises (old) == per_mu.csv (new), rank, grade and the per-mu figures;
- enterprises.geojson / parcels.geojson (old) == results.gpkg layers (new), every property and geometry.

Prints one line per comparison and exits 1 on the first difference.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import pandas as pd
import pyogrio
import shapely


def run(cmd, env=None):
    subprocess.run(cmd, check=True, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL)


def same(a, b):
    """Equal values: numbers within 1e-12 relative (GDAL reads doubles back exactly; CSV uses
    the shortest round-trip text), NaN/None alike, everything else as given."""
    def missing(v):
        return v is None or (isinstance(v, float) and math.isnan(v))
    if missing(a) or missing(b):
        return missing(a) and missing(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    return a == b


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(': ' + detail) if detail else ''}")
    if not ok:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("work", nargs="?")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--parks", type=int, default=6)
    ap.add_argument("--parcels", type=int, default=2000)
    ap.add_argument("--enterprises", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="outputs-check-")
    city, old, new = (os.path.join(work, n) for n in ("city", "old", "new"))
    for d in (city, old, new):
        subprocess.run(["rm", "-rf", d], check=True)
    run([a.old, "synth", "--out", city, "--parks", str(a.parks), "--parcels", str(a.parcels),
         "--enterprises", str(a.enterprises), "--seed", str(a.seed), "--quiet"])
    run([a.old, "analyze", city, "--out", old, "--quiet"])
    run([a.new, "analyze", city, "--out", new, "--quiet"], env={"PARKATLAS_OUTPUT_ROW_LIMIT": str(a.limit)})
    gpkg = os.path.join(new, "results.gpkg")
    load = lambda *p: json.load(open(os.path.join(*p), encoding="utf-8"))

    summary = load(new, "summary.json")
    moved = {(m["file"], m["key"]) for m in summary["outputs_at_scale"]["per_feature_tables"]}
    check("arrays moved", {("hotspots.json", "gi_star"), ("cluster.json", "groups[].points"), ("stats.json", "enterprises")} <= moved,
          str(sorted(moved)))
    check("no enterprises.geojson", not os.path.exists(os.path.join(new, "enterprises.geojson")))

    # Gi*: old JSON rows vs the new CSV and the GeoPackage.
    gi = load(old, "hotspots.json")["gi_star"]
    check("hotspots.json has no gi_star", "gi_star" not in load(new, "hotspots.json"))
    csv = pd.read_csv(os.path.join(new, "hotspots.csv"), encoding="utf-8-sig", dtype={"id": str})
    check("hotspots.csv rows", len(csv) == len(gi), f"{len(csv)} vs {len(gi)}")
    for r, o in zip(csv.itertuples(index=False), gi):
        if not (r.id == o["id"] and same(r.z, o["z"]) and same(r.p, o["p"]) and r.bin == o["bin"] and r.neighbours == o["neighbours"]):
            check("hotspots.csv row", False, f"{r} vs {o}")
    check("hotspots.csv values", True, f"{len(gi)} rows")
    ent = pyogrio.read_dataframe(gpkg, layer="enterprises")
    by_id = ent.set_index("id")
    for o in gi:
        row = by_id.loc[o["id"]]
        if not (same(row["gi_z"], o["z"]) and same(row["gi_p"], o["p"]) and row["gi_bin"] == o["bin"]):
            check("results.gpkg gi", False, f"{o} vs {row[['gi_z', 'gi_p', 'gi_bin']].to_dict()}")
    check("results.gpkg enterprises gi_z/gi_p/gi_bin", True, f"{len(gi)} rows")

    # Cluster membership.
    points = [(g["industry"], p) for g in load(old, "cluster.json")["groups"] for p in g["points"]]
    cp = pd.read_csv(os.path.join(new, "cluster_points.csv"), encoding="utf-8-sig", dtype={"id": str, "industry": str})
    check("cluster_points.csv rows", len(cp) == len(points), f"{len(cp)} vs {len(points)}")
    for r, (industry, p) in zip(cp.itertuples(index=False), points):
        if not (r.industry == industry and r.id == p["id"] and r.cluster == p["cluster"] and bool(r.core) == p["core"] and r.role == p["role"]):
            check("cluster_points.csv row", False, f"{r} vs {industry} {p}")
    check("cluster_points.csv values", True, f"{len(points)} rows")
    for industry, p in points:
        row = by_id.loc[p["id"]]
        if not (row["cluster_group"] == industry and row["cluster"] == p["cluster"] and row["cluster_role"] == p["role"]):
            check("results.gpkg cluster", False, f"{industry} {p} vs {row[['cluster_group', 'cluster', 'cluster_role']].to_dict()}")
    check("results.gpkg enterprises cluster columns", True, f"{len(points)} rows")

    # Per-mu rows.
    rows = load(old, "stats.json")["enterprises"]
    check("stats.json has no enterprises", "enterprises" not in load(new, "stats.json"))
    pm = pd.read_csv(os.path.join(new, "per_mu.csv"), encoding="utf-8-sig", dtype={"id": str, "grade": str})
    check("per_mu.csv rows", len(pm) == len(rows), f"{len(pm)} vs {len(rows)}")
    for r, o in zip(pm.itertuples(index=False), rows):
        if o["evaluated"]:
            ok = (r.id == o["id"] and r.rank == o["rank"] and r.grade == o["grade"] and same(r.mu, o["mu"])
                  and same(r.revenue_per_mu, o["revenue_per_mu"]) and same(r.tax_per_mu, o["tax_per_mu"]) and same(r.score, o["score"]))
        else:
            ok = r.id == o["id"] and r.reason == o["reason"]
        if not ok:
            check("per_mu.csv row", False, f"{r} vs {o}")
    check("per_mu.csv values", True, f"{len(rows)} rows")

    # Whole layers: old GeoJSON vs new GeoPackage, every property and geometry.
    for layer in ("enterprises", "parcels", "findings"):
        path = os.path.join(old, f"{layer}.geojson")
        a = pyogrio.read_dataframe(path)
        b = pyogrio.read_dataframe(gpkg, layer=layer)
        check(f"{layer} layer rows", len(a) == len(b), f"{len(a)} vs {len(b)}")
        for column in a.columns:
            if column == "geometry":
                continue
            if column not in b.columns:
                check(f"{layer}.{column}", False, "missing in results.gpkg")
            for x, y in zip(a[column].tolist(), b[column].tolist()):
                # GeoJSON arrays come back as numpy arrays, GeoPackage JSON fields as text.
                x = x.tolist() if hasattr(x, "tolist") and not isinstance(x, (int, float, str)) else x
                y = y.tolist() if hasattr(y, "tolist") and not isinstance(y, (int, float, str)) else y
                if isinstance(x, (dict, list)) or isinstance(y, (dict, list)) or (isinstance(x, str) and isinstance(y, str) and x.startswith(("[", "{"))):
                    x = json.loads(x) if isinstance(x, str) else x
                    y = json.loads(y) if isinstance(y, str) else y
                if not same(x, y):
                    check(f"{layer}.{column}", False, f"{x!r} vs {y!r}")
        # Same coordinates exactly, up to ring orientation (the GeoJSON writer turns exterior rings
        # counter-clockwise, RFC 7946; GDAL keeps them as given) and Polygon promoted to
        # MultiPolygon (results.gpkg, a layer of mixed polygons).
        def same_shape(g, h):
            if g is None or h is None:
                return g is None and h is None
            return g.geom_type.replace("Multi", "") == h.geom_type.replace("Multi", "") and \
                shapely.get_coordinates(shapely.normalize(g)).tolist() == shapely.get_coordinates(shapely.normalize(h)).tolist()
        same_geometry = all(same_shape(a.geometry.iloc[k], b.geometry.iloc[k]) for k in range(len(a)))
        check(f"{layer} layer = old {layer}.geojson", same_geometry, f"{len(a)} features, {len(a.columns) - 1} properties")
    print(f"outputs_check: all equal ({work})")


if __name__ == "__main__":
    main()
