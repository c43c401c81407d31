import CGEOS
import GeoCore

/// A GEOS geometry, exclusively owned: the `GEOSGeometry*` is created by this
/// module, never shared, never mutated after construction, and freed in `deinit`
/// (`GEOSGeom_destroy_r`).
///
/// Threading: a handle may move between threads but must be used by one thread
/// at a time, each thread calling GEOS through its own context (`GEOSContext`).
/// Reading one handle from two threads at once is a data race in GEOS 3.11, the
/// version this toolkit builds against on Debian 12: a geometry computes its
/// envelope lazily into a mutable cache on first use (GEOS trac #855; eager
/// from GEOS 3.12, PR #824, except for collections), and prepared geometries
/// build their indexes lazily (GEOS issue #825). Parallel code therefore gives
/// every worker its own handles (LayoutAnalysis `WorkerHandles`), and STR trees
/// serialise their queries. This is the one statement of the rule; ParcelOverlay,
/// ParcelOverlapRule and ParcelTransitionOverlay follow it.
///
/// Build one from a GeoCore value (`init(_:)`), WKT (`init(wkt:)`) or WKB
/// (`init(wkb:)`, `init(hexWKB:)`); read it back with `geometry()`.
public final class GeometryHandle: @unchecked Sendable {
    /// The owned GEOS pointer; never escapes the module.
    let pointer: OpaquePointer

    /// Takes ownership of a GEOS geometry that nobody else owns.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
        GEOSLibrary.handleCounter.retain()
    }

    deinit {
        // Freed with the releasing thread's context: GEOS geometries belong to
        // the process-wide factory, not to the context that created them.
        if let context = try? GEOSContext.current {
            GEOSGeom_destroy_r(context.handle, pointer)
        }
        GEOSLibrary.handleCounter.release()
    }

    /// Wraps the result of a GEOS call that returns a new geometry or NULL on failure.
    static func wrap(_ result: OpaquePointer?, _ operation: String, _ context: GEOSContext) throws(GEOSError) -> GeometryHandle {
        guard let result else { throw context.failure(operation) }
        return GeometryHandle(taking: result)
    }

    /// The GEOS type name, e.g. `"Polygon"` (`GEOSGeomType_r`).
    public func typeName() throws(GEOSError) -> String {
        let context = try GEOSContext.current
        guard let name = GEOSGeomType_r(context.handle, pointer) else { throw context.failure("GEOSGeomType_r") }
        defer { GEOSFree_r(context.handle, name) }
        return String(cString: name)
    }

    /// Whether the geometry has no points (`GEOSisEmpty_r`).
    public func isEmpty() throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        return try checkedPredicate(GEOSisEmpty_r(context.handle, pointer), "GEOSisEmpty_r", context)
    }

    /// Number of member geometries of a collection; 1 for a single geometry
    /// (`GEOSGetNumGeometries_r`).
    public func numberOfGeometries() throws(GEOSError) -> Int {
        let context = try GEOSContext.current
        let n = GEOSGetNumGeometries_r(context.handle, pointer)
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        return Int(n)
    }

    /// A copy in GEOS's normal form (rings start at their lowest point, members
    /// sorted), so that structurally equal geometries compare equal
    /// (`GEOSGeom_clone_r` + `GEOSNormalize_r`).
    public func normalized() throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        let copy = try GeometryHandle.wrap(GEOSGeom_clone_r(context.handle, pointer), "GEOSGeom_clone_r", context)
        guard GEOSNormalize_r(context.handle, copy.pointer) == 0 else { throw context.failure("GEOSNormalize_r") }
        return copy
    }
}

/// Turns a GEOS `char` predicate result (1 true, 0 false, 2 exception) into a Bool or an error.
@inline(__always)
func checkedPredicate(_ value: CChar, _ operation: String, _ context: GEOSContext) throws(GEOSError) -> Bool {
    switch value {
    case 1: return true
    case 0: return false
    default: throw context.failure(operation)
    }
}
