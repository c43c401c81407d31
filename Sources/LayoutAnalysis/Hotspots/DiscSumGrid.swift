import Glibc

/// Sums of per-point quantities over discs of a fixed radius, for dense bands.
///
/// The plain `PointGridIndex` tests every point of the 3 × 3 cells around a
/// query, so a 1 km band over a city of a million enterprises (≈ 20 000
/// neighbours each) costs ~10¹¹ distance tests. Here cells are `radius / m`
/// wide: in each row, the run of cells lying wholly inside the disc adds its
/// totals in one step (a difference of the row's prefix sums), cells wholly
/// outside are never visited, and only the points of cells crossing the
/// circle are tested one by one (squared distance ≤ radius²,
/// inclusive, exactly as `PointGridIndex`). A cell counts as wholly inside
/// or outside only with a margin (1e-9 of the radius plus coordinate rounding),
/// so rounding can never move a point across the band edge. m is chosen from the data (not the thread
/// count), balancing rows visited, ~ 8m edge-cell operations, against points
/// tested, ~ 2.5·k̄/m for k̄ neighbours on average: m ≈ √(0.31·k̄), at most 64.
///
/// With a geodesic `DistanceThreshold` the band is the ellipsoidal distance: cells count as
/// wholly inside only within the threshold's inner radius (k₀·band − τ, where the plane is
/// conservative), the scan reaches out to its search radius, and edge-cell points in the ring
/// between are decided by the threshold (the geodesic). For a Gauss–Krüger frame the inner test
/// is the planar one unchanged, so a dataset with no pair in the ring sums in the same order
/// and gives the same bits.
///
/// Why the grid stays dense over the bounding box (issue 19, measured): a point's sums are
/// added row by row, whole runs as prefix differences, so the bits depend on the cell side and
/// origin. Those must stay as they are for Gi* and Moran's I to keep their values, and with
/// them the cap of 8n cells, which binds in the 1 M-firm city (m = 41: 24.4 m doubled to
/// 48.8 m over 70 × 70 km) but not in the 10 M-firm province (m = 40: 25 m over 208 × 198 km,
/// 66 M cells, 8.5 % occupied). A sparse grid would save memory but could not change the
/// cells; it was not worth a binary search per row. The province is slower per point than the
/// city because its finer cells mean 83 rows and twice the edge cells per query against the
/// city's 43 — not because of the data (mean neighbours in the band, 256 samples: 5 434 in the
/// city, 5 288 in the province) nor the geodesic ring (< 1 % of the time). So a row's edge
/// cells are scanned as one run of slots and the cell arithmetic avoids libm calls.
struct DiscSumGrid: Sendable {
    let radius: Double
    let threshold: DistanceThreshold
    let side: Double
    let reach: Int
    let originX: Double
    let originY: Double
    let columns: Int
    let rows: Int
    /// Point indices in cell order and the cell ranges into it.
    let sortedPoints: [Int32]
    let cellStart: [Int32]
    /// Coordinates in cell order, interleaved.
    let sortedXY: [Double]

    init(xy: [Double], radius: Double) {
        self.init(xy: xy, threshold: DistanceThreshold(planar: radius))
    }

    /// The grid for `threshold` (its `distance` is the band); `xy` in the threshold's point order.
    init(xy: [Double], threshold: DistanceThreshold) {
        let radius = threshold.distance
        precondition(radius > 0 && radius.isFinite)
        self.radius = radius
        self.threshold = threshold
        let n = xy.count / 2
        // The counting-sort grid is PointGridIndex's, with cells radius / m wide.
        // Cap the cell count (the row prefix sums hold K doubles per cell: ≤ 8n cells keeps them
        // within ~200 bytes per point); coarser cells stay correct, only slower.
        let grid = PointGridIndex(
            coordinates: xy, radius: radius, cellSide: radius / Double(Self.subdivisions(xy: xy, radius: radius)),
            maxCells: max(8 * n, 1 << 16))
        side = grid.cellSide
        reach = Int((threshold.searchRadius / side).rounded(.up))
        originX = grid.originX
        originY = grid.originY
        columns = grid.columns
        rows = grid.rows
        sortedPoints = grid.sortedPoints
        cellStart = grid.cellStart
        sortedXY = grid.coordinatesInCellOrder
    }

    var count: Int { sortedPoints.count }

    /// m from the mean neighbour count of up to 256 evenly spaced sample points.
    static func subdivisions(xy: [Double], radius: Double) -> Int {
        let n = xy.count / 2
        guard n > 0 else { return 1 }
        let coarse = PointGridIndex(coordinates: xy, radius: radius)
        let step = max(1, n / 256)
        var total = 0, samples = 0
        for i in stride(from: 0, to: n, by: step) {
            coarse.forEachNeighbor(of: i) { _ in total += 1 }
            samples += 1
        }
        let mean = Double(total) / Double(samples)
        return min(64, max(1, Int((0.31 * mean).squareRoot().rounded())))
    }

    /// Per-cell totals of K channels given per point (`values[i * K + q]`, input order), as
    /// prefix sums along each row: `cells[(row * (columns + 1) + col) * K + q]` is the total of
    /// the cells left of `col`; and the values re-ordered by cell.
    ///
    /// Each cell's total is summed in slot order into the prefix slot right of the cell, and the
    /// row is then accumulated in place: the same additions as a separate totals array (a + b
    /// and b + a are the same bits), without that array, which was as large as the prefix sums
    /// (1.6 GB for three channels over the 10 M-firm province's 66 M cells). The cell of a slot
    /// comes from its coordinates by `PointGridIndex`'s own filing expression, in O(n), not
    /// from a pass over every cell.
    func cellTotals(_ values: [Double], channels k: Int) -> (cells: [Double], sorted: [Double]) {
        var prefix = [Double](repeating: 0, count: (columns + 1) * rows * k)
        var sorted = [Double](repeating: 0, count: count * k)
        for s in 0..<count {
            let i = Int(sortedPoints[s])
            let gx = Int((sortedXY[2 * s] - originX) / side), gy = Int((sortedXY[2 * s + 1] - originY) / side)
            let slot = (gy * (columns + 1) + gx + 1) * k
            for q in 0..<k {
                sorted[s * k + q] = values[i * k + q]
                prefix[slot + q] += values[i * k + q]
            }
        }
        for gy in 0..<rows {
            let base = gy * (columns + 1) * k
            for gx in 0..<columns {
                for q in 0..<k { prefix[base + (gx + 1) * k + q] += prefix[base + gx * k + q] }
            }
        }
        return (prefix, sorted)
    }

    /// Adds into `out[0..<K]` the K channels summed over every point within `radius` of point i (i included).
    func sum(around i: Int, channels k: Int, cells: UnsafeBufferPointer<Double>, sorted: UnsafeBufferPointer<Double>,
             xy: UnsafeBufferPointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let x = xy[2 * i], y = xy[2 * i + 1]
        // Slack for the rounding of cell edges and of the cell a point was filed under.
        let slack = 1e-9 * radius + 1e-12 * (abs(originX) + abs(originY) + abs(x) + abs(y) + side)
        // Wholly inside: within the threshold's inner radius (the plane's own radius whenever the
        // slack already covers the gap, so a Gauss–Krüger frame classifies cells as before).
        let innerRadius = threshold.innerRadius >= radius - slack ? radius - slack : threshold.innerRadius - slack
        let inner = innerRadius > 0 ? innerRadius * innerRadius : 0
        let outerRadius = threshold.searchRadius + slack, outer = outerRadius * outerRadius
        // Point tests: within in the plane for certain, or in the ring the geodesic decides.
        let inPlane = threshold.innerSquared, ring = threshold.outerSquared
        let cx = Self.floor((x - originX) / side)
        let cy = Self.floor((y - originY) / side)
        let rowLo = max(0, cy - reach), rowHi = min(rows - 1, cy + reach)
        let colLo = max(0, cx - reach), colHi = min(columns - 1, cx + reach)
        guard rowLo <= rowHi, colLo <= colHi else { return }
        sortedXY.withUnsafeBufferPointer { pxy in
            cellStart.withUnsafeBufferPointer { start in
                for gy in rowLo...rowHi {
                    let y0 = originY + Double(gy) * side, y1 = y0 + side
                    let nearY = y < y0 ? y0 - y : (y > y1 ? y - y1 : 0)
                    let farY = max(abs(y - y0), abs(y - y1))
                    let outerX2 = outer - nearY * nearY
                    guard outerX2 >= 0 else { continue }
                    let g = outerX2.squareRoot()
                    let lo = max(colLo, Self.floor((x - g - originX) / side))
                    let hi = min(colHi, Self.floor((x + g - originX) / side))
                    guard lo <= hi else { continue }
                    let rowBase = gy * (columns + 1) * k
                    func wholeInside(_ gx: Int) -> Bool {
                        let x0 = originX + Double(gx) * side, x1 = x0 + side
                        let farX = max(abs(x - x0), abs(x - x1))
                        return farX * farX + farY * farY < inner
                    }
                    // The run of cells wholly inside (contiguous: the far distance is convex in x),
                    // from the circle's chord, then checked cell-exactly at both ends.
                    var a = hi + 1, b = hi
                    let innerX2 = inner - farY * farY
                    if innerX2 > 0 {
                        let h = innerX2.squareRoot()
                        a = max(lo, Self.ceil((x - h - originX) / side))
                        b = min(hi, Self.floor((x + h - originX) / side) - 1)
                        while a <= b && !wholeInside(a) { a += 1 }
                        while b >= a && !wholeInside(b) { b -= 1 }
                    }
                    // Cells g0...g1 of the row hold one contiguous run of slots: their points are
                    // tested in one loop, in the same order as cell by cell.
                    func edgeCells(_ g0: Int, _ g1: Int) {
                        let c = gy * columns
                        for s in Int(start[c + g0])..<Int(start[c + g1 + 1]) {
                            let dx = pxy[2 * s] - x, dy = pxy[2 * s + 1] - y
                            let d2 = dx * dx + dy * dy
                            if d2 <= inPlane
                                || (d2 <= ring && threshold.ringContains(i, Int(sortedPoints[s]), squared: d2, xi: x, xj: pxy[2 * s])) {
                                for q in 0..<k { out[q] += sorted[s * k + q] }
                            }
                        }
                    }
                    if a <= b {
                        for q in 0..<k { out[q] += cells[rowBase + (b + 1) * k + q] - cells[rowBase + a * k + q] }
                        if lo < a { edgeCells(lo, a - 1) }
                        if b < hi { edgeCells(b + 1, hi) }
                    } else {
                        edgeCells(lo, hi)
                    }
                }
            }
        }
    }

    /// ⌊v⌋ and ⌈v⌉ as integers, without a call to libm per row (`rounded(.down)` was one here);
    /// exact for |v| < 2⁶³, so the cells chosen are the same.
    @inline(__always)
    static func floor(_ v: Double) -> Int {
        let t = Int(v)
        return Double(t) > v ? t - 1 : t
    }

    @inline(__always)
    static func ceil(_ v: Double) -> Int {
        let t = Int(v)
        return Double(t) < v ? t + 1 : t
    }
}
