import CGEOS
import GeoCore

/// Facts about the linked GEOS library and the module's handle bookkeeping.
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
