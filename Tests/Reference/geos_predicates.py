"""Reference values for Tests/GEOSTests/PredicateTests.swift.

Run: python3 Tests/Reference/geos_predicates.py
Prints, for the square A = (0 0, 2 2) against each case B, the predicates
A.pred(B) as a string of T/F in the order
intersects contains within covers covered_by touches overlaps crosses disjoint equals
followed by the DE-9IM matrix A.relate(B).
Shapely 2.x (bundled GEOS 3.14) is the independent implementation.
"""
import shapely
from shapely import wkt

A = wkt.loads("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
CASES = [
    ("overlapping", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"),
    ("inner", "POLYGON ((0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5))"),
    ("edgeTouching", "POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))"),
    ("disjoint", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"),
    ("crossingLine", "LINESTRING (-1 1, 3 1)"),
    ("innerPoint", "POINT (1 1)"),
    ("boundaryPoint", "POINT (2 1)"),
    ("sameSquareOtherStart", "POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))"),
    ("boundaryLine", "LINESTRING (0 0, 2 0)"),
    ("containingSquare", "POLYGON ((-1 -1, 3 -1, 3 3, -1 3, -1 -1))"),
]
PREDICATES = ["intersects", "contains", "within", "covers", "covered_by",
              "touches", "overlaps", "crosses", "disjoint", "equals"]

for name, text in CASES:
    b = wkt.loads(text)
    flags = "".join("T" if getattr(shapely, p)(A, b) else "F" for p in PREDICATES)
    print(f"{name} {flags} {A.relate(b)}")
