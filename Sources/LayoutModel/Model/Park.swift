import GeoCore

/// An industrial park / development zone (园区 / 开发区) or one of its
/// sub-parks (园中园), one feature of `parks.geojson` (docs/dataset.md).
public struct Park: Sendable, Hashable {
    public var id: String
    public var name: String
    public var level: ParkLevel
    /// Code of the district the park reports to; `nil` means "the district
    /// holding the largest share of the park's area" (resolved by the analyses).
    public var district: String?
    /// Id of the park this sub-park belongs to.
    public var parent: String?
    /// 主导产业, GB/T 4754-2017 codes at any level.
    public var mainIndustries: [IndustryCode]
    /// 特色产业, same coding.
    public var featuredIndustries: [IndustryCode]
    /// 特色(专业)园区 status.
    public var featuredStatus: FeaturedStatus?
    /// Designated 化工园区.
    public var chemicalPark: Bool
    /// Polygon or MultiPolygon, lon/lat.
    public var geometry: Geometry
    /// Every property the contract does not define, in input order, untouched.
    public var extraProperties: JSONObject
    public var source: FeatureSource

    public init(
        id: String, name: String, level: ParkLevel, district: String? = nil, parent: String? = nil,
        mainIndustries: [IndustryCode], featuredIndustries: [IndustryCode] = [], featuredStatus: FeaturedStatus? = nil,
        chemicalPark: Bool = false, geometry: Geometry, extraProperties: JSONObject = JSONObject(), source: FeatureSource
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.district = district
        self.parent = parent
        self.mainIndustries = mainIndustries
        self.featuredIndustries = featuredIndustries
        self.featuredStatus = featuredStatus
        self.chemicalPark = chemicalPark
        self.geometry = geometry
        self.extraProperties = extraProperties
        self.source = source
    }
}

/// 国家级 / 省级 / 市级.
public enum ParkLevel: String, Sendable, Hashable, CaseIterable {
    case national
    case provincial
    case municipal

    public var nameZh: String {
        switch self {
        case .national: "国家级"
        case .provincial: "省级"
        case .municipal: "市级"
        }
    }

    /// The built-in positioning cap (docs/analyses.md §4 `positioning-cap`):
    /// national parks 三主两特 (3 main, 2 featured), provincial and municipal
    /// 两主两特 (2 + 2). `Policy.positioningCaps` may override it.
    public var positioningCap: PositioningCap {
        switch self {
        case .national: PositioningCap(main: 3, featured: 2)
        case .provincial, .municipal: PositioningCap(main: 2, featured: 2)
        }
    }
}

/// How many main and featured industries a park may declare.
public struct PositioningCap: Sendable, Hashable {
    public var main: Int
    public var featured: Int

    public init(main: Int, featured: Int) {
        self.main = main
        self.featured = featured
    }
}

/// 特色(专业)园区 认定 / 培育.
public enum FeaturedStatus: String, Sendable, Hashable, CaseIterable {
    case certified
    case cultivating

    public var nameZh: String {
        switch self {
        case .certified: "已认定"
        case .cultivating: "培育中"
        }
    }
}
