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
        let ordered = grid.coordinatesInCellOrder
        let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        out.initialize(repeating: 0)
        defer { out.deallocate() }
        nonisolated(unsafe) let result = out
        // In cell order (see `ringSearch(aroundSlot:)`); each result lands at its point's index.
        ParallelRanges.forEach(count: n, threads: threads, minimumChunk: 512) { range in
            ordered.withUnsafeBufferPointer { ordered in
                for s in range {
                    var best2 = Double.infinity
                    grid.ringSearch(aroundSlot: s, ordered: ordered, visit: { _, d2 in if d2 < best2 { best2 = d2 } }, isDone: { best2 <= $0 })
                    result[Int(grid.sortedPoints[s])] = best2.squareRoot()
                }
            }
        }
        return Array(out)
    }
}

extension PointGridIndex {
    /// The nearest-neighbour ring search shared by nearest distances and co-location ties.
    ///
    /// For the point in slot s of `sortedPoints`, visits every other slot in rings of cells
    /// around its cell, ring 0 (the cell itself) first, calling `visit(k, d²)` with the slot and
    /// the squared distance. After ring r every unvisited point is at least r·cellSide away, so
    /// the search stops once `isDone((r·cellSide)²)` holds — `best ≤ reach²` for a distance,
    /// `best < reach²` to keep ties — or when the rings cover the grid.
    ///
    /// `ordered` is `coordinatesInCellOrder`: a ring's row of cells is one contiguous run of
    /// it, and callers query slots in order so consecutive queries share cells (issue 19: read
    /// through point indices, the candidates' coordinates were cache misses at 10 M points).
    @inline(__always)
    func ringSearch(aroundSlot s: Int, ordered xy: UnsafeBufferPointer<Double>, visit: (Int, Double) -> Void, isDone: (Double) -> Bool) {
        let x = xy[2 * s], y = xy[2 * s + 1]
        let cx = min(columns - 1, max(0, Int(((x - originX) / cellSide).rounded(.down))))
        let cy = min(rows - 1, max(0, Int(((y - originY) / cellSide).rounded(.down))))
        let maxRing = max(columns, rows)
        cellStart.withUnsafeBufferPointer { start in
            /// Cells gx0...gx1 of row gy, clipped to the grid: one run of slots.
            func scan(row gy: Int, _ gx0: Int, _ gx1: Int) {
                guard gy >= 0, gy < rows else { return }
                let lo = max(0, gx0), hi = min(columns - 1, gx1)
                guard lo <= hi else { return }
                for k in Int(start[gy * columns + lo])..<Int(start[gy * columns + hi + 1]) where k != s {
                    let dx = xy[2 * k] - x, dy = xy[2 * k + 1] - y
                    visit(k, dx * dx + dy * dy)
                }
            }
            for ring in 0...maxRing {
                if ring == 0 {
                    scan(row: cy, cx, cx)
                } else {
                    scan(row: cy - ring, cx - ring, cx + ring)
                    scan(row: cy + ring, cx - ring, cx + ring)
                    for gy in (cy - ring + 1)...(cy + ring - 1) {
                        scan(row: gy, cx - ring, cx - ring)
                        scan(row: gy, cx + ring, cx + ring)
                    }
                }
                let reach = Double(ring) * cellSide
                if isDone(reach * reach) { break }
            }
        }
    }
}
