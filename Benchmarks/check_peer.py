#!/usr/bin/env python3
"""Partial GeoPandas peer of `parkatlas check`: only the two overlap rules.

    python3 Benchmarks/check_peer.py DATASET

`parcel-overlap` (parcels overlapping by more than 1 m²) and `park-overlap` (two parks, not parent
and child, overlapping by more than 1 % of the smaller), as analyses.md states them, done the usual
GeoPandas way: read with pyogrio, project to the estimated UTM zone, `sjoin(predicate="intersects")`
for candidate pairs, then the intersection area of each pair (shapely, vectorised). Planar areas
in UTM, not ellipsoidal: close enough for a timing peer. It is a PARTIAL peer: `parkatlas check`
runs every rule of analyses.md (geometry validity, gaps, attribute rules, ...), this script two.
"""
import sys
import time

import geopandas as gpd
import numpy as np
import shapely


def overlapping_pairs(frame):
    """Unordered pairs (i < j) of intersecting rows and their intersection areas (m²)."""
    pairs = gpd.sjoin(frame[["geometry"]], frame[["geometry"]], predicate="intersects")
    left = pairs.index.to_numpy()
    right = pairs["index_right"].to_numpy()
    keep = left < right
    left, right = left[keep], right[keep]
    geoms = frame.geometry.values
    areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    return left, right, areas


def main():
    dataset = sys.argv[1] if len(sys.argv) > 1 else "GeoData/mianyang"
    t0 = time.perf_counter()
    parcels = gpd.read_file(f"{dataset}/parcels.geojson", engine="pyogrio")
    parks = gpd.read_file(f"{dataset}/parks.geojson", engine="pyogrio")
    crs = parcels.estimate_utm_crs()
    parcels = parcels.to_crs(crs).reset_index(drop=True)
    parks = parks.to_crs(crs).reset_index(drop=True)
    t1 = time.perf_counter()

    i, j, area = overlapping_pairs(parcels)
    parcel_overlaps = int((area > 1.0).sum())

    i, j, area = overlapping_pairs(parks)
    ids = parks["id"].to_numpy()
    parent = parks["parent"].to_numpy() if "parent" in parks else np.full(len(parks), None)
    related = (parent[i] == ids[j]) | (parent[j] == ids[i])
    smaller = np.minimum(parks.geometry.area.to_numpy()[i], parks.geometry.area.to_numpy()[j])
    park_overlaps = int(((area > 0.01 * smaller) & ~related).sum())
    t2 = time.perf_counter()
    print(f"check (partial: parcel-overlap, park-overlap): {len(parcels)} parcels, {len(parks)} parks; "
          f"{parcel_overlaps} parcel overlaps, {park_overlaps} park overlaps")
    print(f"read+project {t1 - t0:.2f} s, rules {t2 - t1:.2f} s, total {t2 - t0:.2f} s")


if __name__ == "__main__":
    main()
