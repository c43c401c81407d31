import GeoCore
import LayoutModel

/// Small hand-built datasets near 104.7°E 31.5°N whose best park is known by
/// construction. Positions are given in metres east/north of the origin and
/// turned into degrees with a flat-earth factor; only which park wins matters,
/// not the exact metres (block merging is tested on the pyproj-built fixture).
struct SitingScenario {
    static let lon0 = 104.7, lat0 = 31.5
    static let metresPerDegreeLat = 110_900.0
    static let metresPerDegreeLon = 111_320.0 * 0.8526  // cos 31.5°

    var parks: [Park] = []
    var parcels: [Parcel] = []
    var enterprises: [Enterprise] = []
    var districts: [District] = [
        District(code: "D1", name: "一区", geometry: rect(-50_000, -50_000, 0, 50_000), source: .init(file: "d", index: 0)),
        District(code: "D2", name: "二区", geometry: rect(0, -50_000, 50_000, 50_000), source: .init(file: "d", index: 1)),
    ]
    var policy = Policy()

    static func position(_ x: Double, _ y: Double) -> Position {
        Position(x: lon0 + x / metresPerDegreeLon, y: lat0 + y / metresPerDegreeLat)
    }

    /// A rectangle given in metres from the origin.
    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        let a = position(x0, y0), b = position(x1, y1)
        return .polygon(Polygon(exterior: CoordinateSequence(xy: [(a.x, a.y), (b.x, a.y), (b.x, b.y), (a.x, b.y), (a.x, a.y)])))
    }

    func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry { Self.rect(x0, y0, x1, y1) }

    /// A park as a square of `side` metres with its south-west corner at (x, y).
    mutating func park(
        _ id: String, x: Double, y: Double, side: Double = 2000, main: [String], featured: [String] = [],
        chemical: Bool = false, parent: String? = nil, district: String? = nil
    ) {
        parks.append(Park(
            id: id, name: "园区\(id)", level: .provincial, district: district, parent: parent,
            mainIndustries: main.compactMap(IndustryCode.init(validating:)),
            featuredIndustries: featured.compactMap(IndustryCode.init(validating:)), chemicalPark: chemical,
            geometry: Self.rect(x, y, x + side, y + side), source: .init(file: "parks.geojson", index: parks.count)))
    }

    /// A parcel given in metres.
    mutating func parcel(
        _ id: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, status: ParcelStatus = .ready,
        landUse: String = "100101", tax: Double? = nil
    ) {
        parcels.append(Parcel(id: id, landUse: landUse, status: status, tax: tax, geometry: Self.rect(x0, y0, x1, y1),
                              source: .init(file: "parcels.geojson", index: parcels.count)))
    }

    mutating func enterprise(_ id: String, _ industry: String, output: Double, x: Double, y: Double) {
        enterprises.append(Enterprise(
            id: id, name: "企业\(id)", industry: IndustryCode(validating: industry)!, output: output,
            geometry: .point(Self.position(x, y)), source: .init(file: "enterprises.geojson", index: enterprises.count)))
    }

    var dataset: Dataset {
        Dataset(folder: "scenario", districts: districts, parks: parks, parcels: parcels, enterprises: EnterpriseTable(enterprises), policy: policy)
    }
}
