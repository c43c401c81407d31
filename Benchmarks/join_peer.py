"""Peer for `parkatlas-bench join`: enterprises-in-parks with geopandas.

    python3 Benchmarks/join_peer.py DATASET

Reads parks and enterprises with geopandas (pyogrio), joins with
`sjoin(predicate="within")`, keeps for each enterprise the smallest park
(ellipsoidal area, as ParkAtlas does: a sub-park before its parent), and
prints the same counts and timings as the Swift benchmark.
"""
import sys, time
import geopandas as gpd
from pyproj import Geod

dataset = sys.argv[1] if len(sys.argv) > 1 else "GeoData/mianyang"
t0 = time.perf_counter()
parks = gpd.read_file(f"{dataset}/parks.geojson", engine="pyogrio")
firms = gpd.read_file(f"{dataset}/enterprises.geojson", engine="pyogrio")
t1 = time.perf_counter()
geod = Geod(ellps="GRS80")
parks["area"] = [abs(geod.geometry_area_perimeter(g)[0]) for g in parks.geometry]
joined = gpd.sjoin(firms, parks[["id", "area", "geometry"]], how="left", predicate="covered_by", lsuffix="e", rsuffix="p")
smallest = joined.sort_values("area").groupby(level=0).head(1)
inside = int(smallest["id_p"].notna().sum())
t2 = time.perf_counter()
print(f"join: {len(firms)} enterprises, {len(parks)} parks, {inside} inside parks")
print(f"total {t2 - t0:.3f} s, join alone {t2 - t1:.3f} s")
