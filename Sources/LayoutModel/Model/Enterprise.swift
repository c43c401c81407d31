import GeoCore

/// An enterprise or project site (企业 / 项目), one feature of
/// `enterprises.geojson` (docs/dataset.md).
public struct Enterprise: Sendable, Hashable {
    public var id: String
    public var name: String
    /// GB/T 4754-2017 code with its section letter, e.g. `"C3974"`.
    public var industry: IndustryCode
    /// Annual operating revenue / output, 万元.
    public var output: Double?
    /// Annual tax, 万元.
    public var tax: Double?
    public var employees: Int?
    /// Land occupied, m²; when `nil`, the analyses use the area of the parcels naming it.
    public var land: Double?
    /// 规模以上工业企业.
    public var aboveScale: Bool?
    /// A Point, lon/lat.
    public var geometry: Geometry
    public var extraProperties: JSONObject
    public var source: FeatureSource

    public init(
        id: String, name: String, industry: IndustryCode, output: Double? = nil, tax: Double? = nil,
        employees: Int? = nil, land: Double? = nil, aboveScale: Bool? = nil, geometry: Geometry,
        extraProperties: JSONObject = JSONObject(), source: FeatureSource
    ) {
        self.id = id
        self.name = name
        self.industry = industry
        self.output = output
        self.tax = tax
        self.employees = employees
        self.land = land
        self.aboveScale = aboveScale
        self.geometry = geometry
        self.extraProperties = extraProperties
        self.source = source
    }

    /// The point location, when the geometry is a Point.
    public var location: Position? {
        if case .point(let p) = geometry { return p }
        return nil
    }
}
