import LayoutModel

/// A generated park: its attributes and its rectangle in the generator's frame.
public struct ParkSpec: Sendable, Hashable {
    // Attributes as in parks.geojson (docs/dataset.md): id, name, level, district, parent,
    // main and featured industries (GB/T 4754-2017 codes), featured status, chemical park.
    public var id: String
    public var name: String
    public var level: ParkLevel
    /// Code of the declared district.
    public var district: String
    /// Id of the parent park for a sub-park (园中园).
    public var parent: String?
    public var mainIndustries: [String]
    public var featuredIndustries: [String]
    public var featuredStatus: FeaturedStatus?
    public var chemicalPark: Bool
    /// Outline in the generator's `LocalFrame`, metres.
    public var rect: OrientedRect

    /// A park with the given attributes and outline.
    public init(
        id: String, name: String, level: ParkLevel, district: String, parent: String? = nil,
        mainIndustries: [String], featuredIndustries: [String] = [], featuredStatus: FeaturedStatus? = nil,
        chemicalPark: Bool = false, rect: OrientedRect
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
        self.rect = rect
    }

    /// Main and featured codes together: what an enterprise must match to fit.
    public var positioning: [String] { mainIndustries + featuredIndustries }
}
