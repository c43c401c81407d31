/// Per-point sums over a binary distance band, shared by Gi* and Moran's I.
///
/// For each point i, over the points j with d(i, j) ≤ band (inclusive, the
/// point itself and coincident points included): the count and Σ yⱼ; and
/// Σ (yⱼ − ȳ) over j ≠ i for the spatial lag. One neighbour query per point
/// through `PointGridIndex`, never an n² loop.
struct BandNeighbourhood: Sendable {
    /// Wᵢ: points within the band, i itself included.
    let counts: [Int32]
    /// Σⱼ yⱼ over the band, i included.
    let sums: [Double]
    /// Σⱼ≠ᵢ (yⱼ − ȳ) over the band.
    let centredLagSums: [Double]

    init(index: PointGridIndex, values y: [Double], mean: Double, threads: Int) {
        let n = index.count
        let counts = HotspotBuffer<Int32>(repeating: 0, count: n)
        let sums = HotspotBuffer<Double>(repeating: 0, count: n)
        let lags = HotspotBuffer<Double>(repeating: 0, count: n)
        HotspotParallel.forEachChunk(count: n, threads: threads) { range in
            y.withUnsafeBufferPointer { y in
                for i in range {
                    var count: Int32 = 0
                    var sum = 0.0
                    var lag = 0.0
                    index.forEachNeighbor(of: i) { j in
                        count += 1
                        sum += y[j]
                        if j != i { lag += y[j] - mean }
                    }
                    counts[i] = count
                    sums[i] = sum
                    lags[i] = lag
                }
            }
        }
        self.counts = counts.array
        self.sums = sums.array
        self.centredLagSums = lags.array
    }
}
