import GEOS
import GeoCore

/// The map geometry of a finding that spans several parks.
///
/// Simply listing the parks' polygons as one MultiPolygon is invalid whenever
/// two of them overlap (a sub-park inside its parent, two overlapping parks):
/// OGC Simple Features allows the parts of a MultiPolygon to touch only at
/// points, and shapely, QGIS and PostGIS then report "Self-intersection". So
/// the polygons are dissolved with GEOS (`GEOSUnaryUnion_r`); should GEOS fail,
/// a GeometryCollection of the parks (valid with overlapping members) is used.
enum FindingGeometry {
    static func union(_ geometries: [Geometry]) -> Geometry {
        let polygons = geometries.flatMap(\.polygons)
        guard polygons.count > 1 else { return polygons.first.map(Geometry.polygon) ?? .geometryCollection([]) }
        do {
            let handles = try polygons.map { try GeometryHandle(Geometry.polygon($0)) }
            let dissolved = try GeometryHandle.union(of: handles).geometry()
            if dissolved.isPolygonal { return dissolved }
        } catch {}
        return .geometryCollection(geometries)
    }
}
