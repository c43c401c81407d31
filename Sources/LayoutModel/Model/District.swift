import GeoCore

/// An administrative district or county (区/县), or a functional zone (功能区),
/// one feature of `districts.geojson` (docs/dataset.md).
public struct District: Sendable, Hashable {
    /// Administrative code (adcode, e.g. `"510703"`) or a functional-zone code
    /// (`"MY-GXQ"`); unique in the dataset.
    public var code: String
    /// e.g. `"涪城区"`.
    public var name: String
    /// Administrative by default; functional zones overlap administrative districts.
    public var kind: DistrictKind
    /// Polygon or MultiPolygon, lon/lat.
    public var geometry: Geometry
    /// Every property the contract does not define, in input order, untouched.
    public var extraProperties: JSONObject
    /// Where the feature was read.
    public var source: FeatureSource

    public init(
        code: String, name: String, kind: DistrictKind = .administrative, geometry: Geometry,
        extraProperties: JSONObject = JSONObject(), source: FeatureSource
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.geometry = geometry
        self.extraProperties = extraProperties
        self.source = source
    }
}

/// Whether a district is an administrative unit or a functional zone.
public enum DistrictKind: String, Sendable, Hashable, CaseIterable {
    case administrative
    case functional

    /// 行政区 / 功能区.
    public var nameZh: String {
        switch self {
        case .administrative: "行政区"
        case .functional: "功能区"
        }
    }
}
