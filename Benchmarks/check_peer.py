#!/usr/bin/env python3
"""GeoPandas peer of `parkatlas check`: every rule of docs/analyses.md §4, done the usual GeoPandas way.

    python3 Benchmarks/check_peer.py DATASET [--out FILE] [--policy FILE]

Reads the dataset with pyogrio and computes the findings of all 13 rules with the semantics
`parkatlas check` follows (the same ones as the slow, loop-by-loop reference
Tests/Reference/check_reference.py), vectorised as a competent GeoPandas user would write them:

- membership: `gpd.sjoin(enterprises, parks, predicate="covered_by")`, the smallest covering park
  (GRS80 area, lower index on a tie) kept per enterprise; districts of industrial enterprises the
  same way (first administrative district in dataset order);
- rules on enterprises: pandas merges and groupbys over an industry x park "fits" table (a park
  code covers every code under it); the nearest matching park suggested for misfits, above-scale
  industrial enterprises outside parks and hazardous-chemical enterprises outside chemical parks
  with one `gpd.sjoin_nearest` per distinct candidate-park set, in the metric CRS;
- overlaps and clipping: `gpd.sjoin(predicate="intersects")` for candidate pairs and shapely's
  vectorised intersection/difference/covers on lon/lat (parcels that a park, or the union of the
  parks, covers count whole; only crossing ones are clipped); areas ellipsoidal on GRS80 with
  pyproj `Geod.geometry_area_perimeter`, one call per geometry (a list comprehension: there is no
  vectorised geodesic polygon area) -- every parcel once, and only the non-empty overlaps and the
  clipped pieces;
- distances (duplicate positioning, suggestions) planar in the local metric CRS docs/analyses.md §1
  prescribes: the CGCS2000 3-degree Gauss-Krueger zone nearest the centre of the dataset's extent in
  China (EPSG:4544 for the synthetic and Mianyang data, the CRS `parkatlas check` reports), else
  `estimate_utm_crs()`. (Plain `estimate_utm_crs()` would give UTM 48N here: same central meridian
  but scale 0.9996, so every distance 0.04 % shorter -- 8 m at the 20 km duplicate-positioning limit.)

Thresholds come from the dataset's policy.json (`checks`), or --policy FILE, with the built-in
defaults. Writes the findings (rule, severity, subject ids, value, suggested park, distance) as JSON
to --out FILE when given, and prints per-rule counts and the elapsed time (read, rules, total; the
Python start-up and imports, about 1 s, are outside it). Only the enterprise columns the rules use
are read.

Agreement: per (rule, severity) counts, subject sets, suggested parks and distances equal those of
`parkatlas check --fail-on never --format json` on synth_small, synth_tenth, synth_full and
GeoData/mianyang (the synthetic sets have findings for 9 rules, Mianyang for all 13); values agree to
about 1e-14 relative (same GEOS operations, same Karney areas), so only a value within rounding of its
threshold could flip. Remaining differences: no dataset validation or report beyond repairing
invalid polygons with make_valid (parkatlas also removes repeated vertices and reports every
problem), no messages, map geometries, per-park verdicts or text report, no GCJ-02/BD-09 conversion
(`coordinate_system` in policy.json is ignored), and outside China `estimate_utm_crs()` may pick a
different UTM CRS than parkatlas's zone formula (Norway/Svalbard exceptions, datum).
"""
import argparse
import itertools
import json
import math
import os
import time
from collections import Counter

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Geod

GEOD = Geod(ellps="GRS80")
RULES = ["positioning-cap", "leading-industry-share", "misfit-enterprise", "scattered-industry",
         "duplicate-positioning", "outside-parks", "chemical-outside-chemical-park", "park-overlap",
         "park-outside-district", "parcel-overlap", "parcel-outside-park", "idle-land", "low-intensity"]
DEFAULTS = {"leading_industry_share": 0.70, "scattered_industry_min_parks": 3, "scattered_industry_max_share": 0.5,
            "duplicate_positioning_distance_m": 20000.0, "outside_parks_target": 0.80,
            "hazardous_chemical_industries": ["C25", "C26"], "park_overlap_share": 0.01,
            "park_outside_district_share": 0.05, "parcel_overlap_m2": 1.0, "parcel_outside_park_share": 0.5,
            "low_intensity_building_coefficient": 0.30, "low_intensity_floor_area_ratio": 0.6}
CAPS = {"national": (3, 2), "provincial": (2, 2), "municipal": (2, 2)}
SUPPLIED = ["built", "under_construction", "supplied_unbuilt", "idle"]


def geodesic_area(geoms):
    """GRS80 area (m²) of each geometry, |outer| − Σ|holes|; 0 for empty or non-polygonal ones."""
    return np.array([abs(GEOD.geometry_area_perimeter(g)[0]) if g is not None and not g.is_empty else 0.0
                     for g in geoms], dtype=float)


def polygonal(g):
    """The polygonal part of a make_valid result."""
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def read(folder, name, columns=None):
    """A layer in lon/lat (EPSG:4326; CGCS2000 lon/lat is taken as identical), or None when absent."""
    path = os.path.join(folder, f"{name}.geojson")
    if not os.path.exists(path):
        return None
    frame = gpd.read_file(path, engine="pyogrio", columns=columns)  # absent columns are skipped
    if frame.crs is None or frame.crs.is_geographic:
        frame = frame.set_crs(4326, allow_override=True)
    else:
        frame = frame.to_crs(4326)
    if name != "enterprises":
        bad = ~frame.is_valid.to_numpy()
        if bad.any():
            frame.loc[bad, "geometry"] = [polygonal(g) for g in shapely.make_valid(frame.geometry.values[bad])]
    return frame.reset_index(drop=True)


def column(frame, name, default):
    return frame[name] if name in frame else pd.Series(default, index=frame.index, dtype=object)


def codes_list(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return json.loads(value) if value.startswith("[") else [value]
    return [str(c) for c in value]


def thresholds(folder, policy_file):
    t, caps = dict(DEFAULTS), dict(CAPS)
    path = policy_file or os.path.join(folder, "policy.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            checks = json.load(f).get("checks", {})
        for k, v in checks.items():
            if k == "positioning_cap":
                for level, c in v.items():
                    base = caps.get(level, (2, 2))
                    caps[level] = (c.get("main", base[0]), c.get("featured", base[1]))
            else:
                t[k] = v
    return t, caps


def metric_crs(frames):
    """docs/analyses.md §1: the CGCS2000 3° Gauss-Krüger zone nearest the extent's centre in China, else UTM."""
    bounds = np.array([f.total_bounds for f in frames if f is not None and len(f)])
    minx, miny = np.nanmin(bounds[:, 0]), np.nanmin(bounds[:, 1])
    maxx, maxy = np.nanmax(bounds[:, 2]), np.nanmax(bounds[:, 3])
    lon, lat = ((minx + maxx) / 2 + 180) % 360 - 180, (miny + maxy) / 2
    if 73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55:
        cm = min(45, max(25, math.floor((lon + 1.5) / 3))) * 3
        return CRS.from_epsg(4534 + (cm - 75) // 3)
    return gpd.GeoSeries([shapely.box(minx, miny, maxx, maxy)], crs=4326).estimate_utm_crs()


def first_covering(points, polygons, rank):
    """Per point (index of `points`), the covering polygon with the lowest rank, or -1."""
    hits = gpd.sjoin(points[["geometry"]], polygons[["geometry"]], predicate="covered_by")
    hits = hits.assign(rank=rank[hits["index_right"].to_numpy()]).sort_values("rank", kind="stable")
    hits = hits[~hits.index.duplicated()]
    out = pd.Series(-1, index=points.index, dtype=np.int64)
    out.loc[hits.index] = hits["index_right"].to_numpy()
    return out


def nearest_parks(points, sets, parks_metric):
    """Nearest park (index) and planar distance per point of `points` (metric CRS), among the park
    indices `sets[k]` of its column `set`; ties go to the lower park index; -1 / NaN without candidates."""
    park = pd.Series(-1, index=points.index, dtype=np.int64)
    dist = pd.Series(np.nan, index=points.index)
    for k, group in points.groupby("set"):
        candidates = parks_metric.iloc[list(sets[k])] if sets[k] else None
        if candidates is None:
            continue
        hits = gpd.sjoin_nearest(group[["geometry"]], candidates[["geometry"]], distance_col="distance_m")
        hits = hits.sort_values(["distance_m", "index_right"], kind="stable")
        hits = hits[~hits.index.duplicated()]
        park.loc[hits.index] = hits["index_right"].to_numpy()
        dist.loc[hits.index] = hits["distance_m"].to_numpy()
    return park, dist


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--out", help="write the findings as JSON to this file")
    ap.add_argument("--policy", help="thresholds from this policy file instead of DATASET/policy.json")
    args = ap.parse_args()
    t0 = time.perf_counter()

    t, caps = thresholds(args.dataset, args.policy)
    districts = read(args.dataset, "districts")
    parks = read(args.dataset, "parks")
    parcels = read(args.dataset, "parcels")
    enterprises = read(args.dataset, "enterprises", ["id", "industry", "output_wan", "above_scale"])
    crs = metric_crs([districts, parks, parcels, enterprises])
    t1 = time.perf_counter()

    findings = []

    def add(rule, severity, subject, value, suggestion=None, distance=None):
        findings.append({"rule": rule, "severity": severity, "subject": list(subject),
                         "value": None if value is None or pd.isna(value) else float(value),
                         "suggestion": suggestion, "distance_m": None if distance is None or pd.isna(distance) else float(distance)})

    # ---- parks: areas, hierarchy, positioning, reporting district --------------------------------
    n = len(parks)
    pid = parks["id"].astype(str).to_numpy()
    pgeom = parks.geometry.to_numpy()
    shapely.prepare(pgeom)
    parea = geodesic_area(pgeom)
    parks_metric = parks[["geometry"]].to_crs(crs)
    index = {p: i for i, p in enumerate(pid)}
    parent = [index.get(p) if isinstance(p, str) else None for p in column(parks, "parent", None)]
    ancestors = []
    for i in range(n):
        chain, cur = [], parent[i]
        while cur is not None and cur != i and cur not in chain:
            chain.append(cur)
            cur = parent[cur]
        ancestors.append(chain)
    root = np.array([a[-1] if a else i for i, a in enumerate(ancestors)])
    main_codes = [codes_list(v) for v in parks["main_industries"]]
    featured_codes = [codes_list(v) for v in column(parks, "featured_industries", None)]
    positioning = [m + f for m, f in zip(main_codes, featured_codes)]
    level = parks["level"].astype(str).to_numpy()
    certified = (column(parks, "featured_status", None) == "certified").to_numpy()
    chemical = column(parks, "chemical_park", False).fillna(False).astype(bool).to_numpy()
    related = lambda a, b: a in ancestors[b] or b in ancestors[a]

    declared = [d if isinstance(d, str) and d else None for d in column(parks, "district", None)]
    reporting = list(declared)
    undeclared = [i for i in range(n) if declared[i] is None]
    if undeclared:
        pairs = gpd.sjoin(parks.iloc[undeclared][["geometry"]], districts[["geometry"]], predicate="intersects")
        li, ri = pairs.index.to_numpy(), pairs["index_right"].to_numpy()
        share = pd.DataFrame({"park": li, "district": ri, "area": geodesic_area(
            shapely.intersection(pgeom[li], districts.geometry.to_numpy()[ri]))})
        share = share[share.area > 0].sort_values(["park", "area", "district"], ascending=[True, False, True])
        for p, d in share.drop_duplicates("park")[["park", "district"]].itertuples(index=False):
            reporting[p] = str(districts["code"].iloc[d])

    # ---- positioning-cap ---------------------------------------------------------------------------
    for i in range(n):
        cap = caps.get(level[i], (2, 2))
        for codes, limit in ((main_codes[i], cap[0]), (featured_codes[i], cap[1])):
            if len(set(codes)) > limit:
                add("positioning-cap", "error", [pid[i]], len(set(codes)))

    # ---- rules on enterprises ----------------------------------------------------------------------
    if enterprises is not None:
        ent = enterprises
        ent["industry"] = ent["industry"].astype(str)
        ent["output"] = column(ent, "output_wan", 0.0).astype(float).fillna(0.0)
        ent["above"] = column(ent, "above_scale", False).fillna(False).astype(bool)
        # which park's positioning covers which industry: one row per distinct code
        ent["code"], industries = pd.factorize(ent["industry"])
        fits = np.array([[any(ind.startswith(c) for c in positioning[p]) for p in range(n)] for ind in industries],
                        dtype=bool).reshape(len(industries), n)
        matching_sets = [tuple(np.flatnonzero(row)) for row in fits]
        order = np.lexsort((np.arange(n), parea))
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        ent["park"] = first_covering(ent, parks, rank)

        def suggest(rows, sets, set_of_row):
            pts = gpd.GeoDataFrame({"set": set_of_row}, geometry=rows.geometry.values, index=rows.index, crs=4326)
            park, dist = nearest_parks(pts.to_crs(crs), sets, parks_metric)
            return [pid[p] if p >= 0 else None for p in park], dist.to_numpy()

        inpark = ent[ent["park"] >= 0]
        # leading-industry-share: a park's enterprises include its sub-parks', each judged by the park's codes
        lineage = pd.DataFrame([(m, q) for m in range(n) for q in [m] + ancestors[m]], columns=["member", "park"])
        judged = inpark[["code", "output", "park"]].rename(columns={"park": "member"}).merge(lineage, on="member")
        judged["fit_output"] = np.where(fits[judged["code"].to_numpy(), judged["park"].to_numpy()], judged["output"], 0.0)
        per_park = judged.groupby("park").agg(count=("output", "size"), total=("output", "sum"),
                                              fit=("fit_output", "sum")).reindex(range(n), fill_value=0)
        for i, row in enumerate(per_park.itertuples()):
            if row.count == 0 or row.total == 0:
                add("leading-industry-share", "info", [pid[i]], None)
            elif row.fit / row.total < t["leading_industry_share"]:
                add("leading-industry-share", "error" if certified[i] else "warning", [pid[i]], row.fit / row.total)

        # misfit-enterprise, with the nearest park whose positioning covers the industry
        misfit = inpark[~fits[inpark["code"].to_numpy(), inpark["park"].to_numpy()]]
        parks_s, dist = suggest(misfit, matching_sets, misfit["code"].to_numpy())
        for e, o, s, d in zip(misfit["id"], misfit["output"], parks_s, dist):
            add("misfit-enterprise", "info", [e], o, s, d)

        # scattered-industry: divisions of main codes, output per top-level park
        divisions = sorted({c[:3] for codes in main_codes for c in codes if len(c) >= 3})
        spread = (inpark.assign(division=inpark["industry"].str[:3], root=root[inpark["park"].to_numpy()])
                  .query("division in @divisions").groupby(["division", "root"])["output"].sum().reset_index())
        totals = spread.groupby("division")["output"].sum()
        holders = spread[spread["output"] > 0]
        counts = holders.groupby("division").size()
        top = holders.sort_values(["division", "output", "root"], ascending=[True, False, True]).drop_duplicates("division")
        for dv, r, out in top[["division", "root", "output"]].itertuples(index=False):
            if totals[dv] > 0 and counts[dv] >= t["scattered_industry_min_parks"]:
                share = out / totals[dv]
                if share < t["scattered_industry_max_share"]:
                    add("scattered-industry", "warning", [dv], share, pid[r])

        # outside-parks: industrial enterprises inside parks, city-wide and per administrative district
        ind = ent[ent["industry"].str.startswith("C")]
        admin = districts[column(districts, "kind", None).fillna("administrative") == "administrative"]
        ind = ind.assign(inside=ind["park"] >= 0, district=first_covering(ind, admin, np.arange(len(districts))))
        ind = ind.assign(inside_output=np.where(ind["inside"], ind["output"], 0.0))
        by_district = ind.groupby("district").agg(count=("inside", "size"), inside=("inside", "sum"),
                                                  output=("output", "sum"), inside_output=("inside_output", "sum"))
        units = [("city", ind["inside"].size, ind["inside"].sum(), ind["output"].sum(), ind["inside_output"].sum())]
        for d in admin.index:
            if d in by_district.index:
                r = by_district.loc[d]
                units.append((str(districts["code"].iloc[d]), r["count"], r["inside"], r["output"], r["inside_output"]))
        for code, count, inside, output, inside_output in units:
            for a, b in ((inside, count), (inside_output, output)):
                if b > 0 and a / b < t["outside_parks_target"]:
                    add("outside-parks", "warning", [code], a / b)
        outside = ind[~ind["inside"] & ind["above"]]
        parks_s, dist = suggest(outside, matching_sets, outside["code"].to_numpy())
        for e, o, s, d in zip(outside["id"], outside["output"], parks_s, dist):
            add("outside-parks", "info", [e], o, s, d)

        # chemical-outside-chemical-park: inside when a chemical park covers it, or its park or an
        # ancestor of its park is a chemical park
        hazardous = ent[ent["industry"].str.startswith(tuple(t["hazardous_chemical_industries"]))]
        # (the extra last slot answers for park -1, "in no park")
        chem_lineage = np.array([any(chemical[q] for q in [m] + ancestors[m]) for m in range(n)] + [False])
        covered = np.zeros(len(hazardous), dtype=bool)
        if chemical.any():
            covered = (first_covering(hazardous, parks[chemical], np.arange(n)) >= 0).to_numpy()
        inside = covered | chem_lineage[hazardous["park"].to_numpy()]
        stray = hazardous[~inside]
        parks_s, dist = suggest(stray, [tuple(np.flatnonzero(chemical))], np.zeros(len(stray), dtype=np.int64))
        for e, o, s, d in zip(stray["id"], stray["output"], parks_s, dist):
            add("chemical-outside-chemical-park", "error", [e], o, s, d)

    # ---- duplicate-positioning: pairs sharing a group of main codes --------------------------------
    groups = [{c[:4] for c in codes if len(c) >= 4} for codes in main_codes]
    pairs = [(a, b) for a, b in itertools.combinations(range(n), 2) if not related(a, b) and groups[a] & groups[b]]
    if pairs:
        a, b = np.array(pairs).T
        dist = shapely.distance(parks_metric.geometry.values[a], parks_metric.geometry.values[b])
        for i, j, d in zip(a, b, dist):
            if (reporting[i] is not None and reporting[i] == reporting[j]) or d <= t["duplicate_positioning_distance_m"]:
                add("duplicate-positioning", "warning", [pid[i], pid[j]], d)

    # ---- park-overlap ------------------------------------------------------------------------------
    pairs = gpd.sjoin(parks[["geometry"]], parks[["geometry"]], predicate="intersects")
    a, b = pairs.index.to_numpy(), pairs["index_right"].to_numpy()
    keep = np.array([i < j and not related(i, j) for i, j in zip(a, b)], dtype=bool)
    a, b = a[keep], b[keep]
    overlap = geodesic_area(shapely.intersection(pgeom[a], pgeom[b]))
    smaller = np.minimum(parea[a], parea[b])
    for i, j, o, s in sorted(zip(a, b, overlap, smaller)):
        if s > 0 and o / s > t["park_overlap_share"]:
            add("park-overlap", "error", [pid[i], pid[j]], o / s)

    # ---- park-outside-district (declared district only) --------------------------------------------
    dgeom = districts.drop_duplicates("code").set_index("code").geometry
    judged = [i for i in range(n) if declared[i] in dgeom.index and parea[i] > 0]
    if judged:
        outside = geodesic_area(shapely.difference(pgeom[judged], dgeom.loc[[declared[i] for i in judged]].to_numpy()))
        for i, o in zip(judged, outside):
            if o / parea[i] > t["park_outside_district_share"]:
                add("park-outside-district", "warning", [pid[i]], o / parea[i])

    # ---- rules on parcels --------------------------------------------------------------------------
    if parcels is not None and len(parcels):
        qid = parcels["id"].astype(str).to_numpy()
        qgeom = parcels.geometry.to_numpy()
        qarea = geodesic_area(qgeom)
        status = parcels["status"].astype(str).to_numpy()

        # parcel-overlap: candidate pairs, intersection, ellipsoidal area of the non-empty overlaps
        pairs = gpd.sjoin(parcels[["geometry"]], parcels[["geometry"]], predicate="intersects")
        a, b = pairs.index.to_numpy(), pairs["index_right"].to_numpy()
        a, b = a[a < b], b[a < b]
        inter = shapely.intersection(qgeom[a], qgeom[b])
        some = shapely.area(inter) > 0
        a, b, area = a[some], b[some], geodesic_area(inter[some])
        for i, j, o in sorted(zip(a, b, area)):
            if o > t["parcel_overlap_m2"]:
                add("parcel-overlap", "error", [qid[i], qid[j]], o)

        # parcel-outside-park: share outside the union of all parks
        inside = np.zeros(len(parcels))
        if n:
            union = shapely.union_all(pgeom)
            shapely.prepare(union)
            covered = shapely.covers(union, qgeom)
            crossing = shapely.intersects(union, qgeom) & ~covered
            inside[covered] = qarea[covered]
            inside[crossing] = geodesic_area(shapely.intersection(qgeom[crossing], union))
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.maximum(0.0, qarea - inside) / qarea
        for i in np.flatnonzero((qarea > 0) & (share > t["parcel_outside_park_share"])):
            add("parcel-outside-park", "info", [qid[i]], share[i])

        # per-park statistics (parcels clipped to the park, attributes apportioned by the share inside)
        pairs = gpd.sjoin(parcels[["geometry"]], parks[["geometry"]], predicate="intersects")
        k, p = pairs.index.to_numpy(), pairs["index_right"].to_numpy()
        whole = shapely.covers(pgeom[p], qgeom[k])
        part = qarea[k].copy()
        part[~whole] = geodesic_area(shapely.intersection(qgeom[k[~whole]], pgeom[p[~whole]]))
        land_use = parcels["land_use"].astype(str)
        a2_parcel = (status == "built") & land_use.str.startswith(("10", "11")).to_numpy()
        stats = pd.DataFrame({"park": p, "part": part,
                              "share": np.divide(part, qarea[k], out=np.zeros_like(part), where=qarea[k] > 0),
                              "status": status[k], "a2": a2_parcel[k],
                              "footprint": column(parcels, "footprint_m2", 0.0).astype(float).fillna(0.0).to_numpy()[k],
                              "floor": column(parcels, "floor_area_m2", 0.0).astype(float).fillna(0.0).to_numpy()[k]})
        stats = stats[stats["part"] > 0]
        stats = stats.assign(supplied=np.where(stats["status"].isin(SUPPLIED), stats["part"], 0.0),
                             idle=np.where(stats["status"] == "idle", stats["part"], 0.0),
                             a2_area=np.where(stats["a2"], stats["part"], 0.0),
                             a2_footprint=np.where(stats["a2"], stats["footprint"] * stats["share"], 0.0),
                             a2_floor=np.where(stats["a2"], stats["floor"] * stats["share"], 0.0))
        per_park = (stats.groupby("park")[["supplied", "idle", "a2_area", "a2_footprint", "a2_floor"]].sum()
                    .reindex(range(n), fill_value=0.0))
        for i, r in enumerate(per_park.itertuples()):
            if r.supplied > 0 and r.idle > 0:
                add("idle-land", "warning", [pid[i]], r.idle / r.supplied)
            if r.a2_area > 0:
                if r.a2_footprint / r.a2_area < t["low_intensity_building_coefficient"]:
                    add("low-intensity", "warning", [pid[i]], r.a2_footprint / r.a2_area)
                if r.a2_floor / r.a2_area < t["low_intensity_floor_area_ratio"]:
                    add("low-intensity", "warning", [pid[i]], r.a2_floor / r.a2_area)
        for i in np.flatnonzero(status == "idle"):
            add("idle-land", "warning", [qid[i]], qarea[i])
    t2 = time.perf_counter()

    if args.out:
        findings.sort(key=lambda f: (RULES.index(f["rule"]), f["subject"]))
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"dataset": args.dataset, "crs": crs.to_string(), "findings": findings}, f, ensure_ascii=False, indent=1)
            f.write("\n")
    counts = Counter((f["rule"], f["severity"]) for f in findings)
    skipped = ([] if enterprises is not None else ["5 enterprise rules"]) + ([] if parcels is not None else ["4 parcel rules"])
    print(f"check (all {len(RULES)} rules{'; no data for ' + ', '.join(skipped) if skipped else ''}): {n} parks, {0 if parcels is None else len(parcels)} parcels, "
          f"{0 if enterprises is None else len(enterprises)} enterprises; metric CRS {crs.to_string()}")
    for rule in RULES:
        for severity in ("error", "warning", "info"):
            if counts[(rule, severity)]:
                print(f"  {rule:32s} {severity:8s} {counts[(rule, severity)]}")
    print(f"  {'total':32s} {'':8s} {len(findings)}")
    print(f"read {t1 - t0:.2f} s, rules {t2 - t1:.2f} s, total {t2 - t0:.2f} s")


if __name__ == "__main__":
    main()
