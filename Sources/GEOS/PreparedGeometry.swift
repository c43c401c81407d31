import CGEOS
import Synchronization

/// A geometry prepared for many predicate tests against it (GEOS builds
/// segment and point-in-area indexes on first use), e.g. one park boundary
/// tested against thousands of parcels (`GEOSPrepare_r`).
///
/// Keeps its base `GeometryHandle` alive: the GEOS prepared geometry points into it.
///
/// Threading: GEOS fills the prepared geometry's indexes lazily, so concurrent
/// calls on one prepared geometry are not safe in GEOS; this class serialises
/// them with a lock. For parallel loops, prepare one per thread instead.
public final class PreparedGeometry: @unchecked Sendable {
    /// The geometry this was prepared from.
    public let base: GeometryHandle
    private let pointer: OpaquePointer
    private let lock = Mutex<Void>(())

    /// Prepares `base` (`GEOSPrepare_r`).
    public init(_ base: GeometryHandle) throws(GEOSError) {
        let context = try GEOSContext.current
        guard let prepared = GEOSPrepare_r(context.handle, base.pointer) else { throw context.failure("GEOSPrepare_r") }
        self.base = base
        self.pointer = prepared
        GEOSLibrary.handleCounter.retain()
    }

    deinit {
        if let context = try? GEOSContext.current {
            GEOSPreparedGeom_destroy_r(context.handle, pointer)
        }
        GEOSLibrary.handleCounter.release()
    }

    private typealias PreparedPredicate = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar

    private func evaluate(_ predicate: PreparedPredicate, _ name: String, _ other: GeometryHandle) throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        let value = lock.withLock { _ in predicate(context.handle, pointer, other.pointer) }
        return try checkedPredicate(value, name, context)
    }

    /// Prepared `intersects` (`GEOSPreparedIntersects_r`).
    public func intersects(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedIntersects_r, "GEOSPreparedIntersects_r", other) }
    /// Prepared `contains` (`GEOSPreparedContains_r`).
    public func contains(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedContains_r, "GEOSPreparedContains_r", other) }
    /// Whether `other` lies in the interior, touching no boundary (`GEOSPreparedContainsProperly_r`).
    public func containsProperly(_ other: GeometryHandle) throws(GEOSError) -> Bool {
        try evaluate(GEOSPreparedContainsProperly_r, "GEOSPreparedContainsProperly_r", other)
    }
    /// Prepared `covers` (`GEOSPreparedCovers_r`).
    public func covers(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedCovers_r, "GEOSPreparedCovers_r", other) }
    /// Prepared `coveredBy` (`GEOSPreparedCoveredBy_r`).
    public func coveredBy(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedCoveredBy_r, "GEOSPreparedCoveredBy_r", other) }
    /// Prepared `within` (`GEOSPreparedWithin_r`).
    public func within(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedWithin_r, "GEOSPreparedWithin_r", other) }
    /// Prepared `touches` (`GEOSPreparedTouches_r`).
    public func touches(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedTouches_r, "GEOSPreparedTouches_r", other) }
    /// Prepared `overlaps` (`GEOSPreparedOverlaps_r`).
    public func overlaps(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedOverlaps_r, "GEOSPreparedOverlaps_r", other) }
    /// Prepared `crosses` (`GEOSPreparedCrosses_r`).
    public func crosses(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedCrosses_r, "GEOSPreparedCrosses_r", other) }
    /// Prepared `disjoint` (`GEOSPreparedDisjoint_r`).
    public func disjoint(_ other: GeometryHandle) throws(GEOSError) -> Bool { try evaluate(GEOSPreparedDisjoint_r, "GEOSPreparedDisjoint_r", other) }

    /// Planar distance to `other`, in coordinate units (`GEOSPreparedDistance_r`, GEOS ≥ 3.9).
    public func distance(to other: GeometryHandle) throws(GEOSError) -> Double {
        let context = try GEOSContext.current
        var value = 0.0
        let status = lock.withLock { _ in GEOSPreparedDistance_r(context.handle, pointer, other.pointer, &value) }
        guard status != 0 else { throw context.failure("GEOSPreparedDistance_r") }
        return value
    }

    /// Whether `other` is within `distance` coordinate units (`GEOSPreparedDistanceWithin_r`, GEOS ≥ 3.10).
    public func isWithinDistance(_ distance: Double, of other: GeometryHandle) throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        let value = lock.withLock { _ in GEOSPreparedDistanceWithin_r(context.handle, pointer, other.pointer, distance) }
        return try checkedPredicate(value, "GEOSPreparedDistanceWithin_r", context)
    }
}
