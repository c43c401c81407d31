import CGEOS
import GeoCore

/// Facts about the linked GEOS library and the module's handle bookkeeping.
///
/// ## The module at a glance
/// - `GeometryHandle`: one owned GEOS geometry. Built from GeoCore values
///   (bulk buffer copies), WKT or WKB; families of operations live in
///   `GeometryHandle+<Concern>.swift`: IO, Predicates, SetOperations,
///   Constructive (buffer, simplify, hulls, centroid), Measurement (planar
///   area/length/distance, bounds), Validity (isValid, validityProblem,
///   makeValid, makeValidPolygonal).
/// - `PreparedGeometry`: one geometry tested many times.
/// - `STRtree`: envelope queries and nearest neighbour over many items.
/// - `GEOSError`: every failure, with GEOS's own message.
///
/// ## Threading
/// One GEOS context per thread, created on first use and freed when the
/// thread exits (see `GEOSContext`). Handles are immutable and may be read
/// from any thread; `PreparedGeometry` and `STRtree` serialise their calls.
/// No call suspends, so using the module from async code is safe as well.
///
/// ## Performance
/// No call creates a context; coordinates cross the C boundary one sequence
/// at a time (`GEOSCoordSeq_copyFromBuffer_r` / `GEOSCoordSeq_copyToBuffer_r`),
/// except MultiPoints, which GEOS 3.11 can only build point by point. WKT/WKB
/// readers and writers are cached per thread. Use `PreparedGeometry` for
/// repeated predicates against one geometry and `GeometryHandle.union(of:)`
/// rather than pairwise unions.
///
/// (Not named `GEOS`: a type with the module's name would shadow the module
/// in qualified names such as `GEOS.GeometryHandle`.)
public enum GEOSLibrary {
    /// Counts every live GEOS object owned by this module: geometries,
    /// prepared geometries and STR trees. Tests assert it returns to its
    /// starting value.
    public static let handleCounter = HandleCounter(name: "GEOS")

    /// Number of GEOS objects currently alive (see `handleCounter`).
    public static var liveHandles: Int { handleCounter.liveCount }

    /// The GEOS version string, e.g. `"3.11.1-CAPI-1.17.1"` (`GEOSversion`).
    public static var version: String { String(cString: GEOSversion()) }
}
