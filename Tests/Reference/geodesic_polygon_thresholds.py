#!/usr/bin/env python3
"""Expected values of GeometryDistanceThresholdTests (issue 19: polygon thresholds true across
a province). pyproj Geod(ellps="GRS80").inv gives the geodesic; pyproj's EPSG:4543 (CGCS2000 GK
CM 102°E, the frame of a dataset spanning 97.5–106.5°E) gives the planar distance that the
frame alone would have judged by.

    python3 Tests/Reference/geodesic_polygon_thresholds.py
"""
import math

from pyproj import Geod, Transformer

g = Geod(ellps="GRS80")
to_frame = Transformer.from_crs(4326, 4543, always_xy=True)


def planar(a, b):
    return math.dist(to_frame.transform(*a), to_frame.transform(*b))


def solve(f, target, lo, hi):
    """lo..hi bracket of f(x) = target, f increasing."""
    for _ in range(200):
        m = (lo + hi) / 2
        lo, hi = (m, hi) if f(m) < target else (lo, m)
    return lo


# duplicate-positioning: park A = [106.0, 106.1] × [30.0, 30.1], park B starts at lon B0 with the same
# latitudes; the nearest points are the facing top corners (meridians converge northwards).
b0 = 106.307284  # rounded from solve(geodesic(top corners) = 19,980 m)
print("B west edge", b0)
print("duplicate: geodesic top corners", repr(g.inv(106.1, 30.1, b0, 30.1)[2]))
print("duplicate: planar top corners (EPSG:4543)", repr(planar((106.1, 30.1), (b0, 30.1))))


# PositioningRuleTests: parks [104.0, 104.02] and [104.04, 104.06] × [31.0, 31.02], frame EPSG:4544
# (CM 105°E); facing top corners again.
print("near 104E: geodesic top corners", repr(g.inv(104.02, 31.02, 104.04, 31.02)[2]))


# siting: parcel [106.01, 106.04] × [30.01, 30.04]; enterprises due east of its east edge at
# latitude 30.025; the geodesic distance from a point to the edge is the minimum over the edge.
def to_edge(lon, lat=30.025):
    lo, hi = 30.01, 30.04
    for _ in range(200):  # ternary search: the distance along the edge is unimodal
        m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        if g.inv(lon, lat, 106.04, m1)[2] < g.inv(lon, lat, 106.04, m2)[2]:
            hi = m2
        else:
            lo = m1
    return g.inv(lon, lat, 106.04, (lo + hi) / 2)[2]


for target in (4995.0, 5010.0):
    lon = round(solve(to_edge, target, 106.04, 106.2), 7)
    print(f"siting: enterprise at lon {lon}: geodesic to the parcel {to_edge(lon)!r}, "
          f"planar to the edge at its latitude {planar((lon, 30.025), (106.04, 30.025))!r}")
