import GeoCore

/// A land parcel (宗地 / 地块), one feature of `parcels.geojson` (docs/dataset.md).
public struct Parcel: Sendable, Hashable {
    public var id: String
    /// Code of the 2023 land-use guide at any level (`"10"`, `"1001"`, `"100101"`).
    public var landUse: String
    public var status: ParcelStatus
    /// Total building floor area (总建筑面积), m²; 0 when absent.
    public var floorArea: Double
    /// Building and structure base area (建筑基底面积), m²; 0 when absent.
    public var footprint: Double
    /// Fixed-asset investment, 万元.
    public var investment: Double?
    /// Annual tax of the parcel's users, 万元.
    public var tax: Double?
    /// Id of the enterprise using the parcel.
    public var enterprise: String?
    /// Polygon or MultiPolygon, lon/lat.
    public var geometry: Geometry
    public var extraProperties: JSONObject
    public var source: FeatureSource

    public init(
        id: String, landUse: String, status: ParcelStatus, floorArea: Double = 0, footprint: Double = 0,
        investment: Double? = nil, tax: Double? = nil, enterprise: String? = nil, geometry: Geometry,
        extraProperties: JSONObject = JSONObject(), source: FeatureSource
    ) {
        self.id = id
        self.landUse = landUse
        self.status = status
        self.floorArea = floorArea
        self.footprint = footprint
        self.investment = investment
        self.tax = tax
        self.enterprise = enterprise
        self.geometry = geometry
        self.extraProperties = extraProperties
        self.source = source
    }

    /// Whether the land use is 工矿仓储 (under 10 or 11), the "A2" of docs/analyses.md §2.
    public var isIndustrialOrWarehouse: Bool { LandUseCode.isIndustrialOrWarehouse(landUse) }
}

/// Land status, after the development-zone land-survey categories (docs/dataset.md).
public enum ParcelStatus: String, Sendable, Hashable, CaseIterable {
    /// 已建成: developed, supplied, built (A).
    case built
    /// 已供在建: developed, supplied.
    case underConstruction = "under_construction"
    /// 已供未建: developed, supplied.
    case suppliedUnbuilt = "supplied_unbuilt"
    /// 闲置土地: developed, supplied, idle (G).
    case idle
    /// 已达到供地条件、未供应: developed (B21).
    case ready
    /// 未达到供地条件: not developed (B22).
    case unready
    /// 不可建设 (水域、生态保护等): excluded from the buildable total (C).
    case unbuildable

    public var nameZh: String {
        switch self {
        case .built: "已建成"
        case .underConstruction: "已供在建"
        case .suppliedUnbuilt: "已供未建"
        case .idle: "闲置土地"
        case .ready: "已达到供地条件、未供应"
        case .unready: "未达到供地条件"
        case .unbuildable: "不可建设"
        }
    }

    /// Counts in "developed" (supplied + ready).
    public var isDeveloped: Bool {
        switch self {
        case .built, .underConstruction, .suppliedUnbuilt, .idle, .ready: true
        case .unready, .unbuildable: false
        }
    }

    /// Counts in D, supplied land.
    public var isSupplied: Bool {
        switch self {
        case .built, .underConstruction, .suppliedUnbuilt, .idle: true
        case .ready, .unready, .unbuildable: false
        }
    }

    /// Counts in A, built land.
    public var isBuilt: Bool { self == .built }

    /// Counts in G, idle land.
    public var isIdle: Bool { self == .idle }

    /// Counts in the buildable total (everything but `unbuildable`).
    public var isBuildable: Bool { self != .unbuildable }
}
