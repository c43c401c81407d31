import GeoCore

/// One result of a layout-consolidation check (docs/analyses.md §4, docs/cli.md `check`):
/// which rule, how serious, what it is about, a bilingual message, the measured
/// value against its threshold, an optional suggestion and a geometry for the map.
///
/// Findings are data: the checks return them as a list and never throw them.
public struct Finding: Sendable, Hashable {
    public var rule: CheckRule
    public var severity: Severity
    public var subject: FindingSubject
    /// One line in Chinese.
    public var messageZh: String
    /// The same line in English.
    public var messageEn: String
    /// The measured value (unit in `unit`); `nil` when it cannot be formed (a ratio over zero).
    public var value: Double?
    /// The policy threshold the value was compared with; `nil` when the rule has none.
    public var threshold: Double?
    /// Unit of `value` and `threshold`: `ratio`, `count`, `m2`, `m` or `wan_yuan`.
    public var unit: FindingUnit
    /// Where to go instead (misfit, outside-parks, scattered-industry, chemical).
    public var suggestion: FindingSuggestion?
    /// Ids of the parks the finding concerns (for grouping and per-park verdicts), dataset order.
    public var parks: [String]
    /// Code of the district the finding belongs to, when there is one.
    public var district: String?
    /// lon/lat geometry to draw: the park, the overlap, the parcel, the enterprise point; `nil` for city-wide findings.
    public var geometry: Geometry?

    public init(
        rule: CheckRule, severity: Severity, subject: FindingSubject, messageZh: String, messageEn: String,
        value: Double?, threshold: Double?, unit: FindingUnit, suggestion: FindingSuggestion? = nil,
        parks: [String] = [], district: String? = nil, geometry: Geometry? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.messageZh = messageZh
        self.messageEn = messageEn
        self.value = value
        self.threshold = threshold
        self.unit = unit
        self.suggestion = suggestion
        self.parks = parks
        self.district = district
        self.geometry = geometry
    }
}

/// The rules of docs/analyses.md §4, in the order of its table (the report order).
public enum CheckRule: String, Sendable, Hashable, CaseIterable, Comparable {
    case positioningCap = "positioning-cap"
    case leadingIndustryShare = "leading-industry-share"
    case misfitEnterprise = "misfit-enterprise"
    case scatteredIndustry = "scattered-industry"
    case duplicatePositioning = "duplicate-positioning"
    case outsideParks = "outside-parks"
    case chemicalOutsideChemicalPark = "chemical-outside-chemical-park"
    case parkOverlap = "park-overlap"
    case parkOutsideDistrict = "park-outside-district"
    case parcelOverlap = "parcel-overlap"
    case parcelOutsidePark = "parcel-outside-park"
    case idleLand = "idle-land"
    case lowIntensity = "low-intensity"

    /// Position in the table of docs/analyses.md §4.
    public var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: CheckRule, b: CheckRule) -> Bool { a.order < b.order }

    /// Chinese title for reports.
    public var titleZh: String {
        switch self {
        case .positioningCap: "主导/特色产业数量超限"
        case .leadingIndustryShare: "主导产业占比不足"
        case .misfitEnterprise: "企业与园区定位不符"
        case .scatteredIndustry: "产业分散布局"
        case .duplicatePositioning: "园区定位重复"
        case .outsideParks: "工业向园区集中"
        case .chemicalOutsideChemicalPark: "危化企业在化工园区外"
        case .parkOverlap: "园区边界重叠"
        case .parkOutsideDistrict: "园区超出所属行政区"
        case .parcelOverlap: "地块重叠"
        case .parcelOutsidePark: "地块在园区外"
        case .idleLand: "闲置土地"
        case .lowIntensity: "用地强度偏低"
        }
    }
}

/// How serious a finding is; ordered info < warning < error.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public var nameZh: String {
        switch self {
        case .info: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
    }
}

/// What a finding is about: one feature (`ids` of one) or a pair (two ids).
public struct FindingSubject: Sendable, Hashable {
    public var kind: SubjectKind
    /// One id, or two for pairs (park-overlap, duplicate-positioning, parcel-overlap).
    public var ids: [String]

    public init(_ kind: SubjectKind, _ ids: [String]) {
        self.kind = kind
        self.ids = ids
    }

    public init(_ kind: SubjectKind, _ id: String) { self.init(kind, [id]) }

    public var isPair: Bool { ids.count > 1 }
}

/// Kinds of subjects: a feature of a dataset file, an industry code, or the whole city.
public enum SubjectKind: String, Sendable, Hashable {
    case park, enterprise, parcel, district, industry, city
}

/// Unit of a finding's value and threshold.
public enum FindingUnit: String, Sendable, Hashable {
    /// Dimensionless (0–1 shares, coefficients, floor-area ratios).
    case ratio
    case count
    /// Square metres, ellipsoidal (GRS80).
    case squareMetres = "m2"
    /// Metres in the local metric frame.
    case metres = "m"
    /// 万元 (enterprise output).
    case wanYuan = "wan_yuan"
}

/// A suggested park: the nearest whose positioning matches (with its distance),
/// or the park holding the largest share of a scattered industry.
public struct FindingSuggestion: Sendable, Hashable {
    public var park: String
    public var name: String
    /// Distance to the park's polygon, metres in the local metric frame (0 when inside it).
    public var distance: Double?
    /// The park's share of the industry's in-park output (scattered-industry).
    public var share: Double?

    public init(park: String, name: String, distance: Double? = nil, share: Double? = nil) {
        self.park = park
        self.name = name
        self.distance = distance
        self.share = share
    }
}
