import CGEOS
import GeoCore

/// Planar measures. They treat coordinates as Cartesian: use projected
/// coordinates (metres) for real-world sizes; on lon/lat they return square
/// degrees and degrees, which are not areas or lengths.
extension GeometryHandle {
    private typealias UnaryMeasure = (GEOSContextHandle_t?, OpaquePointer?, UnsafeMutablePointer<Double>?) -> Int32

    private func measure(_ function: UnaryMeasure, _ name: String) throws(GEOSError) -> Double {
        let context = try GEOSContext.current
        var value = 0.0
        guard function(context.handle, pointer, &value) != 0 else { throw context.failure(name) }
        return value
    }

    /// Planar area in squared coordinate units (holes subtracted; 0 for
    /// points and lines) (`GEOSArea_r`).
    public func planarArea() throws(GEOSError) -> Double { try measure(GEOSArea_r, "GEOSArea_r") }

    /// Planar length in coordinate units: the perimeter of polygons (all
    /// rings), the length of lines, 0 for points (`GEOSLength_r`).
    public func planarLength() throws(GEOSError) -> Double { try measure(GEOSLength_r, "GEOSLength_r") }

    /// Smallest planar distance between the two geometries, in coordinate
    /// units; 0 when they intersect (`GEOSDistance_r`).
    public func planarDistance(to other: GeometryHandle) throws(GEOSError) -> Double {
        let context = try GEOSContext.current
        var value = 0.0
        guard GEOSDistance_r(context.handle, pointer, other.pointer, &value) != 0 else { throw context.failure("GEOSDistance_r") }
        return value
    }

    /// The closest pair of points of the two geometries, (on self, on other), in coordinate
    /// units (`GEOSNearestPoints_r`); nil when either is empty. The pair's planar distance is
    /// `planarDistance(to:)`.
    public func nearestPoints(to other: GeometryHandle) throws(GEOSError) -> (Position, Position)? {
        if try isEmpty() { return nil }
        if try other.isEmpty() { return nil }
        let context = try GEOSContext.current
        guard let sequence = GEOSNearestPoints_r(context.handle, pointer, other.pointer) else {
            throw context.failure("GEOSNearestPoints_r")
        }
        // The sequence is ours: freed here, whatever happens.
        defer { GEOSCoordSeq_destroy_r(context.handle, sequence) }
        var a = Position(x: 0, y: 0), b = Position(x: 0, y: 0)
        guard GEOSCoordSeq_getXY_r(context.handle, sequence, 0, &a.x, &a.y) != 0,
              GEOSCoordSeq_getXY_r(context.handle, sequence, 1, &b.x, &b.y) != 0 else {
            throw context.failure("GEOSCoordSeq_getXY_r")
        }
        return (a, b)
    }

    /// The 2-D bounding box, or `nil` for an empty geometry (`GEOSGeom_getExtent_r`).
    public func bounds() throws(GEOSError) -> BoundingBox? {
        if try isEmpty() { return nil }
        let context = try GEOSContext.current
        var box = BoundingBox.empty
        guard GEOSGeom_getExtent_r(context.handle, pointer, &box.minX, &box.minY, &box.maxX, &box.maxY) != 0 else {
            throw context.failure("GEOSGeom_getExtent_r")
        }
        return box
    }
}
