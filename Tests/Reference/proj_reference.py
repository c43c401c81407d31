#!/usr/bin/env python3
"""Independent reference values for Tests/PROJTests.

Run from the repository root:
    python3 Tests/Reference/proj_reference.py
It prints every value the Swift tests compare with (the tests quote them) and
writes Tests/Fixtures/proj/fucheng_ring.txt.

Sources: pyproj (its own bundled PROJ, not the system libproj the Swift code
links), shapely, and a from-scratch Python transcription of the public
GCJ-02 / BD-09 formulas, cross-checked with the PyPI packages eviltransform
and coord-convert when they are installed.
"""
import json
import warnings
import math
import os

import pyproj
from pyproj import Geod, Transformer
import shapely
from shapely.geometry import shape, Polygon

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
geod = Geod(ellps="GRS80")
print(f"pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}, shapely {shapely.__version__}")
print(f"GRS80: a={geod.a} f={geod.f!r} (1/f={1/geod.f!r})")


def section(title):
    print(f"\n== {title}")


# --- Geodesic areas and perimeters -------------------------------------------
section("geodesic area / perimeter (pyproj Geod(ellps='GRS80'))")
cell = Polygon([(104, 31), (105, 31), (105, 32), (104, 32), (104, 31)])
a, p = geod.geometry_area_perimeter(cell)
print(f"cell 104-105E 31-32N ccw: area={a!r} perimeter={p!r}")
a, p = geod.polygon_area_perimeter([104, 104, 105, 105], [31, 32, 32, 31])
print(f"cell 104-105E 31-32N cw (polygon_area_perimeter): area={a!r} perimeter={p!r}")

outer = [(104.0, 31.0), (104.5, 31.0), (104.5, 31.5), (104.0, 31.5), (104.0, 31.0)]
hole = [(104.1, 31.1), (104.1, 31.2), (104.3, 31.2), (104.3, 31.1), (104.1, 31.1)]
with_hole = Polygon(outer, [hole])
a, p = geod.geometry_area_perimeter(with_hole)
print(f"square with hole (shapely orient as given): area={a!r} perimeter={p!r}")
a_out, p_out = geod.polygon_area_perimeter(*zip(*outer))
a_hole, p_hole = geod.polygon_area_perimeter(*zip(*hole))
print(f"  |outer|={abs(a_out)!r} |hole|={abs(a_hole)!r} |outer|-|hole|={abs(a_out)-abs(a_hole)!r}")
print(f"  perimeters (polygon_area_perimeter): outer={p_out!r} hole={p_hole!r} sum={p_out + p_hole!r}"
      " (geometry_area_perimeter reports the exterior's only)")

tri = [(116.3, 39.9), (116.5, 39.95), (116.4, 40.1), (116.3, 39.9)]
a, p = geod.geometry_area_perimeter(Polygon(tri))
print(f"triangle Beijing: area={a!r} perimeter={p!r}")

south = [(151.0, -34.0), (151.3, -34.0), (151.3, -33.7), (151.0, -33.7), (151.0, -34.0)]
a, p = geod.geometry_area_perimeter(Polygon(south))
print(f"Sydney box: area={a!r} perimeter={p!r}")

line_lons, line_lats = [104.7, 104.06, 103.5], [31.45, 30.67, 30.0]
print(f"polyline length Mianyang-Chengdu-(103.5,30.0): {geod.line_length(line_lons, line_lats)!r}")

section("inverse distance (Geod.inv)")
az12, az21, dist = geod.inv(104.7, 31.45, 104.06, 30.67)
print(f"Mianyang (104.7,31.45) -> Chengdu (104.06,30.67): dist={dist!r} az12={az12!r} az21={az21!r}")
az12, az21, dist = geod.inv(13.4, 52.5, 151.2, -33.87)
print(f"Berlin -> Sydney: dist={dist!r}")

# --- The real county polygon -------------------------------------------------
section("涪城区 510703 largest valid polygon")
with open(os.path.join(ROOT, "GeoData", "reference", "mianyang_counties.raw.geojson"), encoding="utf-8") as f:
    counties = json.load(f)
fucheng = next(ft for ft in counties["features"] if ft["properties"]["adcode"] == "510703")
raw = shape(fucheng["geometry"])
valid = shapely.make_valid(raw)
polys = [g for g in getattr(valid, "geoms", [valid]) if g.geom_type in ("Polygon", "MultiPolygon")]
parts = []
for g in polys:
    parts.extend(getattr(g, "geoms", [g]))
largest = max(parts, key=lambda g: abs(geod.geometry_area_perimeter(g)[0]))
ring = list(largest.exterior.coords)
fixture = os.path.join(ROOT, "Tests", "Fixtures", "proj", "fucheng_ring.txt")
with open(fixture, "w") as f:
    f.write("# 涪城区 510703: exterior ring of the largest polygon after shapely.make_valid,\n")
    f.write("# written by Tests/Reference/proj_reference.py; one 'lon lat' (degrees) per line.\n")
    for x, y in ring:
        f.write(f"{x!r} {y!r}\n")
lons, lats = zip(*ring)
a, p = geod.polygon_area_perimeter(lons, lats)
print(f"raw valid={raw.is_valid}; parts after make_valid={len(parts)}; largest has {len(ring)} ring vertices, "
      f"{len(largest.interiors)} holes")
print(f"fixture ring: area={abs(a)!r} m2 perimeter={p!r} m (polygon_area_perimeter, sign {'+' if a > 0 else '-'})")
a_all, _ = geod.geometry_area_perimeter(valid)
print(f"whole county after make_valid: area={abs(a_all)/1e6!r} km2")

# --- Transformations ---------------------------------------------------------
section("transformations (pyproj Transformer.from_crs(..., always_xy=True))")
def fwd(src, dst, *xyz):
    t = Transformer.from_crs(src, dst, always_xy=True)
    return t.transform(*xyz)

print(f"4326->4544 (104.7, 31.45): {fwd(4326, 4544, 104.7, 31.45)!r}")
print(f"4544->4326 back: {Transformer.from_crs(4544, 4326, always_xy=True).transform(*fwd(4326, 4544, 104.7, 31.45))!r}")
print(f"4326->32633 Berlin (13.4, 52.5): {fwd(4326, 32633, 13.4, 52.5)!r}")
print(f"4326->32756 Sydney (151.2, -33.87): {fwd(4326, 32756, 151.2, -33.87)!r}")
print(f"4326->4326 authority order (lat, lon) for (104.7, 31.45) without always_xy: "
      f"{Transformer.from_crs(4326, 32648).transform(31.45, 104.7)!r} (= 32648 from lat/lon input)")
print(f"4326->32648 always_xy (104.7, 31.45): {fwd(4326, 32648, 104.7, 31.45)!r}")
for lon, lat, h in [(104.7, 31.45, 500.0), (104.8, 31.45, 520.0), (104.8, 31.55, 480.0)]:
    print(f"4979->4978 ({lon}, {lat}, {h}): {fwd(4979, 4978, lon, lat, h)!r}")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(f"EPSG:4544 as PROJ string: {pyproj.CRS(4544).to_proj4()}")

# --- Local metric CRS: the EPSG code <-> central meridian table in proj.db ---
section("CGCS2000 3-degree GK CM zones in proj.db (pyproj.CRS)")
for code in range(4534, 4555):
    crs = pyproj.CRS(code)
    lon0 = [p.value for p in crs.coordinate_operation.params if p.name == "Longitude of natural origin"][0]
    fe = [p.value for p in crs.coordinate_operation.params if p.name == "False easting"][0]
    print(f"EPSG:{code} lon_0={lon0:g} x_0={fe:g} {crs.name}")
for code in (32633, 32756, 32632, 32631):
    print(f"EPSG:{code} {pyproj.CRS(code).name}")

# --- GCJ-02 / BD-09 ----------------------------------------------------------
section("GCJ-02 / BD-09 (own transcription of the public formulas)")
A = 6378245.0
EE = 0.00669342162296594323
X_PI = math.pi * 3000.0 / 180.0


def out_of_china(lon, lat):
    return not (73.66 <= lon <= 135.05 and 3.86 <= lat <= 53.55)


def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs2gcj(lon, lat):
    if out_of_china(lon, lat):
        return lon, lat
    dlat = _lat(lon - 105.0, lat - 35.0)
    dlon = _lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sq = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sq) * math.pi)
    dlon = (dlon * 180.0) / (A / sq * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def gcj2bd(lon, lat):
    if out_of_china(lon, lat):
        return lon, lat
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def wgs2bd(lon, lat):
    return gcj2bd(*wgs2gcj(lon, lat))


samples = [("Beijing Tiananmen", 116.397428, 39.90923), ("Mianyang", 104.7, 31.45),
           ("Shanghai", 121.4737, 31.2304), ("Guangzhou", 113.2644, 23.1291),
           ("Urumqi", 87.6168, 43.8256), ("Harbin", 126.535, 45.8038)]
try:
    import eviltransform
except ImportError:
    eviltransform = None
try:
    from coord_convert import transform as cc
except ImportError:
    cc = None
print(f"cross-checks: eviltransform={'yes' if eviltransform else 'not installed'}, "
      f"coord-convert={'yes' if cc else 'not installed'}")
for name, lon, lat in samples:
    g = wgs2gcj(lon, lat)
    b = wgs2bd(lon, lat)
    print(f"{name} wgs=({lon}, {lat}) gcj={g!r} bd={b!r}")
    if eviltransform:
        # eviltransform divides by a = 6378137 (WGS84) instead of Krasovsky's 6378245,
        # hence differences of ~1e-7 degrees (about 1 cm).
        elat, elon = eviltransform.wgs2gcj(lat, lon)
        blat, blon = eviltransform.wgs2bd(lat, lon)
        print(f"   eviltransform gcj diff=({elon - g[0]:.3e}, {elat - g[1]:.3e}) bd diff=({blon - b[0]:.3e}, {blat - b[1]:.3e})")
    if cc:
        clon, clat = cc.wgs2gcj(lon, lat)
        dlon, dlat = cc.wgs2bd(lon, lat)
        print(f"   coord-convert gcj diff=({clon - g[0]:.3e}, {clat - g[1]:.3e}) bd diff=({dlon - b[0]:.3e}, {dlat - b[1]:.3e})")
lon, lat = 116.397428, 39.90923
g = wgs2gcj(lon, lat)
_, _, d = geod.inv(lon, lat, *g)
print(f"GCJ-02 offset at Tiananmen: {d!r} m")
b = wgs2bd(lon, lat)
_, _, d = geod.inv(lon, lat, *b)
print(f"BD-09 offset at Tiananmen: {d!r} m")
print(f"outside China unchanged: Berlin {wgs2gcj(13.4, 52.5)!r}, Tokyo {wgs2gcj(139.69, 35.68)!r}")
