import GeoCore
/// Co-location quotients between point categories (Leslie & Kronenfeld 2011),
/// with an optional label-shuffling permutation test (docs/analyses.md §3).
///
///     CLQ(A→B) = (C_AB / N_A) / (N'_B / (N − 1)),   N'_B = N_B − 1 if A = B else N_B
///
/// C_AB = Σ over points of A of (their nearest neighbours that are B) ÷ (number
/// of tied nearest neighbours); a point is never its own neighbour. CLQ > 1:
/// B is found next to A more than its share of the other points predicts.
///
/// Permutation test: the locations stay, the category labels are shuffled
/// (Fisher–Yates, SplitMix64 seeded per permutation from `seed`), and the
/// one-sided p of attraction is p = (#{perm CLQ ≥ observed CLQ} + 1)/(R + 1)
/// (comparison with a relative tolerance of 1e-12, so that a permutation giving
/// the same quotient through a different summation order counts as equal).
/// Permutations are independent, so any thread count gives the same p.
///
/// Reference: Leslie, T. F. & Kronenfeld, B. J. (2011), "The colocation
/// quotient: a new measure of spatial association between categorical
/// subsets of points", Geographical Analysis 43(3), 306–326.
public struct ColocationQuotient: Sendable {
    public let categoryCount: Int
    /// N_A per category.
    public let counts: [Int]
    /// C_AB, row-major `[a * categoryCount + b]`.
    public let colocations: [Double]
    /// CLQ(A→B), row-major; nil when N_A = 0, N'_B = 0 or N < 2.
    public let quotients: [Double?]
    /// Permutation p per pair; nil without a test or where the quotient is nil.
    public let pValues: [Double?]
    public let permutations: Int

    /// - Parameters:
    ///   - xy: interleaved planar coordinates.
    ///   - labels: category 0..<categoryCount per point.
    public init(xy: [Double], labels: [Int], categoryCount: Int, permutations: Int = 0, seed: UInt64 = 0, threads: Int = 1) throws {
        guard xy.count == 2 * labels.count else { throw AnalysisError.invalidParameter("\(xy.count / 2) points but \(labels.count) labels") }
        guard labels.allSatisfy({ $0 >= 0 && $0 < categoryCount }) else { throw AnalysisError.invalidParameter("label out of range") }
        guard permutations >= 0 else { throw AnalysisError.invalidParameter("permutations must be ≥ 0") }
        guard xy.allSatisfy(\.isFinite) else { throw AnalysisError.invalidParameter("coordinates must be finite") }
        let k = categoryCount
        let nn = NearestNeighbourTies(xy: xy, threads: threads)
        var tallyOfLabels = [Int](repeating: 0, count: k)
        for l in labels { tallyOfLabels[l] += 1 }
        let counts = tallyOfLabels
        self.categoryCount = k
        self.counts = counts
        self.permutations = permutations
        let observedC = Self.colocationCounts(labels: labels, nn: nn, k: k)
        colocations = observedC
        let observed = Self.quotients(c: observedC, counts: counts, n: labels.count)
        quotients = observed
        guard permutations > 0 else {
            pValues = [Double?](repeating: nil, count: k * k)
            return
        }
        // Per-worker tallies of permutations reaching the observed quotient; integer, so summing is order-free.
        let workers = max(1, min(threads, permutations))
        let tallies = HotspotBuffer<[Int]>(repeating: [], count: workers)
        let perWorker = (permutations + workers - 1) / workers
        ParallelRanges.forEach(count: workers, threads: workers) { range in
            for w in range {
                var tally = [Int](repeating: 0, count: k * k)
                for r in (w * perWorker)..<min(permutations, (w + 1) * perWorker) {
                    var shuffled = labels
                    var rng = ColocationRandom(seed: seed, stream: UInt64(r))
                    for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
                        shuffled.swapAt(i, Int(rng.below(UInt64(i + 1))))
                    }
                    let q = Self.quotients(c: Self.colocationCounts(labels: shuffled, nn: nn, k: k), counts: counts, n: labels.count)
                    for pair in 0..<(k * k) {
                        guard let o = observed[pair], let s = q[pair] else { continue }
                        if s >= o - 1e-12 * max(1, abs(o)) { tally[pair] += 1 }
                    }
                }
                tallies[w] = tally
            }
        }
        var reached = [Int](repeating: 0, count: k * k)
        for w in 0..<workers where !tallies[w].isEmpty {
            for pair in 0..<(k * k) { reached[pair] += tallies[w][pair] }
        }
        pValues = (0..<(k * k)).map { pair in
            observed[pair] == nil ? nil : Double(reached[pair] + 1) / Double(permutations + 1)
        }
    }

    public func quotient(_ a: Int, _ b: Int) -> Double? { quotients[a * categoryCount + b] }
    public func p(_ a: Int, _ b: Int) -> Double? { pValues[a * categoryCount + b] }

    static func colocationCounts(labels: [Int], nn: NearestNeighbourTies, k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: k * k)
        for i in labels.indices {
            let lo = nn.offsets[i], hi = nn.offsets[i + 1]
            guard hi > lo else { continue }
            let share = 1 / Double(hi - lo)
            let row = labels[i] * k
            for m in lo..<hi { c[row + labels[Int(nn.neighbours[m])]] += share }
        }
        return c
    }

    static func quotients(c: [Double], counts: [Int], n: Int) -> [Double?] {
        let k = counts.count
        var q = [Double?](repeating: nil, count: k * k)
        guard n > 1 else { return q }
        for a in 0..<k where counts[a] > 0 {
            for b in 0..<k {
                let others = Double(a == b ? counts[b] - 1 : counts[b])
                guard others > 0 else { continue }
                q[a * k + b] = (c[a * k + b] / Double(counts[a])) / (others / Double(n - 1))
            }
        }
        return q
    }
}

/// SplitMix64 (GeoCore), one independent stream per permutation.
struct ColocationRandom {
    private var generator: SplitMix64

    init(seed: UInt64, stream: UInt64) {
        // Mix the stream number in so permutation r does not depend on how many came before.
        var mixer = SplitMix64(seed: (seed ^ 0x5851_F42D_4C95_7F2D) &+ stream &* 0x9E37_79B9_7F4A_7C15)
        generator = SplitMix64(seed: mixer.next())
    }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in 0..<bound (Lemire's multiply-shift; bias below 2⁻³² for our sizes).
    mutating func below(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }
}
