/// Getis–Ord local Gi* with binary distance-band weights (docs/analyses.md §3).
///
/// wᵢⱼ = 1 when dᵢⱼ ≤ band (inclusive; metres of the projected frame), wᵢᵢ = 1,
/// Wᵢ = Σⱼ wᵢⱼ, ȳ the mean and s the population standard deviation of y:
///
///     zᵢ = (Σⱼ wᵢⱼ yⱼ − ȳ Wᵢ) / (s · √((n·Wᵢ − Wᵢ²)/(n − 1)))
///
/// This is esda's `G_Local(y, w, star=True, transform="B")` on libpysal's
/// `DistanceBand(binary=True)`, except that coincident points are neighbours
/// here (libpysal drops distance-0 pairs). z is nil when the denominator is 0
/// (s = 0, n < 2, or a point whose band holds every point).
///
/// Reference: Getis & Ord (1992), Ord & Getis (1995), "Local spatial
/// autocorrelation statistics", Geographical Analysis 27(4).
public struct GetisOrdGiStar: Sendable {
    /// zᵢ per point, in input order; nil where undefined.
    public let z: [Double?]
    /// Two-sided normal p per point.
    public let p: [Double?]
    /// Wᵢ, the number of points in each band (the point included).
    public let neighbourCounts: [Int]

    /// Gi* on projected coordinates.
    /// - Parameters:
    ///   - xy: interleaved planar coordinates `x0, y0, x1, y1, …` (metres, or any planar unit of `band`).
    ///   - values: y per point.
    ///   - band: distance band, same unit as `xy`, positive and finite.
    ///   - threads: worker threads; results are identical for any count.
    public init(xy: [Double], values: [Double], band: Double, threads: Int = 1) throws {
        try AnalysisError.requireDistance(band, name: "band")
        guard xy.count == 2 * values.count else {
            throw AnalysisError.invalidParameter("\(xy.count / 2) points but \(values.count) values")
        }
        guard xy.allSatisfy(\.isFinite), values.allSatisfy(\.isFinite) else {
            throw AnalysisError.invalidParameter("coordinates and values must be finite")
        }
        let moments = SampleMoments(values)
        let grid = DiscSumGrid(xy: xy, radius: band)
        self.init(values: values, neighbourhood: BandNeighbourhood(grid: grid, xy: xy, values: values, mean: moments.mean, threads: threads))
    }

    /// Gi* from band sums already computed.
    init(values: [Double], neighbourhood band: BandNeighbourhood) {
        let n = values.count
        let moments = SampleMoments(values)
        let nd = Double(n)
        var z = [Double?](repeating: nil, count: n)
        var p = [Double?](repeating: nil, count: n)
        for i in 0..<n {
            let w = Double(band.counts[i])
            let spread = moments.populationSD * ((nd * w - w * w) / (nd - 1)).squareRoot()
            guard n > 1, spread > 0, spread.isFinite else { continue }
            let zi = (band.sums[i] - moments.mean * w) / spread
            z[i] = zi
            p[i] = HotspotSignificance.twoSidedP(zi)
        }
        self.z = z
        self.p = p
        neighbourCounts = band.counts.map(Int.init)
    }
}

/// Mean and population standard deviation (two-pass, for accuracy).
struct SampleMoments: Sendable {
    let mean: Double
    let populationSD: Double
    /// Σ (y − ȳ)².
    let sumOfSquares: Double

    init(_ y: [Double]) {
        let n = Double(y.count)
        mean = y.isEmpty ? 0 : y.reduce(0, +) / n
        var ss = 0.0
        for v in y { ss += (v - mean) * (v - mean) }
        sumOfSquares = ss
        populationSD = y.isEmpty ? 0 : (ss / n).squareRoot()
    }
}
