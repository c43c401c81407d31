import CGEOS
import GeoCore

/// End of an open line in a buffer (`GEOSBufCapStyles`).
public enum BufferEndCap: Sendable, Hashable {
    case round, flat, square

    var geosValue: Int32 {
        switch self {
        case .round: Int32(GEOSBUF_CAP_ROUND.rawValue)
        case .flat: Int32(GEOSBUF_CAP_FLAT.rawValue)
        case .square: Int32(GEOSBUF_CAP_SQUARE.rawValue)
        }
    }
}

/// Corner between two segments in a buffer (`GEOSBufJoinStyles`).
public enum BufferJoin: Sendable, Hashable {
    case round, mitre, bevel

    var geosValue: Int32 {
        switch self {
        case .round: Int32(GEOSBUF_JOIN_ROUND.rawValue)
        case .mitre: Int32(GEOSBUF_JOIN_MITRE.rawValue)
        case .bevel: Int32(GEOSBUF_JOIN_BEVEL.rawValue)
        }
    }
}

/// Geometries derived from one geometry. Planar: units are those of the coordinates.
extension GeometryHandle {
    private typealias UnaryOperation = (GEOSContextHandle_t?, OpaquePointer?) -> OpaquePointer?

    private func derive(_ operation: UnaryOperation, _ name: String) throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(operation(context.handle, pointer), name, context)
    }

    /// The region within `distance` of the geometry (negative shrinks polygons)
    /// (`GEOSBufferWithStyle_r`).
    ///
    /// - Parameters:
    ///   - distance: in coordinate units.
    ///   - quadrantSegments: segments per quarter circle; a round buffer of a
    ///     point is a regular polygon of `4 × quadrantSegments` sides.
    ///   - mitreLimit: ratio limiting mitre joins (GEOS default 5).
    public func buffer(
        distance: Double, quadrantSegments: Int = 8, endCap: BufferEndCap = .round,
        join: BufferJoin = .round, mitreLimit: Double = 5
    ) throws(GEOSError) -> GeometryHandle {
        guard distance.isFinite else { throw .invalidInput("buffer distance must be finite, got \(distance)") }
        guard quadrantSegments >= 1 else { throw .invalidInput("quadrantSegments must be at least 1, got \(quadrantSegments)") }
        let context = try GEOSContext.current
        let result = GEOSBufferWithStyle_r(
            context.handle, pointer, distance, Int32(clamping: quadrantSegments), endCap.geosValue, join.geosValue, mitreLimit)
        return try GeometryHandle.wrap(result, "GEOSBufferWithStyle_r", context)
    }

    /// Douglas–Peucker simplification that keeps the topology (no new
    /// self-intersections, holes stay inside) (`GEOSTopologyPreserveSimplify_r`).
    /// - Parameter tolerance: maximum deviation, in coordinate units.
    public func topologyPreservingSimplify(tolerance: Double) throws(GEOSError) -> GeometryHandle {
        guard tolerance.isFinite, tolerance >= 0 else { throw .invalidInput("simplify tolerance must be finite and ≥ 0, got \(tolerance)") }
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(GEOSTopologyPreserveSimplify_r(context.handle, pointer, tolerance), "GEOSTopologyPreserveSimplify_r", context)
    }

    /// The smallest convex polygon containing the geometry (`GEOSConvexHull_r`).
    public func convexHull() throws(GEOSError) -> GeometryHandle { try derive(GEOSConvexHull_r, "GEOSConvexHull_r") }

    /// A concave hull of the geometry's vertices (`GEOSConcaveHull_r`, GEOS ≥ 3.11).
    /// - Parameters:
    ///   - ratio: edge-length ratio in [0, 1]; 1 gives the convex hull, 0 the most concave hull.
    ///   - allowHoles: whether the hull may have holes.
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws(GEOSError) -> GeometryHandle {
        guard ratio >= 0, ratio <= 1 else { throw .invalidInput("concave hull ratio must be in [0, 1], got \(ratio)") }
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(GEOSConcaveHull_r(context.handle, pointer, ratio, allowHoles ? 1 : 0), "GEOSConcaveHull_r", context)
    }

    /// The centre of mass of the geometry's highest dimension, as a Point;
    /// `POINT EMPTY` for an empty input; may lie outside a concave polygon (`GEOSGetCentroid_r`).
    public func centroid() throws(GEOSError) -> GeometryHandle { try derive(GEOSGetCentroid_r, "GEOSGetCentroid_r") }

    /// A point guaranteed to lie in the geometry (`GEOSPointOnSurface_r`).
    public func pointOnSurface() throws(GEOSError) -> GeometryHandle { try derive(GEOSPointOnSurface_r, "GEOSPointOnSurface_r") }

    /// The bounding rectangle as a geometry (a Point or Polygon; empty for empty input) (`GEOSEnvelope_r`).
    public func envelope() throws(GEOSError) -> GeometryHandle { try derive(GEOSEnvelope_r, "GEOSEnvelope_r") }

    /// The centroid as a position, or `nil` for an empty geometry (`GEOSGetCentroid_r`).
    public func centroidPosition() throws(GEOSError) -> Position? {
        try centroid().singlePosition()
    }

    /// A position inside the geometry, or `nil` for an empty geometry (`GEOSPointOnSurface_r`).
    public func pointOnSurfacePosition() throws(GEOSError) -> Position? {
        try pointOnSurface().singlePosition()
    }

    /// The coordinates of a Point, or nil when it is empty.
    func singlePosition() throws(GEOSError) -> Position? {
        if try isEmpty() { return nil }
        guard case .point(let p) = try geometry() else { throw .unsupported("expected a Point, got \(try typeName())") }
        return p
    }
}
