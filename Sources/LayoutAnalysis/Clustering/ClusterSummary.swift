import GEOS
import GeoCore

/// One DBSCAN cluster described for people and maps.
///
/// Units: output in 万元, areas in m² (planar, metric frame), centroid and hull in lon/lat.
public struct ClusterSummary: Sendable, Hashable {
    /// The cluster label, 0 …
    public let id: Int
    public let size: Int
    public let coreCount: Int
    /// Distinct industry codes of the members, sorted.
    public let industries: [String]
    /// Σ output_wan of the members (a missing value counts 0).
    public let outputWan: Double
    /// Ids of the parks holding members (smallest covering park), sorted; outside-park members add none.
    public let parks: [String]
    /// Mean of the members' projected coordinates, back in lon/lat.
    public let centroid: Position
    /// The hull in lon/lat: a Polygon, or a LineString/Point when the members are collinear/coincident.
    public let hull: Geometry
    public let hullKind: HullKind
    /// Planar area of the hull in the metric frame, m².
    public let hullAreaM2: Double

    /// Which hull was drawn.
    public enum HullKind: String, Sendable, Hashable {
        case convex, concave
    }

    /// Hull rule: the convex hull, replaced by GEOS's concave hull (edge-length ratio
    /// `concaveRatio`, no holes) when the cluster has `concaveMinimumSize` … `concaveMaximumSize`
    /// points and the concave hull is one polygon covering at most `concaveAreaShare` of the
    /// convex hull's area: that is when DBSCAN's chains and bends leave a lot of empty land
    /// inside the convex hull. Small clusters keep the convex hull (a concave hull of a few
    /// points is jagged), huge ones too (the concave hull triangulates every point).
    public static let concaveRatio = 0.5
    public static let concaveMinimumSize = 10
    public static let concaveMaximumSize = 50_000
    public static let concaveAreaShare = 0.75

    /// The hull of metric points, in metric coordinates, with its kind and area.
    static func hull(ofMetric xy: [Double]) throws -> (Geometry, HullKind, Double) {
        let points = try GeometryHandle(.multiPoint(CoordinateSequence(storage: xy)))
        let convex = try points.convexHull()
        let convexArea = try convex.planarArea()
        let size = xy.count / 2
        if size >= concaveMinimumSize, size <= concaveMaximumSize, convexArea > 0 {
            let concave = try points.concaveHull(ratio: concaveRatio)
            let area = try concave.planarArea()
            if try concave.typeName() == "Polygon", area > 0, area <= concaveAreaShare * convexArea {
                return (try concave.geometry(), .concave, area)
            }
        }
        return (try convex.geometry(), .convex, convexArea)
    }
}
