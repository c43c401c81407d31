import GeoCore
import LayoutModel
import PROJ

/// Which park each enterprise belongs to: the smallest park whose polygon
/// covers its point, so a sub-park (园中园) wins over its parent (docs/analyses.md §3).
///
/// The point-in-polygon work is `PointLocator`'s (envelope test, then GEOS
/// prepared `covers`, each worker with its own prepared geometries).
public struct ParkMembership: Sendable {
    /// Park index (into the dataset's `parks`) per enterprise, or nil when outside every park.
    public let parkOfEnterprise: [Int?]
    /// Geodesic area of each park, m² (GRS80), used to rank sub-parks before parents.
    public let parkAreas: [Double]

    public init(parks: [Park], enterprises: EnterpriseTable, threads: Int = 2) throws {
        let areas = parks.map { Geodesic.grs80.area(of: $0.geometry) }
        parkAreas = areas
        // Smallest first, so the first covering park is the answer.
        let order = parks.indices.sorted { areas[$0] < areas[$1] || (areas[$0] == areas[$1] && $0 < $1) }
        let points: [Position] = enterprises.indices.map { enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) }
        let covering = try PointLocator.firstCovering(
            polygons: order.map { parks[$0].geometry }, points: points, threads: threads)
        parkOfEnterprise = covering.map { $0.map { order[$0] } }
    }
}
