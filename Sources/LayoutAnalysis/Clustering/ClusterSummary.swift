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

    /// Points per chunk of `convexHull(ofMetric:threads:)`; fixed, so the chunks (and the hull)
    /// do not depend on the thread count.
    static let hullChunk = 65_536

    /// The convex hull of a big cluster (no concave hull is tried above `concaveMaximumSize`),
    /// with its kind and area: the hull of the vertices of the chunks' hulls, which is the hull of
    /// all points (a vertex of the whole hull is a vertex of its chunk's hull); the chunks run on
    /// `threads` workers, each GEOS handle on the worker that made it.
    static func convexHull(ofMetric xy: [Double], threads: Int) throws -> (Geometry, HullKind, Double) {
        let size = xy.count / 2
        let chunks = (size + hullChunk - 1) / hullChunk
        guard chunks > 1 else {
            let hull = try GeometryHandle(.multiPoint(CoordinateSequence(storage: xy))).convexHull()
            return (try hull.geometry(), .convex, try hull.planarArea())
        }
        let slots = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: chunks)
        slots.initialize(repeating: [])
        defer { slots.deinitialize(); slots.deallocate() }
        nonisolated(unsafe) let vertices = slots
        let failure = FailureBox()
        ParallelRanges.forEach(count: chunks, threads: threads, minimumChunk: 1) { range in
            for c in range {
                do {
                    let part = Array(xy[(2 * c * hullChunk)..<min(xy.count, 2 * (c + 1) * hullChunk)])
                    let hull = try GeometryHandle(.multiPoint(CoordinateSequence(storage: part))).convexHull().geometry()
                    vertices[c] = hull.allCoordinateStorage
                } catch {
                    failure.set(String(describing: error))
                }
            }
        }
        if let message = failure.message { throw AnalysisError.geometry(message) }
        let reduced = Array(vertices.joined())
        let hull = try GeometryHandle(.multiPoint(CoordinateSequence(storage: reduced))).convexHull()
        return (try hull.geometry(), .convex, try hull.planarArea())
    }
}

extension Geometry {
    /// Every x, y of a Point, LineString or Polygon (a convex hull's possible types), interleaved.
    var allCoordinateStorage: [Double] {
        switch self {
        case .point(let p): [p.x, p.y]
        case .lineString(let line): line.xyStorage
        case .polygon(let polygon): polygon.rings.flatMap(\.xyStorage)
        default: polygons.flatMap { $0.rings.flatMap(\.xyStorage) }
        }
    }
}

extension CoordinateSequence {
    /// x, y interleaved (z dropped).
    var xyStorage: [Double] {
        guard hasZ else { return storage }
        var out: [Double] = []
        out.reserveCapacity(2 * count)
        for i in 0..<count { out.append(storage[3 * i]); out.append(storage[3 * i + 1]) }
        return out
    }
}
