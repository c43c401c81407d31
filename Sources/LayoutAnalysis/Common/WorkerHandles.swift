import GEOS
import GeoCore

/// GEOS handles of a list of geometries, built on demand and used by one worker
/// thread only.
///
/// A `GeometryHandle` must not be read by two threads at once: GEOS 3.11 (the
/// Debian 12 version this toolkit builds against) computes a geometry's
/// envelope lazily on first use into a mutable cache, so two threads running
/// predicates or overlays on the same geometry race on it (GEOS trac #855;
/// GEOS 3.12 made envelopes eager, PR #824, but collections stay lazy), and
/// prepared geometries build their indexes lazily (GEOS issue #825). Work is
/// therefore split so that a handle another worker may also need is that
/// worker's own copy: each worker makes a `WorkerHandles` in `makeWorker`.
final class WorkerHandles {
    private let geometries: [Geometry]
    private var built: [Int: GeometryHandle] = [:]

    init(_ geometries: [Geometry]) { self.geometries = geometries }

    /// This worker's handle of geometry `i`.
    func handle(_ i: Int) throws -> GeometryHandle {
        if let h = built[i] { return h }
        let h = try GeometryHandle(geometries[i])
        built[i] = h
        return h
    }
}
