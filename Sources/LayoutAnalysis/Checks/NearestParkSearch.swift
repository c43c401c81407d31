import GEOS
import GeoCore

/// The nearest park, among given candidates, to each of many points: the
/// planar distance in the metric frame from the point to the park polygon
/// (0 when the polygon covers it), GEOS prepared distance
/// (`GEOSPreparedDistance_r`, indexed facets).
///
/// Candidates are visited in order of their envelope's distance, a lower bound
/// of the true distance, and the search stops once that bound exceeds the best
/// distance found; ties go to the lower park index, so the answer does not
/// depend on the visiting order or on the thread count. Each worker prepares
/// its own copies of the park polygons (prepared geometries are per thread).
struct NearestParkSearch {
    let context: CheckContext

    /// - Parameters:
    ///   - points: lon/lat positions.
    ///   - candidateSets: park index lists; query k uses `candidateSets[setOfPoint[k]]`.
    /// - Returns: per point, the nearest candidate park and the distance in metres, or nil without candidates.
    func nearest(points: [Position], candidateSets: [[Int]], setOfPoint: [Int]) throws -> [(park: Int, distance: Double)?] {
        let n = points.count
        guard n > 0 else { return [] }
        let xy = try context.frame.project(points: points)
        let parkMetric = context.parkMetric, boxes = context.parkMetricBoxes
        var parkSlots = [Int](repeating: -1, count: n)
        var distanceSlots = [Double](repeating: .infinity, count: n)
        try parkSlots.withUnsafeMutableBufferPointer { parkBuffer in
            try distanceSlots.withUnsafeMutableBufferPointer { distanceBuffer in
                nonisolated(unsafe) let (parkOut, distanceOut) = (parkBuffer, distanceBuffer)
                try ParallelChunks.run(count: n, chunkSize: 256, threads: context.threads) {
                    var prepared = [PreparedGeometry?](repeating: nil, count: parkMetric.count)
                    return { range in
                        for k in range {
                            let x = xy[2 * k], y = xy[2 * k + 1]
                            guard x.isFinite, y.isFinite else { continue }
                            let candidates = candidateSets[setOfPoint[k]]
                            guard !candidates.isEmpty else { continue }
                            let ordered = candidates.map { (park: $0, bound: Self.boxDistance(boxes[$0], x: x, y: y)) }
                                .sorted { $0.bound != $1.bound ? $0.bound < $1.bound : $0.park < $1.park }
                            let point = try GeometryHandle(.point(Position(x: x, y: y)))
                            var best = -1, bestDistance = Double.infinity
                            for (park, bound) in ordered {
                                if bound > bestDistance { break }
                                if prepared[park] == nil { prepared[park] = try PreparedGeometry(GeometryHandle(parkMetric[park])) }
                                let d = try prepared[park]!.distance(to: point)
                                if d < bestDistance || (d == bestDistance && park < best) {
                                    best = park
                                    bestDistance = d
                                }
                            }
                            parkOut[k] = best
                            distanceOut[k] = bestDistance
                        }
                    }
                }
            }
        }
        return (0..<n).map { parkSlots[$0] >= 0 ? (parkSlots[$0], distanceSlots[$0]) : nil }
    }

    /// Distance from (x, y) to a box, 0 inside it.
    static func boxDistance(_ b: BoundingBox, x: Double, y: Double) -> Double {
        let dx = max(b.minX - x, 0, x - b.maxX), dy = max(b.minY - y, 0, y - b.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
