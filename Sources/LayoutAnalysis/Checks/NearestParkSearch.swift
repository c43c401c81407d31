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
///
/// Why a `BoxDistanceTree` per candidate set (issue 19): the search used to
/// compute and sort the envelope distance of every candidate for every point,
/// 823 parks × about a million misfit enterprises at a province, the step
/// growing with parks × points. The tree hands out the candidates in exactly
/// that sorted order (envelope distance, then park index) but lazily, so the
/// search evaluates the same parks and gives the same answers while touching
/// only the few parks near each point.
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
        // Ascending, without repeats: the tree's item order is then park order (the tie rule).
        let sets = candidateSets.map { Array(Set($0)).sorted() }
        let used = Set(setOfPoint)
        let trees = sets.indices.map { k in used.contains(k) ? BoxDistanceTree(boxes: sets[k].map { boxes[$0] }) : nil }
        var parkSlots = [Int](repeating: -1, count: n)
        var distanceSlots = [Double](repeating: .infinity, count: n)
        try parkSlots.withUnsafeMutableBufferPointer { parkBuffer in
            try distanceSlots.withUnsafeMutableBufferPointer { distanceBuffer in
                nonisolated(unsafe) let (parkOut, distanceOut) = (parkBuffer, distanceBuffer)
                try ParallelChunks.run(count: n, chunkSize: 256, threads: context.threads) {
                    var prepared = [PreparedGeometry?](repeating: nil, count: parkMetric.count)
                    var queue = BoxDistanceTree.Queue()
                    return { range in
                        for k in range {
                            let x = xy[2 * k], y = xy[2 * k + 1]
                            guard x.isFinite, y.isFinite else { continue }
                            let candidates = sets[setOfPoint[k]]
                            guard !candidates.isEmpty, let tree = trees[setOfPoint[k]] else { continue }
                            let point = try GeometryHandle(.point(Position(x: x, y: y)))
                            var best = -1, bestDistance = Double.infinity
                            try tree.visit(x: x, y: y, queue: &queue) { item, bound in
                                if bound > bestDistance { return false }
                                let park = candidates[item]
                                if prepared[park] == nil { prepared[park] = try PreparedGeometry(GeometryHandle(parkMetric[park])) }
                                let d = try prepared[park]!.distance(to: point)
                                if d < bestDistance || (d == bestDistance && park < best) {
                                    best = park
                                    bestDistance = d
                                }
                                return true
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
}
