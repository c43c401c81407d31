import Glibc

/// Sums of per-point quantities over discs of a fixed radius, for dense bands.
///
/// The plain `PointGridIndex` tests every point of the 3 × 3 cells around a
/// query, so a 1 km band over a city of a million enterprises (≈ 20 000
/// neighbours each) costs ~10¹¹ distance tests. Here cells are `2·radius / m`
/// wide (see below for m): in each row, the run of cells lying wholly inside the disc adds its
/// totals in one step (a difference of the row's prefix sums), cells wholly
/// outside are never visited, and only the points of cells crossing the
/// circle are tested one by one (squared distance ≤ radius²,
/// inclusive, exactly as `PointGridIndex`). A cell counts as wholly inside
/// or outside only with a margin (1e-9 of the radius plus coordinate rounding),
/// so rounding can never move a point across the band edge.
///
/// The cell side comes from the data (not the thread count). A query visits ~ 2·radius/side rows
/// and tests ~ 2.5·k̄·side/radius points of edge cells, for k̄ neighbours on average; the side
/// that balances the two is radius / √(1.27·r·k̄), r being a point test's cost over a row's.
/// `subdivisions` gives m = √(0.31·k̄) (at most 64), the balance for r = 0.24, and the side is
/// 2·radius / m (radius itself when m = 1), the balance for r ≈ 0.06: a row costs the divisions,
/// square roots and prefix loads that place its runs, some 17 point tests. That is what the
/// measured gain of doubling the side implies (17–23 %; the model predicts 21 % for r = 0.06).
/// Halving m instead of rounding a new formula keeps the cells of the old rule (radius / m,
/// doubled by the cap below) wherever the cap had already doubled them once: the 1 M-firm synth
/// city and Mianyang keep their cells, and so their bits. Elsewhere the last bits of Gi* and
/// Moran's I move (z by ≤ 6.4e-13 over the 10 M-firm province, no bin changed) and the step is
/// 17–23 % faster; `Benchmarks/hotspot_cells.md` has the runs, and no dataset measured was slower.
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
/// origin. With the cap of 8n cells, the 1 M-firm city has m = 41 and 48.8 m cells over
/// 70 × 70 km (the cap doubled the old rule's 24.4 m; the new rule gives 48.8 m at once), and the
/// 10 M-firm province m = 40 and 50 m cells over 208 × 198 km, 16.5 M cells. With the old rule's
/// 25 m cells (66 M, 8.5 % occupied) the province was 1.4× slower per point than the city: 83
/// rows a query against 43, with about the same neighbours (5 288 against 5 434 on average, 256
/// samples) and < 1 % of the time in the geodesic ring. Taking queries in column strips, so that
/// the rows they read stay in cache, did not help (measured, same bits): the rows' arithmetic,
/// not memory, is the cost. A sparse grid would save memory but could not change the cells; it
/// was not worth a binary search per row. A row's edge cells are scanned as one run of slots
/// and the cell arithmetic avoids libm calls. The row prefix sums are not held for the whole
/// grid (3 doubles a cell): `RowPrefixes` makes them for the rows around each worker's queries.
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
        // The counting-sort grid is PointGridIndex's, with cells `cellSide` wide.
        // Cap the cell count (the cell starts and the counting sort take 4–12 bytes a cell, and each
        // pass makes every row's prefix sums once: ≤ 8n cells keeps both linear in n); coarser
        // cells stay correct, only slower.
        let grid = PointGridIndex(
            coordinates: xy, radius: radius, cellSide: Self.cellSide(xy: xy, radius: radius),
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

    /// The side of a cell before the cap: 2·radius / m (m = `subdivisions`), or the radius itself
    /// when m is 1. Computed as radius / m doubled, so that it equals, bit for bit, the side the
    /// cap made of radius / m when it doubled it once.
    static func cellSide(xy: [Double], radius: Double) -> Double {
        let m = subdivisions(xy: xy, radius: radius)
        return m >= 2 ? radius / Double(m) * 2 : radius
    }

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

    /// The K channels given per point (`values[i * K + q]`, input order) re-ordered by cell
    /// (`sorted[s * K + q]` for the s-th point of `sortedPoints`): what edge cells add point by
    /// point, and what `RowPrefixes` sums into cell totals.
    func sortedValues(_ values: [Double], channels k: Int) -> [Double] {
        var sorted = [Double](repeating: 0, count: count * k)
        for s in 0..<count {
            let i = Int(sortedPoints[s])
            for q in 0..<k { sorted[s * k + q] = values[i * k + q] }
        }
        return sorted
    }

    /// The rows of per-cell totals, as prefix sums along each row, made on demand for the rows
    /// around the queries of one worker's range: `row(gy)[col * K + q]` is the total of channel q
    /// over the cells of row gy left of `col`.
    ///
    /// Why a window and not the whole grid: the grid of a province has some 66 million cells
    /// (25 m cells over 208 × 198 km, 8.5 % occupied), and its prefix sums held 3 doubles a cell,
    /// 1.6 GB, the peak of `analyze`. Queries come in cell order, so their rows only go up: a ring
    /// of 2·reach + 1 rows (a few MB) serves them, each row made once per range. A row's totals add
    /// its points in `sortedPoints` order and its prefix runs left to right, exactly as the whole
    /// grid's did, so every sum has the same bits.
    final class RowPrefixes {
        let grid: DiscSumGrid
        let k: Int
        let sorted: UnsafeBufferPointer<Double>
        let slots: Int
        let width: Int
        /// `slots` rows of `width` doubles, owned here (freed in deinit).
        let buffer: UnsafeMutablePointer<Double>
        var rowInSlot: [Int]

        /// `sorted` is `sortedValues` of the same K channels; it must outlive this window.
        init(grid: DiscSumGrid, sorted: UnsafeBufferPointer<Double>, channels k: Int) {
            self.grid = grid
            self.k = k
            self.sorted = sorted
            slots = min(grid.rows, 2 * grid.reach + 1)
            width = (grid.columns + 1) * k
            buffer = .allocate(capacity: max(1, slots * width))
            buffer.initialize(repeating: 0, count: max(1, slots * width))
            rowInSlot = [Int](repeating: -1, count: slots)
        }

        deinit { buffer.deallocate() }

        /// The prefix sums of row gy (computed now unless the ring still holds them).
        @inline(__always)
        func row(_ gy: Int) -> UnsafePointer<Double> {
            let slot = gy % slots
            if rowInSlot[slot] != gy { fill(gy, slot: slot) }
            return UnsafePointer(buffer + slot * width)
        }

        private func fill(_ gy: Int, slot: Int) {
            let g = grid, k = self.k, b = buffer + slot * width
            b.update(repeating: 0, count: width)
            let first = Int(g.cellStart[gy * g.columns]), last = Int(g.cellStart[gy * g.columns + g.columns])
            g.sortedXY.withUnsafeBufferPointer { pxy in
                for s in first..<last {
                    let at = (Int((pxy[2 * s] - g.originX) / g.side) + 1) * k
                    for q in 0..<k { b[at + q] += sorted[s * k + q] }
                }
            }
            for gx in 0..<g.columns {
                for q in 0..<k { b[(gx + 1) * k + q] += b[gx * k + q] }
            }
            rowInSlot[slot] = gy
        }
    }

    /// Adds into `out[0..<K]` the K channels summed over every point within `radius` of point i (i included).
    func sum(around i: Int, channels k: Int, rows prefixes: RowPrefixes, sorted: UnsafeBufferPointer<Double>,
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
                        let cells = prefixes.row(gy)
                        for q in 0..<k { out[q] += cells[(b + 1) * k + q] - cells[a * k + q] }
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
