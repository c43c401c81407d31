"""Reference values for Tests/GEOSTests/ConstructiveTests.swift (hulls).

Run: python3 Tests/Reference/geos_hulls.py
The point set is a "C": every integer point of the 0..10 x 0..10 grid except
those with x >= 3 and 3 <= y <= 7 (a notch 8 wide and 6 high, open to the right).
Shapely 2.x (bundled GEOS 3.14) is the independent implementation.
"""
import shapely
from shapely.geometry import MultiPoint

points = [(x, y) for x in range(11) for y in range(11) if not (x >= 3 and 3 <= y <= 7)]
mp = MultiPoint(points)
print("points", len(points))
print("convex_hull_area", mp.convex_hull.area)
for ratio in (0.0, 0.1, 0.3, 0.5, 1.0):
    hull = shapely.concave_hull(mp, ratio=ratio)
    print(f"concave_hull ratio={ratio} area={hull.area} vertices={len(hull.exterior.coords) - 1}")
