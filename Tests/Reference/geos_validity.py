"""Reference values for Tests/GEOSTests/ValidityTests.swift.

Run: python3 Tests/Reference/geos_validity.py
Shapely 2.x (bundled GEOS 3.14) is the independent implementation.
"""
import shapely
from shapely import wkt

bowtie = wkt.loads("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
print("bowtie explain_validity:", shapely.is_valid_reason(bowtie))
fixed = shapely.make_valid(bowtie)
print("bowtie make_valid:", fixed.geom_type, "area", fixed.area, "valid", fixed.is_valid)

# A ring that doubles back across its own first edge (crossings at (1 0) and (2 0)).
ring_cross = wkt.loads("POLYGON ((0 0, 4 0, 4 4, 2 4, 2 -1, 1 -1, 1 3, 0 3, 0 0))")
print("crossing ring explain_validity:", shapely.is_valid_reason(ring_cross))

repeated = wkt.loads("POLYGON ((0 0, 2 0, 2 0, 2 2, 0 2, 0 0))")
print("repeated vertex is_valid:", repeated.is_valid, "area", repeated.area)

# Make-valid of a polygon with a collapsed spike: the result mixes polygon and line.
spike = wkt.loads("POLYGON ((0 0, 2 0, 2 1, 3 1, 2 1, 2 2, 0 2, 0 0))")
mv = shapely.make_valid(spike)
print("spike explain_validity:", shapely.is_valid_reason(spike))
print("spike make_valid:", mv.wkt, "area", mv.area)
