import GeoCore
import LayoutModel

/// The measure e of the agglomeration indices (`--measure`).
public enum AgglomerationMeasure: String, Sendable, CaseIterable {
    /// Head count (`employees`), the default.
    case employees
    /// Annual output, 万元 (`output_wan`).
    case output
    /// Each enterprise counts 1.
    case count
    /// Annual tax paid, 万元 (`tax_wan`): the park page's tax shares restate this measure.
    case tax

    public func value(of e: Enterprise) -> Double? {
        switch self {
        case .employees: e.employees.map(Double.init)
        case .output: e.output
        case .tax: e.tax
        case .count: 1
        }
    }

    /// `value(of: enterprises[i])`, from its column.
    public func value(at i: Int, in enterprises: EnterpriseTable) -> Double? {
        switch self {
        case .employees: enterprises.employees(at: i).map(Double.init)
        case .output: enterprises.output(at: i)
        case .tax: enterprises.tax(at: i)
        case .count: 1
        }
    }
}

/// Agglomeration indices of a dataset's enterprises (`parkatlas agglomeration`).
///
/// Units: every park in dataset order, then one unit "outside" for enterprises
/// in no park (membership by `ParkMembership`: the smallest covering park, a
/// sub-park before its parent). Industries: the enterprise code's ancestor at
/// `level` (2 division "C39", 3 group "C397", 4 class "C3974"); a code coarser
/// than `level` counts under itself. Enterprises lacking the measure are left
/// out of LQ, HHI and γ and listed in `excluded`; co-location quotients count
/// points, not the measure, so they use every enterprise with a location.
public struct AgglomerationAnalysis: Sendable {
    /// An enterprise left out of the measure-based indices.
    public struct Exclusion: Sendable {
        public let enterprise: Int
        public let reason: String
    }

    public static let outsideUnit = "outside"

    public let measure: AgglomerationMeasure
    public let level: IndustryLevel
    public let crsLabel: String
    /// Industry codes at `level`, sorted.
    public let industries: [String]
    /// Park ids then "outside".
    public let units: [String]
    public let indices: AgglomerationIndices
    public let colocation: ColocationQuotient
    public let excluded: [Exclusion]
    /// Enterprises per unit (all located enterprises, for the table).
    public let unitOfEnterprise: [Int?]

    public init(
        dataset: Dataset, frame: MetricFrame, level: IndustryLevel, measure: AgglomerationMeasure,
        permutations: Int = 0, seed: UInt64 = 0, threads: Int
    ) throws {
        guard level != .section else { throw AnalysisError.invalidParameter("level must be 2, 3 or 4") }
        let enterprises = dataset.enterprises
        let membership = try ParkMembership(parks: dataset.parks, enterprises: enterprises, threads: threads)
        let outside = dataset.parks.count
        // Per distinct code once, then per enterprise by its interned index.
        let codeAtLevel = enterprises.industryCodes.map { ($0.ancestor(at: level) ?? $0).value }
        let codes = enterprises.industryIndex.map { codeAtLevel[Int($0)] }
        let industries = Array(Set(codes)).sorted()
        let industryIndex = Dictionary(uniqueKeysWithValues: industries.enumerated().map { ($1, $0) })
        var rowsIndustry: [Int] = [], rowsUnit: [Int] = [], rowsMeasure: [Double] = []
        var excluded: [Exclusion] = []
        var unitOf = [Int?](repeating: nil, count: enterprises.count)
        var located: [Position] = []
        var labels: [Int] = []
        for k in enterprises.indices {
            guard let location = enterprises.location(at: k) else {
                excluded.append(Exclusion(enterprise: k, reason: "no point location"))
                continue
            }
            let unit = membership.parkOfEnterprise[k] ?? outside
            unitOf[k] = unit
            located.append(location)
            labels.append(industryIndex[codes[k]]!)
            guard let v = measure.value(at: k, in: enterprises), v.isFinite, v >= 0 else {
                excluded.append(Exclusion(enterprise: k, reason: "no \(measure == .output ? "output_wan" : measure.rawValue)"))
                continue
            }
            rowsIndustry.append(industryIndex[codes[k]]!)
            rowsUnit.append(unit)
            rowsMeasure.append(v)
        }
        indices = try AgglomerationIndices(
            industry: rowsIndustry, unit: rowsUnit, measure: rowsMeasure,
            industryCount: industries.count, unitCount: outside + 1)
        let xy: [Double]
        do {
            xy = try frame.project(points: located)
        } catch {
            throw AnalysisError.projection(String(describing: error))
        }
        colocation = try ColocationQuotient(
            xy: xy, labels: labels, categoryCount: industries.count, permutations: permutations, seed: seed, threads: threads)
        self.measure = measure
        self.level = level
        self.crsLabel = frame.label
        self.industries = industries
        self.units = dataset.parks.map(\.id) + [Self.outsideUnit]
        self.excluded = excluded
        self.unitOfEnterprise = unitOf
    }
}
