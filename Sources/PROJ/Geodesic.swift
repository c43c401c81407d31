import CPROJ
import GeoCore

/// Ellipsoidal (geodesic) measures on one ellipsoid, with Karney's algorithms
/// from PROJ's `geodesic.h` (`geod_polygon_*`, `geod_inverse`).
///
/// Inputs are longitude/latitude in degrees (x = lon, y = lat). Results are in
/// metres and square metres. Reference: C. F. F. Karney, "Algorithms for
/// geodesics", J. Geodesy 87 (2013); pyproj `Geod` wraps the same code.
///
/// A Sendable value (the initialised `geod_geodesic` constants), usable from
/// any thread. Measuring allocates nothing: vertices are fed straight from the
/// flat coordinate buffers.
public struct Geodesic: Sendable {
    /// Semi-major axis in metres.
    public let equatorialRadius: Double
    /// Flattening f (not 1/f).
    public let flattening: Double
    private let geodesic: geod_geodesic

    /// - Parameters:
    ///   - equatorialRadius: a, in metres.
    ///   - flattening: f, e.g. `1 / 298.257222101`.
    public init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        var g = geod_geodesic()
        geod_init(&g, equatorialRadius, flattening)
        self.geodesic = g
    }

    /// GRS80 (a = 6378137 m, 1/f = 298.257222101), the ellipsoid of CGCS2000,
    /// used for the official ellipsoidal land areas (图斑椭球面积).
    public static let grs80 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257222101)

    /// WGS84 (a = 6378137 m, 1/f = 298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    // MARK: Areas

    /// Area of the region enclosed by one ring, in m², whatever its orientation.
    /// The closing vertex (equal to the first) may be present or not.
    public func ringArea(_ ring: CoordinateSequence) -> Double {
        abs(measureRing(ring).area)
    }

    /// Area of a polygon in m²: |exterior| − Σ|holes|, independent of ring orientation.
    public func area(of polygon: Polygon) -> Double {
        guard let exterior = polygon.exterior else { return 0 }
        var area = ringArea(exterior)
        for hole in polygon.holes { area -= ringArea(hole) }
        return area
    }

    /// Sum of the polygons' areas in m² (a MultiPolygon's parts are taken as disjoint).
    public func area(of polygons: [Polygon]) -> Double {
        polygons.reduce(0) { $0 + area(of: $1) }
    }

    /// Area in m² of the polygonal parts of `geometry` (0 for points and lines).
    public func area(of geometry: Geometry) -> Double {
        area(of: geometry.polygons)
    }

    // MARK: Perimeters and lengths

    /// Perimeter of a polygon in metres: the length of all its rings, exterior and holes
    /// (the OGC / PostGIS `ST_Perimeter`, shapely `length` and QGIS convention). Note that
    /// pyproj's `Geod.geometry_area_perimeter` returns the exterior ring's length only.
    public func perimeter(of polygon: Polygon) -> Double {
        polygon.rings.reduce(0) { $0 + measureRing($1).perimeter }
    }

    /// Perimeter in metres of the polygonal parts of `geometry` (0 for points and lines).
    public func perimeter(of geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { $0 + perimeter(of: $1) }
    }

    /// Length of a polyline in metres (sum of the geodesic segment lengths).
    public func length(of line: CoordinateSequence) -> Double {
        let n = line.count
        guard n >= 2 else { return 0 }
        let d = line.dimension
        return withUnsafePointer(to: geodesic) { g in
            line.storage.withUnsafeBufferPointer { buf in
                var total = 0.0
                for i in 1..<n {
                    var s12 = 0.0
                    geod_inverse(g, buf[(i - 1) * d + 1], buf[(i - 1) * d], buf[i * d + 1], buf[i * d], &s12, nil, nil)
                    total += s12
                }
                return total
            }
        }
    }

    // MARK: Distance

    /// The geodesic (shortest) distance in metres between two lon/lat positions.
    public func distance(from a: Position, to b: Position) -> Double {
        inverse(from: a, to: b).distance
    }

    /// Solves the inverse geodesic problem (`geod_inverse`): distance in metres and the
    /// forward azimuths in degrees clockwise from north at both ends.
    public func inverse(from a: Position, to b: Position) -> (distance: Double, azimuth1: Double, azimuth2: Double) {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: geodesic) { g in
            geod_inverse(g, a.y, a.x, b.y, b.x, &s12, &azi1, &azi2)
        }
        return (s12, azi1, azi2)
    }

    // MARK: Core

    /// Signed area (counter-clockwise positive) and perimeter of one ring.
    private func measureRing(_ ring: CoordinateSequence) -> (area: Double, perimeter: Double) {
        var n = ring.count
        if ring.isClosed { n -= 1 }  // the repeated vertex adds a zero-length edge only
        guard n >= 2 else { return (0, 0) }
        let d = ring.dimension
        return withUnsafePointer(to: geodesic) { g in
            ring.storage.withUnsafeBufferPointer { buf in
                var polygon = geod_polygon()
                geod_polygon_init(&polygon, 0)
                for i in 0..<n {
                    geod_polygon_addpoint(g, &polygon, buf[i * d + 1], buf[i * d])
                }
                var area = 0.0, perimeter = 0.0
                // reverse = 0, sign = 1: a clockwise ring gives a negative area instead of
                // "the rest of the Earth"; callers take the absolute value.
                geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
                return (area, perimeter)
            }
        }
    }
}
