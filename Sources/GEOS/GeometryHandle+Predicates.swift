import CGEOS

/// Binary spatial predicates (DE-9IM based), planar. Each throws when GEOS
/// returns its exception value 2. For many tests against one geometry, use
/// `PreparedGeometry`.
extension GeometryHandle {
    typealias BinaryPredicate = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar

    private func evaluate(_ predicate: BinaryPredicate, _ name: String, _ other: GeometryHandle) throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        return try checkedPredicate(predicate(context.handle, pointer, other.pointer), name, context)
    }

    /// Whether the geometries share at least one point (`GEOSIntersects_r`).
    public func intersects(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSIntersects_r, "GEOSIntersects_r", other) }
    /// Whether they share no point (`GEOSDisjoint_r`).
    public func disjoint(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSDisjoint_r, "GEOSDisjoint_r", other) }
    /// Whether `other` lies in this geometry and their interiors meet (`GEOSContains_r`).
    public func contains(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSContains_r, "GEOSContains_r", other) }
    /// Whether this geometry lies in `other` and their interiors meet (`GEOSWithin_r`).
    public func within(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSWithin_r, "GEOSWithin_r", other) }
    /// Whether no point of `other` lies outside this geometry (`GEOSCovers_r`).
    public func covers(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSCovers_r, "GEOSCovers_r", other) }
    /// Whether no point of this geometry lies outside `other` (`GEOSCoveredBy_r`).
    public func coveredBy(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSCoveredBy_r, "GEOSCoveredBy_r", other) }
    /// Whether they meet only on their boundaries (`GEOSTouches_r`).
    public func touches(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSTouches_r, "GEOSTouches_r", other) }
    /// Whether they share interior points of the same dimension and neither covers the other (`GEOSOverlaps_r`).
    public func overlaps(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSOverlaps_r, "GEOSOverlaps_r", other) }
    /// Whether they cross (interiors meet in a lower dimension) (`GEOSCrosses_r`).
    public func crosses(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSCrosses_r, "GEOSCrosses_r", other) }
    /// Topological equality: the same point set, regardless of vertex order (`GEOSEquals_r`).
    public func topologicallyEquals(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSEquals_r, "GEOSEquals_r", other) }

    /// Structural equality: same type, same vertices in the same order, each
    /// within `tolerance` (coordinate units) (`GEOSEqualsExact_r`).
    public func equalsExact(_ other: GeometryHandle, tolerance: Double = 0) throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        return try checkedPredicate(GEOSEqualsExact_r(context.handle, pointer, other.pointer, tolerance), "GEOSEqualsExact_r", context)
    }

    /// The DE-9IM intersection matrix as a 9-character string, e.g. `"212101212"` (`GEOSRelate_r`).
    public func relate(_ other: GeometryHandle) throws(GEOSError) -> String {
        let context = try GEOSContext.current
        guard let matrix = GEOSRelate_r(context.handle, pointer, other.pointer) else { throw context.failure("GEOSRelate_r") }
        defer { GEOSFree_r(context.handle, matrix) }
        return String(cString: matrix)
    }

    /// Whether the DE-9IM matrix matches `pattern` (characters `T F * 0 1 2`),
    /// e.g. `"T*F**F***"` for within (`GEOSRelatePattern_r`).
    public func relate(_ other: GeometryHandle, pattern: String) throws(GEOSError) -> Bool {
        guard pattern.utf8.count == 9 else { throw .invalidInput("a DE-9IM pattern has 9 characters, got \"\(pattern)\"") }
        let context = try GEOSContext.current
        return try checkedPredicate(GEOSRelatePattern_r(context.handle, pointer, other.pointer, pattern), "GEOSRelatePattern_r", context)
    }
}
