import GeoCore
/// Global Moran's I on a distance band with row-standardised weights
/// (docs/analyses.md §3), with the moments under the normality assumption.
///
/// Neighbours of i: the points j ≠ i with dᵢⱼ ≤ band (coincident points
/// included); wᵢⱼ = 1/kᵢ with kᵢ the neighbour count. An island (kᵢ = 0)
/// keeps an empty row, as libpysal does: it adds nothing to S0, S1, S2 or
/// to Σ zᵢ·lagᵢ (its lag is 0), but it still counts in n and in Σ zᵢ².
///
///     I    = (n/S0) Σᵢ zᵢ lagᵢ / Σᵢ zᵢ²,   zᵢ = yᵢ − ȳ,  lagᵢ = Σⱼ wᵢⱼ zⱼ
///     E[I] = −1/(n − 1)
///     V[I] = (n²S1 − nS2 + 3S0²)/((n² − 1)S0²) − E[I]²
///     S0 = Σᵢⱼ wᵢⱼ,  S1 = ½ Σᵢⱼ (wᵢⱼ + wⱼᵢ)²,  S2 = Σᵢ (wᵢ. + w.ᵢ)²
///
/// z = (I − E[I])/√V[I], p two-sided normal. Matches esda `Moran(y, w)` with
/// `w.transform = "r"` (its `I`, `EI`, `VI_norm`, `z_norm`, `p_norm`).
/// Reference: Cliff & Ord (1981), *Spatial Processes*, ch. 2.
public struct GlobalMoran: Sendable {
    public let i: Double?
    public let expectedI: Double?
    /// Variance under normality.
    public let variance: Double?
    public let z: Double?
    public let p: Double?
    /// Points with no neighbour in the band.
    public let islands: Int
    public let s0: Double
    public let s1: Double
    public let s2: Double

    /// Moran's I on projected coordinates (`xy` interleaved, `band` in the same unit).
    public init(xy: [Double], values: [Double], band: Double, threads: Int = 1) throws {
        try AnalysisError.requireDistance(band, name: "band")
        guard xy.count == 2 * values.count else {
            throw AnalysisError.invalidParameter("\(xy.count / 2) points but \(values.count) values")
        }
        guard xy.allSatisfy(\.isFinite), values.allSatisfy(\.isFinite) else {
            throw AnalysisError.invalidParameter("coordinates and values must be finite")
        }
        let grid = DiscSumGrid(xy: xy, radius: band)
        let mean = SampleMoments(values).mean
        self.init(grid: grid, xy: xy, values: values, threads: threads,
                  neighbourhood: BandNeighbourhood(grid: grid, xy: xy, values: values, mean: mean, threads: threads))
    }

    init(grid: DiscSumGrid, xy: [Double], values y: [Double], threads: Int, neighbourhood band: BandNeighbourhood) {
        let n = y.count
        let moments = SampleMoments(y)
        let k = band.counts.map { Double($0 - 1) }
        // Second pass, over disc sums of wⱼ = 1/kⱼ and wⱼ²: per point i, its share of 2·S1,
        // Σⱼ≠ᵢ (wᵢ + wⱼ)² = kᵢwᵢ² + 2wᵢΣwⱼ + Σwⱼ², and its column sum w.ᵢ = Σⱼ≠ᵢ wⱼ.
        var perPoint = [Double](repeating: 0, count: 2 * n)
        for i in 0..<n where k[i] > 0 {
            perPoint[2 * i] = 1 / k[i]
            perPoint[2 * i + 1] = 1 / (k[i] * k[i])
        }
        let weights = perPoint
        let sortedValues = grid.sortedValues(weights, channels: 2)
        let s1Parts = HotspotBuffer<Double>(repeating: 0, count: n)
        let columnSums = HotspotBuffer<Double>(repeating: 0, count: n)
        ParallelRanges.forEach(count: n, threads: threads) { range in
            sortedValues.withUnsafeBufferPointer { sorted in
                let prefixes = DiscSumGrid.RowPrefixes(grid: grid, sorted: sorted, channels: 2)
                xy.withUnsafeBufferPointer { xy in
                    var out = (0.0, 0.0)
                    // In cell order, so consecutive queries touch the same rows of the grid (cache).
                    for s in range {
                        let i = Int(grid.sortedPoints[s])
                        guard k[i] > 0 else { continue }
                        out = (0, 0)
                        withUnsafeMutablePointer(to: &out) {
                            $0.withMemoryRebound(to: Double.self, capacity: 2) { p in
                                grid.sum(around: i, channels: 2, rows: prefixes, sorted: sorted, xy: xy, into: p)
                            }
                        }
                        let wi = weights[2 * i]
                        let others = out.0 - wi, othersSquared = out.1 - weights[2 * i + 1]
                        s1Parts[i] = k[i] * wi * wi + 2 * wi * others + othersSquared
                        columnSums[i] = others
                    }
                }
            }
        }
        // Reductions in index order: identical for every thread count.
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, cross = 0.0
        var islands = 0
        for i in 0..<n {
            guard k[i] > 0 else {
                islands += 1
                continue
            }
            s0 += 1
            s1 += s1Parts[i]
            let rowPlusColumn = 1 + columnSums[i]
            s2 += rowPlusColumn * rowPlusColumn
            cross += (y[i] - moments.mean) * band.centredLagSums[i] / k[i]
        }
        s1 *= 0.5
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
        self.islands = islands
        let nd = Double(n)
        guard n > 1, s0 > 0, moments.sumOfSquares > 0 else {
            i = nil; expectedI = n > 1 ? -1 / (nd - 1) : nil; variance = nil; z = nil; p = nil
            return
        }
        let moranI = nd / s0 * cross / moments.sumOfSquares
        let e = -1 / (nd - 1)
        let v = (nd * nd * s1 - nd * s2 + 3 * s0 * s0) / ((nd * nd - 1) * s0 * s0) - e * e
        i = moranI
        expectedI = e
        variance = v
        if v > 0 {
            let zi = (moranI - e) / v.squareRoot()
            z = zi
            p = HotspotSignificance.twoSidedP(zi)
        } else {
            z = nil
            p = nil
        }
    }
}
