/// Distributions on `SeededRandom`, written out so that they are identical on
/// every platform (the standard library's `random(in:using:)` algorithms are
/// not specified and may change between Swift versions).
extension SeededRandom {
    /// Uniform in [0, 1): the top 53 bits of one draw.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [low, high).
    @inline(__always)
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Uniform integer in 0..<count (0 when count ≤ 0), by the high word of a
    /// 64×64-bit product (Lemire's method without the rejection step; the bias
    /// is below 2⁻⁴⁰ for the small counts used here).
    @inline(__always)
    public mutating func index(below count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(UInt64(count).multipliedFullWidth(by: next()).high)
    }

    /// Uniform integer in the closed range.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// True with probability `p`.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal deviate (Box–Muller, one of the pair).
    public mutating func normal() -> Double {
        let u = 1 - uniform()  // (0, 1], so log is finite
        let v = uniform()
        return (-2 * PortableMath.log(u)).squareRoot() * PortableMath.cos(2 * Double.pi * v)
    }

    /// Normal with the given mean and standard deviation.
    public mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// Log-normal with the given median and log-space standard deviation σ.
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// Normal clamped to [low, high]: for bounded quantities such as densities.
    public mutating func clampedNormal(mean: Double, sd: Double, low: Double, high: Double) -> Double {
        min(high, max(low, normal(mean: mean, sd: sd)))
    }

    /// A uniformly chosen element, or nil for an empty collection.
    public mutating func choice<C: RandomAccessCollection>(_ items: C) -> C.Element? where C.Index == Int {
        guard !items.isEmpty else { return nil }
        return items[items.startIndex + index(below: items.count)]
    }

    /// An index chosen with probability proportional to `weights[i]` (negative
    /// weights count as 0; uniform when all are 0).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights where w > 0 { total += w }
        guard total > 0 else { return index(below: weights.count) }
        var target = uniform() * total
        for (i, w) in weights.enumerated() where w > 0 {
            if target < w { return i }
            target -= w
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }
}
