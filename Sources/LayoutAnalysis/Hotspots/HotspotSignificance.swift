import Glibc

/// Significance helpers of the hotspot analysis: two-sided normal p-values,
/// Benjamini–Hochberg adjustment and the ±3/±2/±1 confidence bins
/// (docs/analyses.md §3; the bins of ArcGIS "Hot Spot Analysis" and esda).
public enum HotspotSignificance {
    /// Two-sided p of a standard-normal z: P(|Z| ≥ |z|) = erfc(|z|/√2).
    /// Computed with erfc so that small p keep their relative precision.
    public static func twoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// Benjamini–Hochberg adjusted p-values (q-values), in input order.
    ///
    /// q₍ₖ₎ = min over j ≥ k of p₍ⱼ₎ · m / j, capped at 1, where p₍₁₎ ≤ … ≤ p₍ₘ₎ are
    /// the m p-values that are present (nil entries stay nil and do not count in m).
    /// A test is significant at FDR level α exactly when q ≤ α, which is the same
    /// decision as esda's `fdr(p, α)` threshold (largest p₍ₖ₎ ≤ k·α/m).
    public static func benjaminiHochberg(_ p: [Double?]) -> [Double?] {
        let present = p.indices.filter { p[$0] != nil }
        let order = present.sorted { (p[$0]!, $0) < (p[$1]!, $1) }
        let m = Double(order.count)
        var q = [Double?](repeating: nil, count: p.count)
        var running = 1.0
        for rank in stride(from: order.count - 1, through: 0, by: -1) {
            let i = order[rank]
            running = min(running, p[i]! * m / Double(rank + 1))
            q[i] = running
        }
        return q
    }

    /// Confidence bin: ±3 when significance ≤ 0.01 (99 %), ±2 when ≤ 0.05 (95 %),
    /// ±1 when ≤ 0.10 (90 %), else 0; the sign is the sign of z (hot +, cold −).
    /// `significance` is the raw p, or the BH q-value with `--fdr`.
    public static func bin(z: Double?, significance: Double?) -> Int {
        guard let z, let s = significance, z != 0 else { return 0 }
        let level = s <= 0.01 ? 3 : s <= 0.05 ? 2 : s <= 0.10 ? 1 : 0
        return z > 0 ? level : -level
    }
}
