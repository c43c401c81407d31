import GeoCore
import LayoutModel
import PROJ

/// Per-mu benefit evaluation of enterprises (亩均效益评价, docs/analyses.md §2).
///
/// For each enterprise with land (its `land_m2`, else the ellipsoidal area of
/// the parcels whose `enterprise` names it): revenue per mu = output / mu,
/// tax per mu = tax / mu (万元/亩, 1 亩 = 10000/15 m²), revenue per employee =
/// output / employees (万元/人). Composite score = Σ wₖ · valueₖ / benchmarkₖ,
/// benchmark = the median over the evaluated enterprises (the mean of the two
/// middle values for an even count); a component with weight 0 is left out,
/// and so is one whose benchmark is 0 (no ratio over zero). Grades by rank,
/// score descending (ties: dataset order): with n evaluated and cumulative
/// shares a, a+b, a+b+c, rank r (1-based) is A when r ≤ round(n·a), B when
/// r ≤ round(n·(a+b)), C when r ≤ round(n·(a+b+c)), else D (round half away
/// from zero), so the grade counts always add up to n.
///
/// An enterprise lacking a value a weighted component needs (land, output,
/// tax, employees > 0) is not evaluated, with every reason listed.
public enum PerMuBenefit {
    /// - Parameters:
    ///   - parcelAreas: each parcel's ellipsoidal area in m², when already
    ///     measured (e.g. `ParcelOverlay.parcelAreas`); measured here otherwise.
    public static func evaluate(
        enterprises: EnterpriseTable, parcels: [Parcel], parcelAreas: [Double]? = nil, policy: BenefitPolicy = BenefitPolicy()
    ) -> PerMuBenefitReport {
        let areas = parcelAreas ?? parcels.map { Geodesic.grs80.area(of: $0.geometry) }
        var parcelLand: [String: Double] = [:]
        for (p, parcel) in parcels.enumerated() {
            if let owner = parcel.enterprise { parcelLand[owner, default: 0] += areas[p] }
        }
        let needsOutput = policy.revenuePerMuWeight > 0 || policy.revenuePerEmployeeWeight > 0
        let needsTax = policy.taxPerMuWeight > 0
        let needsEmployees = policy.revenuePerEmployeeWeight > 0

        var rows: [EnterpriseBenefit] = []
        var skipped: [UnevaluatedEnterprise] = []
        for (i, e) in enterprises.enumerated() {
            let land: Double?
            let source: EnterpriseBenefit.LandSource
            if let declared = e.land {
                land = declared
                source = .declared
            } else {
                land = parcelLand[e.id]
                source = .parcels
            }
            var reasons: [UnevaluatedEnterprise.Reason] = []
            if land == nil { reasons.append(.noLand) } else if land! <= 0 { reasons.append(.zeroLand) }
            if needsOutput && e.output == nil { reasons.append(.noOutput) }
            if needsTax && e.tax == nil { reasons.append(.noTax) }
            if needsEmployees {
                if e.employees == nil { reasons.append(.noEmployees) } else if e.employees! <= 0 { reasons.append(.zeroEmployees) }
            }
            guard reasons.isEmpty, let land else {
                skipped.append(UnevaluatedEnterprise(index: i, id: e.id, name: e.name, reasons: reasons))
                continue
            }
            let mu = land / AreaUnit.squareMetresPerMu
            rows.append(EnterpriseBenefit(
                index: i, id: e.id, name: e.name, industry: e.industry.value, land: land, landSource: source, mu: mu,
                revenuePerMu: e.output.map { $0 / mu }, taxPerMu: e.tax.map { $0 / mu },
                revenuePerEmployee: e.output.flatMap { output in e.employees.flatMap { $0 > 0 ? output / Double($0) : nil } },
                score: 0, rank: 0, grade: .d))
        }
        let benchmarks = BenefitBenchmarks(
            taxPerMu: median(rows.compactMap(\.taxPerMu)),
            revenuePerMu: median(rows.compactMap(\.revenuePerMu)),
            revenuePerEmployee: median(rows.compactMap(\.revenuePerEmployee)))
        func term(_ weight: Double, _ value: Double?, _ benchmark: Double?) -> Double {
            guard weight > 0, let value, let benchmark, benchmark != 0 else { return 0 }
            return weight * value / benchmark
        }
        for k in rows.indices {
            rows[k].score = term(policy.taxPerMuWeight, rows[k].taxPerMu, benchmarks.taxPerMu)
                + term(policy.revenuePerMuWeight, rows[k].revenuePerMu, benchmarks.revenuePerMu)
                + term(policy.revenuePerEmployeeWeight, rows[k].revenuePerEmployee, benchmarks.revenuePerEmployee)
        }
        rows.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        let shares = policy.gradeShares
        let n = Double(rows.count)
        let cutA = (n * shares.a).rounded(.toNearestOrAwayFromZero)
        let cutB = (n * (shares.a + shares.b)).rounded(.toNearestOrAwayFromZero)
        let cutC = (n * (shares.a + shares.b + shares.c)).rounded(.toNearestOrAwayFromZero)
        for k in rows.indices {
            let rank = Double(k + 1)
            rows[k].rank = k + 1
            rows[k].grade = rank <= cutA ? .a : rank <= cutB ? .b : rank <= cutC ? .c : .d
        }
        return PerMuBenefitReport(policy: policy, benchmarks: benchmarks, evaluated: rows, notEvaluated: skipped)
    }

    /// The median (mean of the two middle values for an even count); `nil` when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }
}

/// The per-mu benefit table.
public struct PerMuBenefitReport: Sendable {
    /// Weights and grade shares used.
    public var policy: BenefitPolicy
    public var benchmarks: BenefitBenchmarks
    /// Evaluated enterprises, by rank (best first).
    public var evaluated: [EnterpriseBenefit]
    /// Enterprises not evaluated, in dataset order, with the reasons.
    public var notEvaluated: [UnevaluatedEnterprise]

    /// Number of enterprises per grade.
    public func count(of grade: BenefitGrade) -> Int { evaluated.count(where: { $0.grade == grade }) }
}

/// Medians of the evaluated enterprises; `nil` when no enterprise has the value.
public struct BenefitBenchmarks: Sendable, Hashable {
    /// 万元/亩.
    public var taxPerMu: Double?
    /// 万元/亩.
    public var revenuePerMu: Double?
    /// 万元/人.
    public var revenuePerEmployee: Double?
}

/// A / B / C / D.
public enum BenefitGrade: String, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D"
}

/// One evaluated enterprise.
public struct EnterpriseBenefit: Sendable, Hashable {
    /// Where the land figure came from.
    public enum LandSource: String, Sendable {
        /// The enterprise's `land_m2`.
        case declared = "land_m2"
        /// The area of the parcels naming the enterprise.
        case parcels
    }

    /// Index into the dataset's `enterprises`.
    public var index: Int
    public var id: String
    public var name: String
    /// GB/T 4754-2017 code.
    public var industry: String
    /// m².
    public var land: Double
    public var landSource: LandSource
    /// Land in 亩.
    public var mu: Double
    /// 万元/亩.
    public var revenuePerMu: Double?
    /// 万元/亩.
    public var taxPerMu: Double?
    /// 万元/人.
    public var revenuePerEmployee: Double?
    /// Σ wₖ · valueₖ / benchmarkₖ.
    public var score: Double
    /// 1 = best.
    public var rank: Int
    public var grade: BenefitGrade
}

/// An enterprise the evaluation had to leave out.
public struct UnevaluatedEnterprise: Sendable, Hashable {
    public enum Reason: String, Sendable, CaseIterable {
        case noLand = "no land: neither land_m2 nor a parcel naming it"
        case zeroLand = "land is 0 m²"
        case noOutput = "output_wan missing"
        case noTax = "tax_wan missing"
        case noEmployees = "employees missing"
        case zeroEmployees = "employees is 0"

        public var nameZh: String {
            switch self {
            case .noLand: "无用地数据"
            case .zeroLand: "用地面积为 0"
            case .noOutput: "缺营业收入"
            case .noTax: "缺税收"
            case .noEmployees: "缺从业人数"
            case .zeroEmployees: "从业人数为 0"
            }
        }
    }

    public var index: Int
    public var id: String
    public var name: String
    public var reasons: [Reason]

    /// The reasons in English, joined with "; ".
    public var reason: String { reasons.map(\.rawValue).joined(separator: "; ") }
}
