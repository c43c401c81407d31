import GeoCore
/// Ripley's K and L functions without edge correction, pointpats convention.
///
/// Units: radii in metres, K in m², L in metres; A = study area in m².
/// K(r) = A · 2·#{pairs i<j : dᵢⱼ < r} / n²  (strict <, n², no edge correction),
/// L(r) = √(K(r)/π). This is `pointpats.distance_statistics.k` / `l` with the area A
/// (pointpats takes A from the points' bounding box).
///
/// Counting: for each point and radius, #{j : dᵢⱼ < r} on a fine grid (cell side about
/// r_min / 8). In each row of cells, the cells lying wholly inside the disc (every corner
/// closer than r by a margin of 1 µm) form one run whose points are counted from the grid's
/// prefix sums in O(1); only the cells the circle crosses are scanned point by point, with
/// the distance √(dx² + dy²) as scipy's `pdist` computes it. Summed over i this counts each
/// pair twice and each point once (dᵢᵢ = 0 < r), so pairs = (total − n) / 2. Cost per point is
/// O(rows + points near the circle) instead of O(points in the disc), which is what makes
/// large radii on dense patterns affordable. Workers count disjoint ranges of points into
/// integer totals, so the result does not depend on the thread count.
public enum RipleyK {
    /// Pair counts #{i<j : dᵢⱼ < r} for each radius, in the order given.
    /// Throws for a non-finite coordinate or a radius that is not a finite distance ≥ 1 mm.
    public static func pairCounts(coordinates xy: [Double], radii: [Double], threads: Int = 1) throws(AnalysisError) -> [Int] {
        try validate(coordinates: xy, radii: radii)
        return countPairs(coordinates: xy, radii: radii, threads: threads)
    }

    /// K(r) = A·2·pairs/n² for each radius; nil when n < 2. Throws as `pairCounts`.
    public static func k(coordinates xy: [Double], radii: [Double], area: Double, threads: Int = 1) throws(AnalysisError) -> [Double]? {
        try validate(coordinates: xy, radii: radii)
        return kUnchecked(coordinates: xy, radii: radii, area: area, threads: threads)
    }

    static func validate(coordinates xy: [Double], radii: [Double]) throws(AnalysisError) {
        for r in radii { try AnalysisError.requireDistance(r, name: "a K radius") }
        try AnalysisError.requireFinite(xy, what: "Ripley's K")
    }

    /// `pairCounts` on inputs already validated (the simulations' uniform patterns).
    static func countPairs(coordinates xy: [Double], radii: [Double], threads: Int) -> [Int] {
        let n = xy.count / 2
        guard n >= 2, let rMin = radii.min(), rMin > 0 else { return radii.map { _ in 0 } }
        let grid = PointGridIndex(coordinates: xy, radius: rMin / 8)
        let workers = max(1, min(threads, n / 256 + 1))
        let totals = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers * radii.count)
        totals.initialize(repeating: 0)
        defer { totals.deallocate() }
        nonisolated(unsafe) let out = totals
        let chunk = (n + workers - 1) / workers
        let ordered = grid.coordinatesInCellOrder
        ParallelRanges.forEach(count: workers, threads: workers, minimumChunk: 1) { range in
            ordered.withUnsafeBufferPointer { cellXY in
                for w in range {
                    for i in (w * chunk)..<min(n, (w + 1) * chunk) {
                        for (k, r) in radii.enumerated() {
                            out[w * radii.count + k] += grid.countWithin(r, x: xy[2 * i], y: xy[2 * i + 1], cellOrdered: cellXY)
                        }
                    }
                }
            }
        }
        return radii.indices.map { k in
            var ordered = 0
            for w in 0..<workers { ordered += totals[w * radii.count + k] }
            return (ordered - n) / 2
        }
    }

    /// `k` on inputs already validated.
    static func kUnchecked(coordinates xy: [Double], radii: [Double], area: Double, threads: Int) -> [Double]? {
        let n = xy.count / 2
        guard n >= 2 else { return nil }
        let nd = Double(n)
        return countPairs(coordinates: xy, radii: radii, threads: threads).map { area * 2 * Double($0) / (nd * nd) }
    }

    /// L(r) = √(K(r)/π).
    public static func l(fromK k: [Double]) -> [Double] { k.map { ($0 / Double.pi).squareRoot() } }
}

extension PointGridIndex {
    /// #{j : d((x, y), j) < r} (strict <, any r > 0); a point at (x, y) counts itself.
    /// `cellOrdered` holds the coordinates in `sortedPoints` order.
    func countWithin(_ r: Double, x: Double, y: Double, cellOrdered: UnsafeBufferPointer<Double>) -> Int {
        let s = cellSide
        // Safety margin for whole-cell decisions: far above coordinate rounding (~1e-9 m),
        // far below any meaningful distance; cells within it of the circle are scanned exactly.
        let margin = 1e-6
        let r2 = r * r
        let rowLo = max(0, Int(((y - r - originY) / s).rounded(.down)))
        let rowHi = min(rows - 1, Int(((y + r - originY) / s).rounded(.down)))
        guard rowLo <= rowHi else { return 0 }
        var count = 0
        let xyb = cellOrdered
        cellStart.withUnsafeBufferPointer { start in
            func scan(_ row: Int, _ lo: Int, _ hi: Int) {
                guard lo <= hi else { return }
                for k in Int(start[row * columns + lo])..<Int(start[row * columns + hi + 1]) {
                    let dx = xyb[2 * k] - x, dy = xyb[2 * k + 1] - y
                    if (dx * dx + dy * dy).squareRoot() < r { count += 1 }
                }
            }
            for row in rowLo...rowHi {
                let y0 = originY + Double(row) * s, y1 = y0 + s
                let dyMin = y < y0 ? y0 - y : (y > y1 ? y - y1 : 0)
                let dyMax = max(abs(y - y0), abs(y - y1))
                guard dyMin < r + margin else { continue }
                // Columns the disc may touch.
                let outer = (max(0, r2 - dyMin * dyMin)).squareRoot() + margin
                let c0 = max(0, Int(((x - outer - originX) / s).rounded(.down)))
                let c1 = min(columns - 1, Int(((x + outer - originX) / s).rounded(.down)))
                guard c0 <= c1 else { continue }
                // Columns wholly inside: every point of the cell closer than r − margin.
                let innerR = r - margin
                if dyMax < innerR {
                    let inner = (innerR * innerR - dyMax * dyMax).squareRoot()
                    var a = Int(((x - inner - originX) / s).rounded(.up))
                    var b = Int(((x + inner - originX) / s).rounded(.down)) - 1
                    a = max(a, c0); b = min(b, c1)
                    if a <= b {
                        count += Int(start[row * columns + b + 1] - start[row * columns + a])
                        scan(row, c0, a - 1)
                        scan(row, b + 1, c1)
                        continue
                    }
                }
                scan(row, c0, c1)
            }
        }
        return count
    }
}
