import CGEOS
import GeoCore

/// Why a geometry is not valid in the OGC Simple Features sense, and where.
public struct ValidityProblem: Sendable, Hashable {
    /// GEOS's reason, e.g. `"Self-intersection"` or `"Ring Self-intersection"`.
    public var reason: String
    /// A position at or near the problem, when GEOS gives one.
    public var location: Position?

    /// A problem found at `location` (coordinate units of the geometry).
    public init(reason: String, location: Position?) {
        self.reason = reason
        self.location = location
    }
}

/// The polygonal part of a repaired geometry and what had to be left out.
public struct PolygonalRepair: Sendable, Hashable {
    /// A Polygon or MultiPolygon, or `nil` when the repair left no area at all.
    public var polygonal: GeoCore.Geometry?
    /// GeoCore type names of the non-polygonal pieces dropped (e.g. `["LineString", "Point"]`), in the order met.
    public var droppedTypes: [String]

    /// A repair result; `polygonal` must be a Polygon, a MultiPolygon or nil.
    public init(polygonal: GeoCore.Geometry?, droppedTypes: [String]) {
        self.polygonal = polygonal
        self.droppedTypes = droppedTypes
    }
}

/// Validity checks and repair.
///
/// Note: GEOS treats repeated consecutive vertices as valid, so callers that
/// must report them have to look for them separately.
extension GeometryHandle {
    /// Whether the geometry is valid (`GEOSisValid_r`).
    public func isValid() throws(GEOSError) -> Bool {
        let context = try GEOSContext.current
        return try checkedPredicate(GEOSisValid_r(context.handle, pointer), "GEOSisValid_r", context)
    }

    /// The first validity problem GEOS finds, with its location; `nil` when
    /// the geometry is valid (`GEOSisValidDetail_r`, flags 0).
    public func validityProblem() throws(GEOSError) -> ValidityProblem? {
        let context = try GEOSContext.current
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let status = GEOSisValidDetail_r(context.handle, pointer, 0, &reason, &location)
        let locationHandle = location.map { GeometryHandle(taking: $0) }
        let reasonText = reason.map { String(cString: $0) }
        if let reason { GEOSFree_r(context.handle, reason) }
        switch status {
        case 1: return nil
        case 0:
            let position = try locationHandle?.singlePosition()
            return ValidityProblem(reason: reasonText ?? "unknown reason", location: position)
        default: throw context.failure("GEOSisValidDetail_r")
        }
    }

    /// A valid geometry covering the same points, possibly of a different type
    /// (a bow-tie becomes a MultiPolygon; collapsed parts become lines or points)
    /// (`GEOSMakeValid_r`, the "linework" method).
    public func makeValid() throws(GEOSError) -> GeometryHandle {
        let context = try GEOSContext.current
        return try GeometryHandle.wrap(GEOSMakeValid_r(context.handle, pointer), "GEOSMakeValid_r", context)
    }

    /// `makeValid()`, keeping only the polygons and reporting the types of the
    /// pieces left out (lines and points from collapsed parts).
    ///
    /// GEOS puts at most one polygonal member (a single area) in a make-valid
    /// collection, so gathering the polygons into a MultiPolygon keeps it valid.
    /// A valid polygonal input comes back unchanged with nothing dropped.
    public func makeValidPolygonal() throws(GEOSError) -> PolygonalRepair {
        PolygonalRepair(splitting: try makeValid().geometry())
    }
}

extension PolygonalRepair {
    /// Splits a geometry into its polygons and the type names of everything else.
    init(splitting geometry: GeoCore.Geometry) {
        var polygons: [GeoCore.Polygon] = []
        var dropped: [String] = []
        func visit(_ g: GeoCore.Geometry) {
            switch g {
            case .polygon(let p): if !p.rings.isEmpty { polygons.append(p) }
            case .multiPolygon(let ps): polygons.append(contentsOf: ps.filter { !$0.rings.isEmpty })
            case .geometryCollection(let gs): gs.forEach(visit)
            default: dropped.append(g.typeName)
            }
        }
        visit(geometry)
        switch polygons.count {
        case 0: self.init(polygonal: nil, droppedTypes: dropped)
        case 1: self.init(polygonal: .polygon(polygons[0]), droppedTypes: dropped)
        default: self.init(polygonal: .multiPolygon(polygons), droppedTypes: dropped)
        }
    }
}
