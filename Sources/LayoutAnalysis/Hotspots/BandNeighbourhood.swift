import GeoCore
/// Per-point sums over a binary distance band, shared by Gi* and Moran's I.
///
/// For each point i, over the points j with d(i, j) ≤ band (inclusive, the
/// point itself and coincident points included): the count Wᵢ and Σ yⱼ; and
/// Σ (yⱼ − ȳ) over j ≠ i for the spatial lag. Disc sums come from
/// `DiscSumGrid` (whole cells added at once, only cells crossing the circle
/// tested point by point), never an n² loop. Each point's sums are computed
/// by one thread in a fixed cell order, so results do not depend on threads.
struct BandNeighbourhood: Sendable {
    /// Wᵢ: points within the band, i itself included.
    let counts: [Int32]
    /// Σⱼ yⱼ over the band, i included.
    let sums: [Double]
    /// Σⱼ≠ᵢ (yⱼ − ȳ) over the band.
    let centredLagSums: [Double]

    init(grid: DiscSumGrid, xy: [Double], values y: [Double], mean: Double, threads: Int) {
        let n = y.count
        var channels = [Double](repeating: 0, count: 3 * n)
        for i in 0..<n {
            channels[3 * i] = 1
            channels[3 * i + 1] = y[i]
            channels[3 * i + 2] = y[i] - mean
        }
        let sortedValues = grid.sortedValues(channels, channels: 3)
        let counts = HotspotBuffer<Int32>(repeating: 0, count: n)
        let sums = HotspotBuffer<Double>(repeating: 0, count: n)
        let lags = HotspotBuffer<Double>(repeating: 0, count: n)
        ParallelRanges.forEach(count: n, threads: threads) { range in
            sortedValues.withUnsafeBufferPointer { sorted in
                let prefixes = DiscSumGrid.RowPrefixes(grid: grid, sorted: sorted, channels: 3)
                xy.withUnsafeBufferPointer { xy in
                    var out = (0.0, 0.0, 0.0)
                    // In cell order, so consecutive queries touch the same rows of the grid (cache).
                    for s in range {
                        let i = Int(grid.sortedPoints[s])
                        out = (0, 0, 0)
                        withUnsafeMutablePointer(to: &out) {
                            $0.withMemoryRebound(to: Double.self, capacity: 3) { p in
                                grid.sum(around: i, channels: 3, rows: prefixes, sorted: sorted, xy: xy, into: p)
                            }
                        }
                        counts[i] = Int32(out.0)
                        sums[i] = out.1
                        lags[i] = out.2 - (y[i] - mean)
                    }
                }
            }
        }
        self.counts = counts.array
        self.sums = sums.array
        self.centredLagSums = lags.array
    }
}
