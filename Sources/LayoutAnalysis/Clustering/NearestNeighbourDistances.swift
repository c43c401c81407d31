import GeoCore
/// Distance from every point to its nearest other point, by a ring search on a grid.
///
/// Units: metres (projected coordinates). Coincident points are each other's nearest
/// neighbour at distance 0, as in scipy's `cKDTree.query(k=2)` that pointpats uses.
///
/// The grid's cell side is about the mean spacing √(A/n) of the points' bounding box, so a
/// query inspects O(1) cells on average; rings of cells around the query cell are searched
/// outwards until the best distance found is ≤ k·side after ring k (every point in a farther
/// ring is at least that far). Building is O(n), all queries O(n) expected, split over threads.
enum NearestNeighbourDistances {
    /// Nearest-other-point distance per point; empty for fewer than 2 points.
    static func compute(coordinates xy: [Double], threads: Int) -> [Double] {
        let n = xy.count / 2
        guard n >= 2 else { return [] }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, xy[2 * i]); maxX = max(maxX, xy[2 * i])
            minY = min(minY, xy[2 * i + 1]); maxY = max(maxY, xy[2 * i + 1])
        }
        let w = maxX - minX, h = maxY - minY
        // Mean spacing; for collinear or coincident points fall back to length / n, then 1 m.
        var side = (w * h / Double(n)).squareRoot()
        if !(side > 0) { side = max(w, h) / Double(n) }
        if !(side > 0) { side = 1 }
        let grid = PointGridIndex(coordinates: xy, radius: side)
        let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        out.initialize(repeating: 0)
        defer { out.deallocate() }
        nonisolated(unsafe) let result = out
        ParallelRanges.forEach(count: n, threads: threads, minimumChunk: 512) { range in
            for i in range { result[i] = grid.nearestOtherDistance(of: i) }
        }
        return Array(out)
    }
}

extension PointGridIndex {
    /// Distance from point i to the nearest other point (`ringSearch`; a tie at the ring's reach ends it).
    func nearestOtherDistance(of i: Int) -> Double {
        var best2 = Double.infinity
        ringSearch(around: i, visit: { _, d2 in if d2 < best2 { best2 = d2 } }, isDone: { best2 <= $0 })
        return best2.squareRoot()
    }

    /// The nearest-neighbour ring search shared by nearest distances and co-location ties.
    ///
    /// Visits every other point in rings of cells around point i's cell, ring 0 (the cell
    /// itself) first, calling `visit(j, d²)` with its squared distance. After ring r every
    /// unvisited point is at least r·cellSide away, so the search stops once
    /// `isDone((r·cellSide)²)` holds — `best ≤ reach²` for a distance, `best < reach²` to keep
    /// ties — or when the rings cover the grid.
    @inline(__always)
    func ringSearch(around i: Int, visit: (Int, Double) -> Void, isDone: (Double) -> Bool) {
        let x = coordinates[2 * i], y = coordinates[2 * i + 1]
        let cx = min(columns - 1, max(0, Int(((x - originX) / cellSide).rounded(.down))))
        let cy = min(rows - 1, max(0, Int(((y - originY) / cellSide).rounded(.down))))
        let maxRing = max(columns, rows)
        coordinates.withUnsafeBufferPointer { xy in
            sortedPoints.withUnsafeBufferPointer { sorted in
                func scan(_ gx: Int, _ gy: Int) {
                    guard gx >= 0, gx < columns, gy >= 0, gy < rows else { return }
                    let c = gy * columns + gx
                    for k in Int(cellStart[c])..<Int(cellStart[c + 1]) {
                        let j = Int(sorted[k])
                        if j == i { continue }
                        let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                        visit(j, dx * dx + dy * dy)
                    }
                }
                for ring in 0...maxRing {
                    if ring == 0 {
                        scan(cx, cy)
                    } else {
                        for gx in (cx - ring)...(cx + ring) {
                            scan(gx, cy - ring)
                            scan(gx, cy + ring)
                        }
                        for gy in (cy - ring + 1)...(cy + ring - 1) {
                            scan(cx - ring, gy)
                            scan(cx + ring, gy)
                        }
                    }
                    let reach = Double(ring) * cellSide
                    if isDone(reach * reach) { break }
                }
            }
        }
    }
}
