/// Location quotients, Herfindahl indices and Ellison–Glaeser γ of an
/// industry × unit table of a measure e (docs/analyses.md §3, `agglomeration`).
///
/// Input is one row per enterprise: its industry, its unit and its e (e ≥ 0).
/// With e_ip the sum over industry i in unit p, e_i, e_p, e the margins:
/// - LQ(i, p) = (e_ip / e_p) / (e_i / e);
/// - H_i = Σ_p (e_ip / e_i)², normalised (H − 1/N)/(1 − 1/N) with N = the
///   number of units (all of them, empty ones included);
/// - a unit's mix H_p = Σ_i (e_ip / e_p)², normalised with N = the number of
///   industries;
/// - γ_i = (G − (1 − Σx²)H) / ((1 − Σx²)(1 − H)), G = Σ_p (s_ip − x_p)²,
///   s_ip = e_ip/e_i, x_p = e_p/e, H = Σ_k (e_k/e_i)² over the industry's enterprises k.
/// Every ratio over zero is nil. Sums run in input order, so results are exact
/// to rounding of a direct computation.
///
/// References: Ellison & Glaeser (1997), "Geographic concentration in U.S.
/// manufacturing industries: a dartboard approach", JPE 105(5).
public struct AgglomerationIndices: Sendable {
    public let industryCount: Int
    public let unitCount: Int
    /// e_ip, row-major `[industry * unitCount + unit]`.
    public let table: [Double]
    public let industryTotals: [Double]
    public let unitTotals: [Double]
    public let total: Double
    /// Σ_k e_k² over each industry's enterprises.
    let sumOfSquaredEnterprises: [Double]

    public init(industry: [Int], unit: [Int], measure: [Double], industryCount: Int, unitCount: Int) throws {
        guard industry.count == unit.count, unit.count == measure.count else {
            throw AnalysisError.invalidParameter("industry, unit and measure must have one entry per enterprise")
        }
        guard measure.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw AnalysisError.invalidParameter("measures must be finite and ≥ 0") }
        var table = [Double](repeating: 0, count: industryCount * unitCount)
        var squares = [Double](repeating: 0, count: industryCount)
        for k in measure.indices {
            table[industry[k] * unitCount + unit[k]] += measure[k]
            squares[industry[k]] += measure[k] * measure[k]
        }
        self.table = table
        self.industryCount = industryCount
        self.unitCount = unitCount
        sumOfSquaredEnterprises = squares
        var rows = [Double](repeating: 0, count: industryCount)
        var columns = [Double](repeating: 0, count: unitCount)
        for i in 0..<industryCount {
            for p in 0..<unitCount {
                rows[i] += table[i * unitCount + p]
                columns[p] += table[i * unitCount + p]
            }
        }
        industryTotals = rows
        unitTotals = columns
        total = rows.reduce(0, +)
    }

    public func value(industry i: Int, unit p: Int) -> Double { table[i * unitCount + p] }

    /// LQ(i, p); nil when e_p, e_i or e is 0.
    public func locationQuotient(industry i: Int, unit p: Int) -> Double? {
        guard unitTotals[p] > 0, industryTotals[i] > 0, total > 0 else { return nil }
        return (value(industry: i, unit: p) / unitTotals[p]) / (industryTotals[i] / total)
    }

    /// H_i across units and its normalised form; nil when e_i is 0 (normalised also when N = 1).
    public func industryHHI(_ i: Int) -> (hhi: Double?, normalized: Double?) {
        guard industryTotals[i] > 0 else { return (nil, nil) }
        var h = 0.0
        for p in 0..<unitCount {
            let s = value(industry: i, unit: p) / industryTotals[i]
            h += s * s
        }
        return (h, Self.normalise(h, count: unitCount))
    }

    /// H_p of unit p's industry mix and its normalised form (N = industries).
    public func unitHHI(_ p: Int) -> (hhi: Double?, normalized: Double?) {
        guard unitTotals[p] > 0 else { return (nil, nil) }
        var h = 0.0
        for i in 0..<industryCount {
            let s = value(industry: i, unit: p) / unitTotals[p]
            h += s * s
        }
        return (h, Self.normalise(h, count: industryCount))
    }

    /// Ellison–Glaeser γ_i; nil when e_i or e is 0, or when Σx² = 1 or H = 1 (zero denominator).
    public func ellisonGlaeser(_ i: Int) -> Double? {
        guard industryTotals[i] > 0, total > 0 else { return nil }
        var g = 0.0
        var sumX2 = 0.0
        for p in 0..<unitCount {
            let s = value(industry: i, unit: p) / industryTotals[i]
            let x = unitTotals[p] / total
            g += (s - x) * (s - x)
            sumX2 += x * x
        }
        let h = sumOfSquaredEnterprises[i] / (industryTotals[i] * industryTotals[i])
        let denominator = (1 - sumX2) * (1 - h)
        guard denominator != 0 else { return nil }
        return (g - (1 - sumX2) * h) / denominator
    }

    /// (H − 1/N)/(1 − 1/N); nil when N ≤ 1.
    static func normalise(_ h: Double, count n: Int) -> Double? {
        guard n > 1 else { return nil }
        let inverse = 1 / Double(n)
        return (h - inverse) / (1 - inverse)
    }
}
