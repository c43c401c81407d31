import GEOS
import GeoCore

/// Which of some polygons covers each of many points: the first in the given
/// order whose polygon covers the point (GEOS prepared `covers`, so a point on
/// a shared boundary belongs to the first), after a grid lookup (`BoxGridIndex`)
/// and an envelope test. Used to
/// place enterprises in administrative districts; parallel, each worker with
/// its own prepared polygons; identical for any thread count.
enum PointLocator {
    /// - Returns: per point, the index into `polygons` of the first covering one, or nil.
    static func firstCovering(polygons: [Geometry], points: [Position], threads: Int) throws -> [Int?] {
        let n = points.count
        let boxes = polygons.map { $0.boundingBox ?? .empty }
        // A point's candidates are the polygons listed in its grid cell, in the given order (not
        // every polygon: 180 districts or 800 parks of a province times millions of points).
        let grid = BoxGridIndex(boxes: boxes)
        var slots = [Int](repeating: -1, count: n)
        try slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            try ParallelChunks.run(count: n, chunkSize: 1024, threads: threads) {
                let prepared = try polygons.map { try PreparedGeometry(GeometryHandle($0)) }
                return { range in
                    for i in range {
                        let p = points[i]
                        guard p.x.isFinite, p.y.isFinite else { continue }
                        var point: GeometryHandle?
                        for candidate in grid.candidates(x: p.x, y: p.y) {
                            let k = Int(candidate)
                            guard boxes[k].contains(x: p.x, y: p.y) else { continue }
                            if point == nil { point = try GeometryHandle(.point(p)) }
                            if try prepared[k].covers(point!) {
                                out[i] = k
                                break
                            }
                        }
                    }
                }
            }
        }
        return slots.map { $0 >= 0 ? $0 : nil }
    }
}
