/// Thresholds and weights of the analyses, read from a dataset's optional
/// `policy.json`; every key has a built-in default (docs/analyses.md §2, §4, §5, §6).
///
/// Keys are snake_case, grouped; a file may give any subset. Full list with
/// defaults:
///
/// ```text
/// key                                              default   meaning
/// coordinate_system                                "wgs84"   datum of the lon/lat in the GeoJSON files: wgs84 | gcj02 | bd09
/// checks.positioning_cap.national.main             3         三主两特: main industries a national park may declare
/// checks.positioning_cap.national.featured         2
/// checks.positioning_cap.provincial.main           2         两主两特
/// checks.positioning_cap.provincial.featured       2
/// checks.positioning_cap.municipal.main            2
/// checks.positioning_cap.municipal.featured        2
/// checks.leading_industry_share                    0.70      share of park output in its main + featured industries (ratio 0–1)
/// checks.scattered_industry_min_parks              3         an industry spread over at least this many parks …
/// checks.scattered_industry_max_share              0.5       … none holding at least this share is "scattered"
/// checks.duplicate_positioning_distance_m          20000     parks within this distance (m) compare positioning
/// checks.outside_parks_target                      0.80      share of industrial enterprises inside parks (工业向园区集中)
/// checks.hazardous_chemical_industries             ["C25", "C26"]  GB/T 4754-2017 codes that belong in chemical parks
/// checks.park_overlap_share                        0.01      overlap of two parks, share of the smaller
/// checks.park_outside_district_share               0.05      share of a park's area outside its district
/// checks.parcel_overlap_m2                         1         overlap of two parcels, m²
/// checks.parcel_outside_park_share                 0.5       share of a parcel's area outside all parks
/// checks.low_intensity_building_coefficient        0.30      industrial building coefficient below this is low
/// checks.low_intensity_floor_area_ratio            0.6       industrial floor-area ratio below this is low
/// benefit.weights.tax_per_mu                       0.4       亩均效益 composite score weights (≥ 0, not all 0)
/// benefit.weights.revenue_per_mu                   0.3
/// benefit.weights.revenue_per_employee             0.3
/// benefit.grade_shares.a                           0.3       grade A = top 30 % by score; shares sum to 1
/// benefit.grade_shares.b                           0.5
/// benefit.grade_shares.c                           0.15
/// benefit.grade_shares.d                           0.05
/// siting.weights.positioning                       40        score points (≥ 0, sum 100)
/// siting.weights.synergy                           25
/// siting.weights.land                              20
/// siting.weights.efficiency                        15
/// siting.synergy_radius_m                          5000      same-division output counted within this distance (m)
/// siting.block_merge_distance_m                    10        parcels this close (m) merge into one block
/// featured.leading_industry_share                  0.70      featured-park evaluation thresholds (ratios 0–1)
/// featured.high_tech_share                         0.25
/// featured.high_tech_industries                    ["C27", "C35", "C37", "C39", "C40", "C3841"]
/// featured.building_coefficient                    0.30
/// featured.revenue_per_mu_growth                   0.07      year-on-year, ratio (0.07 = 7 %), ≥ −1
/// ```
///
/// An unknown key, a wrong JSON type or an impossible value (negative,
/// a share outside 0–1, grade shares not summing to 1, siting weights not
/// summing to 100, an unknown industry code) is a `PolicyError` naming the
/// dotted key; none is ignored.
public struct Policy: Sendable, Hashable {
    /// Datum of the dataset's lon/lat coordinates.
    public var coordinateSystem: CoordinateSystem = .wgs84
    /// Thresholds of the layout-consolidation checks (docs/analyses.md §4).
    public var checks = CheckThresholds()
    /// Per-mu benefit evaluation (docs/analyses.md §2).
    public var benefit = BenefitPolicy()
    /// Siting of new projects (docs/analyses.md §5).
    public var siting = SitingPolicy()
    /// Featured-park evaluation (docs/analyses.md §6).
    public var featured = FeaturedParkPolicy()

    public init() {}

    /// The built-in defaults.
    public static let defaults = Policy()

    /// The positioning cap for a park level.
    public func positioningCap(for level: ParkLevel) -> PositioningCap { checks.positioningCaps[level] ?? level.positioningCap }
}

/// Datum of lon/lat coordinates (docs/dataset.md): WGS84 (also CGCS2000), or the
/// shifted web-map datums GCJ-02 (Amap, Tencent) and BD-09 (Baidu).
public enum CoordinateSystem: String, Sendable, Hashable, CaseIterable {
    case wgs84
    case gcj02
    case bd09
}

/// Thresholds of the `check` rules (docs/analyses.md §4).
public struct CheckThresholds: Sendable, Hashable {
    /// `positioning-cap` by park level.
    public var positioningCaps: [ParkLevel: PositioningCap] = Dictionary(
        uniqueKeysWithValues: ParkLevel.allCases.map { ($0, $0.positioningCap) })
    /// `leading-industry-share` target, ratio.
    public var leadingIndustryShare = 0.70
    /// `scattered-industry`: minimum number of parks.
    public var scatteredIndustryMinParks = 3
    /// `scattered-industry`: no park holds at least this share.
    public var scatteredIndustryMaxShare = 0.5
    /// `duplicate-positioning` distance, metres.
    public var duplicatePositioningDistance = 20_000.0
    /// `outside-parks` target share of industrial enterprises inside parks.
    public var outsideParksTarget = 0.80
    /// `chemical-outside-chemical-park` industries.
    public var hazardousChemicalIndustries: [IndustryCode] = IndustryCode.list(["C25", "C26"])
    /// `park-overlap`: share of the smaller park.
    public var parkOverlapShare = 0.01
    /// `park-outside-district`: share of the park's area.
    public var parkOutsideDistrictShare = 0.05
    /// `parcel-overlap`: area, m².
    public var parcelOverlapArea = 1.0
    /// `parcel-outside-park`: share of the parcel's area.
    public var parcelOutsideParkShare = 0.5
    /// `low-intensity`: industrial building coefficient, ratio.
    public var lowIntensityBuildingCoefficient = 0.30
    /// `low-intensity`: industrial floor-area ratio.
    public var lowIntensityFloorAreaRatio = 0.6

    public init() {}
}

/// Per-mu benefit (亩均效益) weights and grade shares (docs/analyses.md §2).
public struct BenefitPolicy: Sendable, Hashable {
    public var taxPerMuWeight = 0.4
    public var revenuePerMuWeight = 0.3
    public var revenuePerEmployeeWeight = 0.3
    /// Shares of grades A, B, C, D by rank; they sum to 1.
    public var gradeShares = GradeShares()

    public init() {}
}

/// Shares of the enterprises graded A, B, C and D (top first).
public struct GradeShares: Sendable, Hashable {
    public var a = 0.3
    public var b = 0.5
    public var c = 0.15
    public var d = 0.05

    public init() {}

    public init(a: Double, b: Double, c: Double, d: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }
}

/// Siting score weights (points of the 0–100 score) and distances (docs/analyses.md §5).
public struct SitingPolicy: Sendable, Hashable {
    public var positioningWeight = 40.0
    public var synergyWeight = 25.0
    public var landWeight = 20.0
    public var efficiencyWeight = 15.0
    /// Radius for cluster synergy, metres.
    public var synergyRadius = 5_000.0
    /// Parcels within this distance merge into one block, metres.
    public var blockMergeDistance = 10.0

    public init() {}
}

/// Featured-park evaluation thresholds (docs/analyses.md §6).
public struct FeaturedParkPolicy: Sendable, Hashable {
    public var leadingIndustryShare = 0.70
    public var highTechShare = 0.25
    public var highTechIndustries: [IndustryCode] = IndustryCode.list(["C27", "C35", "C37", "C39", "C40", "C3841"])
    public var buildingCoefficient = 0.30
    /// Revenue-per-mu growth, ratio (0.07 = 7 %).
    public var revenuePerMuGrowth = 0.07

    public init() {}
}

extension IndustryCode {
    /// Codes from literals known to be valid (used for defaults).
    static func list(_ texts: [String]) -> [IndustryCode] { texts.compactMap { IndustryCode(validating: $0) } }
}
