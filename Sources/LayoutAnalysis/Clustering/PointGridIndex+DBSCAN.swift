/// Grid queries that DBSCAN needs beyond `forEachNeighbor`: a count that stops early, and
/// a neighbour scan that skips whole cells.
extension PointGridIndex {
    /// Number of cells (row-major, `columns × rows`).
    var cellCount: Int { columns * rows }

    /// The cell holding point i (the same arithmetic as the index build).
    func cell(of i: Int) -> Int {
        Int((coordinates[2 * i] - originX) / cellSide) + Int((coordinates[2 * i + 1] - originY) / cellSide) * columns
    }

    /// min(limit, number of points within the threshold of point i, itself included); the
    /// threshold is `radius` in the plane unless given (its `searchRadius` must not exceed `radius`).
    /// Stops as soon as `limit` is reached: deciding "core" needs only min_points
    /// neighbours, while a dense park can hold hundreds within eps.
    func countNeighbors(of i: Int, upTo limit: Int) -> Int {
        countNeighbors(of: i, upTo: limit, threshold: DistanceThreshold(planar: radius))
    }

    func countNeighbors(of i: Int, upTo limit: Int, threshold t: DistanceThreshold) -> Int {
        let x = coordinates[2 * i], y = coordinates[2 * i + 1]
        let reach = Int((radius / cellSide).rounded(.up))
        let cx = Int((x - originX) / cellSide), cy = Int((y - originY) / cellSide)
        var count = 0
        return coordinates.withUnsafeBufferPointer { xy in
            sortedPoints.withUnsafeBufferPointer { sorted in
                // Own cell first: the likeliest place for close neighbours.
                let own = cy * columns + cx
                for k in Int(cellStart[own])..<Int(cellStart[own + 1]) {
                    let j = Int(sorted[k])
                    let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                    if t.contains(i, j, squared: dx * dx + dy * dy, xi: x, xj: xy[2 * j]) {
                        count += 1
                        if count >= limit { return count }
                    }
                }
                for gy in max(0, cy - reach)...min(rows - 1, cy + reach) {
                    for gx in max(0, cx - reach)...min(columns - 1, cx + reach) where gx != cx || gy != cy {
                        let c = gy * columns + gx
                        for k in Int(cellStart[c])..<Int(cellStart[c + 1]) {
                            let j = Int(sorted[k])
                            let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                            if t.contains(i, j, squared: dx * dx + dy * dy, xi: x, xj: xy[2 * j]) {
                                count += 1
                                if count >= limit { return count }
                            }
                        }
                    }
                }
                return count
            }
        }
    }

    /// Like `forEachNeighbor(of:)`, but cells for which `skip(cell)` is true are not scanned, and
    /// neighbours are those of `threshold` (default: `radius` in the plane).
    func forEachNeighbor(
        of i: Int, threshold: DistanceThreshold? = nil, skippingCells skip: (Int) -> Bool, _ body: (Int) -> Void
    ) {
        let t = threshold ?? DistanceThreshold(planar: radius)
        let x = coordinates[2 * i], y = coordinates[2 * i + 1]
        let reach = Int((radius / cellSide).rounded(.up))
        let cx = Int((x - originX) / cellSide), cy = Int((y - originY) / cellSide)
        coordinates.withUnsafeBufferPointer { xy in
            sortedPoints.withUnsafeBufferPointer { sorted in
                for gy in max(0, cy - reach)...min(rows - 1, cy + reach) {
                    for gx in max(0, cx - reach)...min(columns - 1, cx + reach) {
                        let c = gy * columns + gx
                        if skip(c) { continue }
                        for k in Int(cellStart[c])..<Int(cellStart[c + 1]) {
                            let j = Int(sorted[k])
                            let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                            if t.contains(i, j, squared: dx * dx + dy * dy, xi: x, xj: xy[2 * j]) { body(j) }
                        }
                    }
                }
            }
        }
    }
}
