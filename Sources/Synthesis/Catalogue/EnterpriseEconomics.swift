/// Output, tax and employment of one enterprise.
public struct EnterpriseEconomics: Sendable, Hashable {
    /// Annual operating revenue / output, 万元.
    public var output: Double
    /// Annual tax, 万元.
    public var tax: Double
    public var employees: Int
    /// 规模以上工业企业: annual main-business revenue ≥ 2000 万元 (20 million yuan).
    public var aboveScale: Bool

    /// The statistical threshold for 规模以上 (above designated size), 万元.
    public static let aboveScaleThreshold = 2000.0

    /// Heavy-tailed draw: output log-normal (median `medianOutput` 万元, σ 1.1,
    /// so about a quarter of firms are above scale, as in Chinese county
    /// statistics), output per employee ≈ 80 万元, tax 2–6 % of output.
    public static func draw(medianOutput: Double = 1100, using r: inout SeededRandom) -> EnterpriseEconomics {
        let output = LandMix.rounded(r.logNormal(median: medianOutput, sigma: 1.1), places: 1)
        let perEmployee = r.logNormal(median: 80, sigma: 0.4)
        let employees = max(3, Int((output / perEmployee).rounded()))
        let tax = LandMix.rounded(output * r.uniform(0.02, 0.06), places: 2)
        return EnterpriseEconomics(output: output, tax: tax, employees: employees, aboveScale: output >= aboveScaleThreshold)
    }
}
