/// A uniform grid over projected points for fixed-radius neighbour queries.
///
/// With a cell side equal to the query radius, the neighbours of a point lie
/// in its own and the 8 surrounding cells, so a query costs O(local density)
/// and building costs O(n) (a counting sort by cell). This is what keeps
/// DBSCAN and Gi* at O(n log n) or better without materialising all
/// neighbourhoods at once.
///
/// Distance test: squared Euclidean distance ≤ radius² (inclusive), the
/// reduced-distance test scikit-learn's and libpysal's KD-trees use.
public struct PointGridIndex: Sendable {
    /// Interleaved coordinates `x0, y0, x1, y1, …` in metres.
    public let coordinates: [Double]
    public let radius: Double
    let originX: Double
    let originY: Double
    let columns: Int
    let rows: Int
    /// Point indices sorted by cell; `cellStart[c] ..< cellStart[c + 1]` are cell c's.
    let sortedPoints: [Int32]
    let cellStart: [Int32]

    public var count: Int { coordinates.count / 2 }

    /// Builds the grid. `radius` must be positive and finite.
    public init(coordinates: [Double], radius: Double) {
        self.init(coordinates: coordinates, radius: radius, cellSide: radius, maxCells: max(4 * (coordinates.count / 2), 1024))
    }

    /// A grid of finer (or coarser) cells than the query radius, for analyses
    /// that sum whole cells (hot spots, Ripley's K). Cells start `cellSide`
    /// wide and double until there are at most `maxCells`.
    init(coordinates: [Double], radius: Double, cellSide: Double, maxCells: Int) {
        precondition(radius > 0 && radius.isFinite && cellSide > 0 && cellSide.isFinite, "radius and cell side must be positive")
        self.coordinates = coordinates
        self.radius = radius
        let n = coordinates.count / 2
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, coordinates[2 * i]); maxX = max(maxX, coordinates[2 * i])
            minY = min(minY, coordinates[2 * i + 1]); maxY = max(maxY, coordinates[2 * i + 1])
        }
        if n == 0 { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        originX = minX
        originY = minY
        // Cap the cell count so a tiny radius over a huge extent cannot exhaust memory;
        // larger cells only make queries scan more points, never miss one.
        var cell = cellSide
        while ((maxX - minX) / cell + 1) * ((maxY - minY) / cell + 1) > Double(maxCells) { cell *= 2 }
        self.cellSide = cell
        columns = Int((maxX - minX) / cell) + 1
        rows = Int((maxY - minY) / cell) + 1
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let c = Int((coordinates[2 * i] - minX) / cell) + Int((coordinates[2 * i + 1] - minY) / cell) * columns
            cellOf[i] = Int32(c)
            counts[c + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var fill = counts
        var sorted = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let c = Int(cellOf[i])
            sorted[Int(fill[c])] = Int32(i)
            fill[c] += 1
        }
        sortedPoints = sorted
        cellStart = counts
    }

    let cellSide: Double

    /// The coordinates re-ordered to `sortedPoints` order, so scanning a cell reads
    /// contiguous memory (for analyses that visit every point of many cells).
    var coordinatesInCellOrder: [Double] {
        var ordered = [Double](repeating: 0, count: coordinates.count)
        for (k, j) in sortedPoints.enumerated() {
            ordered[2 * k] = coordinates[2 * Int(j)]
            ordered[2 * k + 1] = coordinates[2 * Int(j) + 1]
        }
        return ordered
    }

    /// Calls `body` with every point j (including i itself) with d(i, j) ≤ radius, in ascending
    /// cell order (not index order).
    @inlinable
    public func forEachNeighbor(of i: Int, _ body: (Int) -> Void) {
        forEachNeighbor(x: coordinates[2 * i], y: coordinates[2 * i + 1], body)
    }

    /// Calls `body` with every point within `radius` of (x, y).
    public func forEachNeighbor(x: Double, y: Double, _ body: (Int) -> Void) {
        let r2 = radius * radius
        let reach = Int((radius / cellSide).rounded(.up))
        let cx = Int(((x - originX) / cellSide).rounded(.down))
        let cy = Int(((y - originY) / cellSide).rounded(.down))
        coordinates.withUnsafeBufferPointer { xy in
            sortedPoints.withUnsafeBufferPointer { sorted in
                let rowLo = max(0, cy - reach), rowHi = min(rows - 1, cy + reach)
                guard rowLo <= rowHi else { return }
                for gy in rowLo...rowHi {
                    let lo = max(0, cx - reach), hi = min(columns - 1, cx + reach)
                    guard lo <= hi else { continue }
                    let start = Int(cellStart[gy * columns + lo]), end = Int(cellStart[gy * columns + hi + 1])
                    for k in start..<end {
                        let j = Int(sorted[k])
                        let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                        if dx * dx + dy * dy <= r2 { body(j) }
                    }
                }
            }
        }
    }

    /// Neighbour indices of point i (including i), sorted ascending.
    public func neighbors(of i: Int) -> [Int] {
        var out: [Int] = []
        forEachNeighbor(of: i) { out.append($0) }
        out.sort()
        return out
    }
}
