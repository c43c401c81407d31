import GeoCore

/// Every dotted key a policy file may hold (the leaves), for suggestions.
enum PolicyKeys {
    static let top = ["coordinate_system", "checks", "benefit", "siting", "featured"]
    static let checks = [
        "positioning_cap", "leading_industry_share", "scattered_industry_min_parks", "scattered_industry_max_share",
        "duplicate_positioning_distance_m", "outside_parks_target", "hazardous_chemical_industries",
        "park_overlap_share", "park_outside_district_share", "parcel_overlap_m2", "parcel_outside_park_share",
        "low_intensity_building_coefficient", "low_intensity_floor_area_ratio",
    ]
    static let capLevels = ParkLevel.allCases.map(\.rawValue)
    static let capFields = ["main", "featured"]
    static let benefit = ["weights", "grade_shares"]
    static let benefitWeights = ["tax_per_mu", "revenue_per_mu", "revenue_per_employee"]
    static let grades = ["a", "b", "c", "d"]
    static let siting = ["weights", "synergy_radius_m", "block_merge_distance_m"]
    static let sitingWeights = ["positioning", "synergy", "land", "efficiency"]
    static let featured = [
        "leading_industry_share", "high_tech_share", "high_tech_industries", "building_coefficient",
        "revenue_per_mu_growth",
    ]

    static let all: [String] =
        ["coordinate_system"]
        + checks.filter { $0 != "positioning_cap" }.map { "checks.\($0)" }
        + capLevels.flatMap { level in capFields.map { "checks.positioning_cap.\(level).\($0)" } }
        + benefitWeights.map { "benefit.weights.\($0)" } + grades.map { "benefit.grade_shares.\($0)" }
        + sitingWeights.map { "siting.weights.\($0)" } + siting.filter { $0 != "weights" }.map { "siting.\($0)" }
        + featured.map { "featured.\($0)" }
}

extension Policy {
    /// Reads a parsed `policy.json`: every key absent keeps its default, and
    /// every problem is returned (the value concerned keeps its default).
    public static func decode(_ json: JSONObject) -> (policy: Policy, errors: [PolicyError]) {
        var reader = PolicyReader()
        var policy = Policy()
        reader.rejectUnknownKeys(json, known: PolicyKeys.top, at: "")
        reader.enumeration(json, "coordinate_system", at: "", into: &policy.coordinateSystem)
        if let checks = reader.object(json, "checks", at: "") {
            readChecks(checks, into: &policy.checks, reader: &reader)
        }
        if let benefit = reader.object(json, "benefit", at: "") {
            readBenefit(benefit, into: &policy.benefit, reader: &reader)
        }
        if let siting = reader.object(json, "siting", at: "") {
            readSiting(siting, into: &policy.siting, reader: &reader)
        }
        if let featured = reader.object(json, "featured", at: "") {
            readFeatured(featured, into: &policy.featured, reader: &reader)
        }
        return (policy, reader.errors)
    }

    /// Reads a parsed `policy.json`, throwing every problem at once.
    public init(json: JSONObject) throws(LayoutModelError) {
        let (policy, errors) = Policy.decode(json)
        guard errors.isEmpty else { throw .invalidPolicy(errors) }
        self = policy
    }

    private static func readChecks(_ json: JSONObject, into checks: inout CheckThresholds, reader: inout PolicyReader) {
        let at = "checks"
        reader.rejectUnknownKeys(json, known: PolicyKeys.checks, at: at)
        if let caps = reader.object(json, "positioning_cap", at: at) {
            let capsAt = "checks.positioning_cap"
            reader.rejectUnknownKeys(caps, known: PolicyKeys.capLevels, at: capsAt)
            for level in ParkLevel.allCases {
                guard let entry = reader.object(caps, level.rawValue, at: capsAt) else { continue }
                let levelAt = "\(capsAt).\(level.rawValue)"
                reader.rejectUnknownKeys(entry, known: PolicyKeys.capFields, at: levelAt)
                var cap = checks.positioningCaps[level] ?? level.positioningCap
                reader.integer(entry, "main", at: levelAt, minimum: 0, into: &cap.main)
                reader.integer(entry, "featured", at: levelAt, minimum: 0, into: &cap.featured)
                checks.positioningCaps[level] = cap
            }
        }
        reader.share(json, "leading_industry_share", at: at, into: &checks.leadingIndustryShare)
        reader.integer(json, "scattered_industry_min_parks", at: at, minimum: 2, into: &checks.scatteredIndustryMinParks)
        reader.share(json, "scattered_industry_max_share", at: at, into: &checks.scatteredIndustryMaxShare)
        reader.nonNegative(json, "duplicate_positioning_distance_m", at: at, into: &checks.duplicatePositioningDistance)
        reader.share(json, "outside_parks_target", at: at, into: &checks.outsideParksTarget)
        reader.industryCodes(json, "hazardous_chemical_industries", at: at, into: &checks.hazardousChemicalIndustries)
        reader.share(json, "park_overlap_share", at: at, into: &checks.parkOverlapShare)
        reader.share(json, "park_outside_district_share", at: at, into: &checks.parkOutsideDistrictShare)
        reader.nonNegative(json, "parcel_overlap_m2", at: at, into: &checks.parcelOverlapArea)
        reader.share(json, "parcel_outside_park_share", at: at, into: &checks.parcelOutsideParkShare)
        reader.share(json, "low_intensity_building_coefficient", at: at, into: &checks.lowIntensityBuildingCoefficient)
        reader.nonNegative(json, "low_intensity_floor_area_ratio", at: at, into: &checks.lowIntensityFloorAreaRatio)
    }

    private static func readBenefit(_ json: JSONObject, into benefit: inout BenefitPolicy, reader: inout PolicyReader) {
        let at = "benefit"
        reader.rejectUnknownKeys(json, known: PolicyKeys.benefit, at: at)
        if let weights = reader.object(json, "weights", at: at) {
            let wAt = "benefit.weights"
            reader.rejectUnknownKeys(weights, known: PolicyKeys.benefitWeights, at: wAt)
            var candidate = benefit
            reader.nonNegative(weights, "tax_per_mu", at: wAt, into: &candidate.taxPerMuWeight)
            reader.nonNegative(weights, "revenue_per_mu", at: wAt, into: &candidate.revenuePerMuWeight)
            reader.nonNegative(weights, "revenue_per_employee", at: wAt, into: &candidate.revenuePerEmployeeWeight)
            if candidate.taxPerMuWeight + candidate.revenuePerMuWeight + candidate.revenuePerEmployeeWeight > 0 {
                benefit = candidate
            } else {
                reader.fail(.impossibleValue(key: wAt, reason: "the weights are all 0; at least one must be positive"))
            }
        }
        if let grades = reader.object(json, "grade_shares", at: at) {
            let gAt = "benefit.grade_shares"
            reader.rejectUnknownKeys(grades, known: PolicyKeys.grades, at: gAt)
            var shares = benefit.gradeShares
            reader.share(grades, "a", at: gAt, into: &shares.a)
            reader.share(grades, "b", at: gAt, into: &shares.b)
            reader.share(grades, "c", at: gAt, into: &shares.c)
            reader.share(grades, "d", at: gAt, into: &shares.d)
            let sum = shares.a + shares.b + shares.c + shares.d
            if abs(sum - 1) <= 1e-9 {
                benefit.gradeShares = shares
            } else {
                reader.fail(.impossibleValue(key: gAt, reason: "the grade shares must sum to 1, they sum to \(sum)"))
            }
        }
    }

    private static func readSiting(_ json: JSONObject, into siting: inout SitingPolicy, reader: inout PolicyReader) {
        let at = "siting"
        reader.rejectUnknownKeys(json, known: PolicyKeys.siting, at: at)
        if let weights = reader.object(json, "weights", at: at) {
            let wAt = "siting.weights"
            reader.rejectUnknownKeys(weights, known: PolicyKeys.sitingWeights, at: wAt)
            var candidate = siting
            reader.nonNegative(weights, "positioning", at: wAt, into: &candidate.positioningWeight)
            reader.nonNegative(weights, "synergy", at: wAt, into: &candidate.synergyWeight)
            reader.nonNegative(weights, "land", at: wAt, into: &candidate.landWeight)
            reader.nonNegative(weights, "efficiency", at: wAt, into: &candidate.efficiencyWeight)
            let sum = candidate.positioningWeight + candidate.synergyWeight + candidate.landWeight + candidate.efficiencyWeight
            if abs(sum - 100) <= 1e-9 {
                siting = candidate
            } else {
                // The score is documented as 0–100, so the points must add up.
                reader.fail(.impossibleValue(key: wAt, reason: "the weights are score points and must sum to 100, they sum to \(sum)"))
            }
        }
        reader.nonNegative(json, "synergy_radius_m", at: at, into: &siting.synergyRadius)
        reader.nonNegative(json, "block_merge_distance_m", at: at, into: &siting.blockMergeDistance)
    }

    private static func readFeatured(_ json: JSONObject, into featured: inout FeaturedParkPolicy, reader: inout PolicyReader) {
        let at = "featured"
        reader.rejectUnknownKeys(json, known: PolicyKeys.featured, at: at)
        reader.share(json, "leading_industry_share", at: at, into: &featured.leadingIndustryShare)
        reader.share(json, "high_tech_share", at: at, into: &featured.highTechShare)
        reader.industryCodes(json, "high_tech_industries", at: at, into: &featured.highTechIndustries)
        reader.share(json, "building_coefficient", at: at, into: &featured.buildingCoefficient)
        reader.number(json, "revenue_per_mu_growth", at: at, into: &featured.revenuePerMuGrowth) {
            $0 >= -1 ? nil : "a growth rate below -1 (−100 %) is impossible, found \($0)"
        }
    }
}
