-- `parkatlas stats` (docs/analyses.md §2, --level 2) computed inside PostGIS, for the
-- speed comparison of issue 15 (Benchmarks/postgis_bench.py runs it and checks that every
-- figure agrees with `parkatlas stats --format json` to 1e-6 relative).
--
--   psql -X -At -v schema=SCHEMA -f Benchmarks/postgis_stats.sql      (rows: kind,unit,key,value)
--
-- Units: every park, every district (administrative and functional) and the whole dataset.
-- A parcel counts in a unit with its part inside: ST_Intersection in lon/lat (GEOS, as
-- ParkAtlas), area ST_Area(geography) (ellipsoidal, GeographicLib's geod_polygonarea on the
-- SRID's ellipsoid: WGS84 here, which differs from GRS80 by 1.6e-11 in flattening); a parcel
-- the unit covers (ST_CoveredBy) is taken whole without the intersection (the usual PostGIS
-- shortcut; ParkAtlas does the same). Numeric attributes (a missing one is 0) are apportioned
-- by the share of the parcel's area inside. The whole-dataset unit takes every parcel
-- unclipped; its area is the area of the union of the administrative districts.
-- Classes at level 2: the first four characters of land_use (a shorter code stays itself).
-- A = built, A2 = built with land_use under 10 or 11, D = built + under_construction +
-- supplied_unbuilt + idle, G = idle, developed = D + ready, buildable = all but unbuildable;
-- ratios with a zero denominator are NULL. Pieces of zero area (a parcel touching a unit) do
-- not count, as in ParkAtlas. The parcels are joined to the units through the GiST index.
SET search_path = :"schema", public;
COPY (
WITH units AS (
    SELECT 'park' AS kind, id AS unit, geom FROM parks
    UNION ALL
    SELECT 'district', code, geom FROM districts
),
pieces AS (
    SELECT kind, unit, land_use, status, fl, fp, inv, tax, area, CASE WHEN full_area > 0 THEN area / full_area ELSE 0 END AS share
    FROM (
        SELECT u.kind, u.unit, p.land_use, p.status,
               coalesce(p.floor_area_m2, 0) AS fl, coalesce(p.footprint_m2, 0) AS fp,
               coalesce(p.investment_wan, 0) AS inv, coalesce(p.tax_wan, 0) AS tax,
               ST_Area(p.geom::geography) AS full_area,
               CASE WHEN ST_CoveredBy(p.geom, u.geom) THEN ST_Area(p.geom::geography)
                    ELSE ST_Area(ST_CollectionExtract(ST_Intersection(p.geom, u.geom), 3)::geography) END AS area
        FROM units u JOIN parcels p ON ST_Intersects(u.geom, p.geom)
        UNION ALL
        SELECT 'total', 'total', land_use, status, coalesce(floor_area_m2, 0), coalesce(footprint_m2, 0),
               coalesce(investment_wan, 0), coalesce(tax_wan, 0), ST_Area(geom::geography), ST_Area(geom::geography)
        FROM parcels
    ) x
),
kept AS (
    SELECT *, status = 'built' AS is_a, status = 'built' AND left(land_use, 2) IN ('10', '11') AS is_a2
    FROM pieces WHERE area > 0
),
totals AS (
    SELECT kind, unit,
        sum(area) AS parcel_area,
        count(*) AS parcel_count,
        coalesce(sum(area) FILTER (WHERE is_a), 0) AS a,
        coalesce(sum(area) FILTER (WHERE is_a2), 0) AS a2,
        coalesce(sum(area) FILTER (WHERE status IN ('built', 'under_construction', 'supplied_unbuilt', 'idle')), 0) AS d,
        coalesce(sum(area) FILTER (WHERE status = 'idle'), 0) AS g,
        coalesce(sum(area) FILTER (WHERE status IN ('built', 'under_construction', 'supplied_unbuilt', 'idle', 'ready')), 0) AS dev,
        coalesce(sum(area) FILTER (WHERE status <> 'unbuildable'), 0) AS buildable,
        coalesce(sum(fl * share) FILTER (WHERE is_a), 0) AS fl_a,
        coalesce(sum(fp * share) FILTER (WHERE is_a), 0) AS fp_a,
        coalesce(sum(tax * share) FILTER (WHERE is_a), 0) AS tax_a,
        coalesce(sum(fl * share) FILTER (WHERE is_a2), 0) AS fl_a2,
        coalesce(sum(fp * share) FILTER (WHERE is_a2), 0) AS fp_a2,
        coalesce(sum(inv * share) FILTER (WHERE is_a2), 0) AS inv_a2,
        coalesce(sum(tax * share) FILTER (WHERE is_a2), 0) AS tax_a2
    FROM kept GROUP BY kind, unit
),
unit_areas AS (
    SELECT kind, unit, ST_Area(geom::geography) AS area FROM units
    UNION ALL
    SELECT 'total', 'total', ST_Area(ST_Union(geom)::geography) FROM districts WHERE coalesce(kind, 'administrative') = 'administrative'
)
SELECT kind, unit, 'area_m2', area FROM unit_areas
UNION ALL
SELECT u.kind, u.unit, k.key, k.value
FROM unit_areas u LEFT JOIN totals t USING (kind, unit)
CROSS JOIN LATERAL (VALUES
    ('parcel_area_m2', coalesce(t.parcel_area, 0)),
    ('parcel_count', coalesce(t.parcel_count, 0)),
    ('land_development_rate', t.dev / nullif(t.buildable, 0)),
    ('land_supply_rate', t.d / nullif(t.dev, 0)),
    ('land_built_rate', t.a / nullif(t.d, 0)),
    ('industrial_land_rate', t.a2 / nullif(t.a, 0)),
    ('floor_area_ratio', t.fl_a / nullif(t.a, 0)),
    ('building_density', t.fp_a / nullif(t.a, 0)),
    ('industrial_floor_area_ratio', t.fl_a2 / nullif(t.a2, 0)),
    ('industrial_building_coefficient', t.fp_a2 / nullif(t.a2, 0)),
    ('investment_intensity', t.inv_a2 / nullif(t.a2 / 1e4, 0)),
    ('industrial_tax_per_ha', t.tax_a2 / nullif(t.a2 / 1e4, 0)),
    ('tax_per_ha', t.tax_a / nullif(t.a / 1e4, 0)),
    ('idle_land_rate', t.g / nullif(t.d, 0))
) AS k(key, value)
UNION ALL
SELECT c.kind, c.unit, 'land_use:' || c.cls || ':area_m2', c.area FROM (
    SELECT kind, unit, CASE WHEN length(land_use) < 4 THEN land_use ELSE left(land_use, 4) END AS cls, sum(area) AS area
    FROM kept GROUP BY 1, 2, 3) c
UNION ALL
SELECT c.kind, c.unit, 'land_use:' || c.cls || ':share', c.area / t.parcel_area FROM (
    SELECT kind, unit, CASE WHEN length(land_use) < 4 THEN land_use ELSE left(land_use, 4) END AS cls, sum(area) AS area
    FROM kept GROUP BY 1, 2, 3) c JOIN totals t USING (kind, unit)
UNION ALL
SELECT kind, unit, 'status:' || status, sum(area) FROM kept GROUP BY kind, unit, status
) TO STDOUT WITH (FORMAT csv);
