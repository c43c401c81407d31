/// The twelve intensive land-use indicators of a unit (开发区土地集约利用评价
/// 指标, docs/analyses.md §2). A ratio whose denominator is zero is `nil`.
///
/// Ratios are dimensionless; `investmentIntensity`, `industrialTaxPerHectare`
/// and `taxPerHectare` are 万元/ha. Areas are ellipsoidal (GRS80).
/// Reference: 《开发区土地集约利用评价规程》(自然资源部); national figures
/// for context: development rate ≈ 0.90, supply ≈ 0.93, built ≈ 0.92,
/// industrial land ≈ 0.48, floor-area ratio ≈ 1.0, building density ≈ 0.34.
public struct IntensiveUseIndicators: Sendable, Hashable {
    /// 土地开发率: developed / buildable.
    public var landDevelopmentRate: Double?
    /// 土地供应率: D / developed.
    public var landSupplyRate: Double?
    /// 土地建成率: A / D.
    public var landBuiltRate: Double?
    /// 工业用地率: A2 / A.
    public var industrialLandRate: Double?
    /// 综合容积率: Σ floor area on A / A.
    public var floorAreaRatio: Double?
    /// 建筑密度: Σ footprint on A / A.
    public var buildingDensity: Double?
    /// 工业用地综合容积率: Σ floor area on A2 / A2.
    public var industrialFloorAreaRatio: Double?
    /// 工业用地建筑系数: Σ footprint on A2 / A2.
    public var industrialBuildingCoefficient: Double?
    /// 工业用地固定资产投入强度: Σ investment on A2 / A2, 万元/ha.
    public var investmentIntensity: Double?
    /// 工业用地地均税收: Σ tax on A2 / A2, 万元/ha.
    public var industrialTaxPerHectare: Double?
    /// 综合地均税收: Σ tax on A / A, 万元/ha.
    public var taxPerHectare: Double?
    /// 土地闲置率: G / D.
    public var idleLandRate: Double?

    public init(_ t: LandUseTotals) {
        landDevelopmentRate = Self.ratio(t.developed, t.buildable)
        landSupplyRate = Self.ratio(t.supplied, t.developed)
        landBuiltRate = Self.ratio(t.built, t.supplied)
        industrialLandRate = Self.ratio(t.industrialBuilt, t.built)
        floorAreaRatio = Self.ratio(t.floorAreaOnBuilt, t.built)
        buildingDensity = Self.ratio(t.footprintOnBuilt, t.built)
        industrialFloorAreaRatio = Self.ratio(t.floorAreaOnIndustrial, t.industrialBuilt)
        industrialBuildingCoefficient = Self.ratio(t.footprintOnIndustrial, t.industrialBuilt)
        // 万元 per hectare: areas are m², 1 ha = 10 000 m².
        investmentIntensity = Self.ratio(t.investmentOnIndustrial, t.industrialBuilt / 10_000)
        industrialTaxPerHectare = Self.ratio(t.taxOnIndustrial, t.industrialBuilt / 10_000)
        taxPerHectare = Self.ratio(t.taxOnBuilt, t.built / 10_000)
        idleLandRate = Self.ratio(t.idle, t.supplied)
    }

    /// `numerator / denominator`, `nil` when the denominator is zero (or not finite).
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        guard denominator != 0, denominator.isFinite else { return nil }
        return numerator / denominator
    }

    /// The indicators in the order of docs/analyses.md §2, with their descriptions.
    public var all: [(indicator: Indicator, value: Double?)] {
        [
            (.landDevelopmentRate, landDevelopmentRate), (.landSupplyRate, landSupplyRate),
            (.landBuiltRate, landBuiltRate), (.industrialLandRate, industrialLandRate),
            (.floorAreaRatio, floorAreaRatio), (.buildingDensity, buildingDensity),
            (.industrialFloorAreaRatio, industrialFloorAreaRatio),
            (.industrialBuildingCoefficient, industrialBuildingCoefficient),
            (.investmentIntensity, investmentIntensity), (.industrialTaxPerHectare, industrialTaxPerHectare),
            (.taxPerHectare, taxPerHectare), (.idleLandRate, idleLandRate),
        ]
    }

    /// One indicator's JSON key, names and unit.
    public enum Indicator: String, Sendable, CaseIterable {
        case landDevelopmentRate = "land_development_rate"
        case landSupplyRate = "land_supply_rate"
        case landBuiltRate = "land_built_rate"
        case industrialLandRate = "industrial_land_rate"
        case floorAreaRatio = "floor_area_ratio"
        case buildingDensity = "building_density"
        case industrialFloorAreaRatio = "industrial_floor_area_ratio"
        case industrialBuildingCoefficient = "industrial_building_coefficient"
        case investmentIntensity = "investment_intensity"
        case industrialTaxPerHectare = "industrial_tax_per_ha"
        case taxPerHectare = "tax_per_ha"
        case idleLandRate = "idle_land_rate"

        /// The snake_case key of docs/cli.md.
        public var key: String { rawValue }

        public var nameZh: String {
            switch self {
            case .landDevelopmentRate: "土地开发率"
            case .landSupplyRate: "土地供应率"
            case .landBuiltRate: "土地建成率"
            case .industrialLandRate: "工业用地率"
            case .floorAreaRatio: "综合容积率"
            case .buildingDensity: "建筑密度"
            case .industrialFloorAreaRatio: "工业用地综合容积率"
            case .industrialBuildingCoefficient: "工业用地建筑系数"
            case .investmentIntensity: "工业用地固定资产投入强度"
            case .industrialTaxPerHectare: "工业用地地均税收"
            case .taxPerHectare: "综合地均税收"
            case .idleLandRate: "土地闲置率"
            }
        }

        public var nameEn: String {
            switch self {
            case .landDevelopmentRate: "Land development rate"
            case .landSupplyRate: "Land supply rate"
            case .landBuiltRate: "Land built rate"
            case .industrialLandRate: "Industrial land rate"
            case .floorAreaRatio: "Floor-area ratio"
            case .buildingDensity: "Building density"
            case .industrialFloorAreaRatio: "Industrial floor-area ratio"
            case .industrialBuildingCoefficient: "Industrial building coefficient"
            case .investmentIntensity: "Investment intensity"
            case .industrialTaxPerHectare: "Industrial tax per ha"
            case .taxPerHectare: "Tax per ha"
            case .idleLandRate: "Idle land rate"
            }
        }

        /// "ratio", "—" (floor-area ratios) or "万元/ha".
        public var unit: String {
            switch self {
            case .floorAreaRatio, .industrialFloorAreaRatio: "—"
            case .investmentIntensity, .industrialTaxPerHectare, .taxPerHectare: "万元/ha"
            default: "ratio"
            }
        }
    }
}
