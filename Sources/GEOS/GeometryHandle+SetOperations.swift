import CGEOS

/// Boolean overlay (GEOS OverlayNG, planar, floating precision).
extension GeometryHandle {
    typealias BinaryOperation = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?

    private func overlay(_ operation: BinaryOperation, _ name: String, _ other: GeometryHandle) throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(operation(context.handle, pointer, other.pointer), name, context)
    }

    /// The points in both geometries (`GEOSIntersection_r`).
    public func intersection(_ other: GeometryHandle) throws(GEOSError) -> GeometryHandle { try overlay(GEOSIntersection_r, "GEOSIntersection_r", other) }
    /// The points in either geometry (`GEOSUnion_r`).
    public func union(_ other: GeometryHandle) throws(GEOSError) -> GeometryHandle { try overlay(GEOSUnion_r, "GEOSUnion_r", other) }
    /// The points of this geometry not in `other` (`GEOSDifference_r`).
    public func difference(_ other: GeometryHandle) throws(GEOSError) -> GeometryHandle { try overlay(GEOSDifference_r, "GEOSDifference_r", other) }
    /// The points in exactly one of the two (`GEOSSymDifference_r`).
    public func symmetricDifference(_ other: GeometryHandle) throws(GEOSError) -> GeometryHandle {
        try overlay(GEOSSymDifference_r, "GEOSSymDifference_r", other)
    }

    /// The union of this geometry's own members, e.g. dissolving the polygons
    /// of a MultiPolygon or collection (`GEOSUnaryUnion_r`).
    public func unaryUnion() throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(GEOSUnaryUnion_r(context.handle, pointer), "GEOSUnaryUnion_r", context)
    }

    /// The union of many geometries at once (cascaded union): copies them into
    /// one GeometryCollection and unary-unions it, which is far faster than
    /// folding pairwise `union` (`GEOSGeom_createCollection_r` + `GEOSUnaryUnion_r`).
    /// An empty input gives `GEOMETRYCOLLECTION EMPTY`.
    public static func union(of geometries: [GeometryHandle]) throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        let collection = try makeCollection(cloning: geometries, context: context)
        return try GeometryHandle.wrap(GEOSUnaryUnion_r(context.handle, collection.pointer), "GEOSUnaryUnion_r", context)
    }

    /// A GeometryCollection owning copies of `members` (`GEOSGeom_clone_r`;
    /// the collection must own its members, the handles keep theirs).
    static func makeCollection(cloning members: [GeometryHandle], context: GEOSContext) throws(GEOSError) -> GeometryHandle {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for member in members {
            guard let clone = GEOSGeom_clone_r(context.handle, member.pointer) else {
                for c in clones { GEOSGeom_destroy_r(context.handle, c) }
                throw context.failure("GEOSGeom_clone_r")
            }
            clones.append(clone)
        }
        let count = UInt32(clones.count)
        let result = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context.handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, count)
        }
        return try GeometryHandle.wrap(result, "GEOSGeom_createCollection_r", context)
    }
}
