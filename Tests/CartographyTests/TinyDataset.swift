import GeoCore
import LayoutModel

/// The dataset of Tests/Fixtures/maps/in/tiny, built in code (CartographyTests
/// do not link the loader): one administrative district and one functional zone,
/// a national park with a sub-park and a municipal park, five parcels (one with
/// a hole), three enterprises; names with XML specials; extra properties.
enum TinyDataset {
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, clockwise: Bool = true) -> CoordinateSequence {
        let ring = CoordinateSequence(xy: [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
        return clockwise ? ring.reversed() : ring
    }

    static func polygon(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        .polygon(Polygon(exterior: square(x0, y0, x1, y1)))
    }

    static func source(_ file: String, _ i: Int) -> FeatureSource { FeatureSource(file: file, index: i) }

    static func code(_ s: String) -> IndustryCode { IndustryCode(validating: s)! }

    static func make() -> Dataset {
        let districts = [
            District(code: "510799", name: "测试区", geometry: polygon(104.70, 31.40, 104.80, 31.48),
                     extraProperties: ["population": .integer(123456), "note": .string("hand-made")], source: source("districts.geojson", 0)),
            District(code: "T-GXQ", name: "测试高新区", kind: .functional, geometry: polygon(104.715, 31.415, 104.77, 31.455),
                     source: source("districts.geojson", 1)),
        ]
        let parks = [
            Park(id: "P1", name: "高新园 A&B <1>", level: .national, district: "510799", mainIndustries: [code("C39")],
                 featuredIndustries: [code("C3974")], featuredStatus: .certified, geometry: polygon(104.72, 31.42, 104.76, 31.45),
                 extraProperties: ["manager": .string("园区管委会"), "area_target_ha": .double(520.5)], source: source("parks.geojson", 0)),
            Park(id: "P1A", name: "显示器件园", level: .national, parent: "P1", mainIndustries: [code("C397")],
                 geometry: polygon(104.73, 31.43, 104.745, 31.44), source: source("parks.geojson", 1)),
            Park(id: "P2", name: "东区工业园", level: .municipal, mainIndustries: [code("C27")],
                 geometry: .multiPolygon([Polygon(exterior: square(104.775, 31.455, 104.79, 31.47))]),
                 extraProperties: ["fill": .string("#123456")], source: source("parks.geojson", 2)),
        ]
        let withHole = Geometry.polygon(Polygon(
            exterior: square(104.725, 31.425, 104.73, 31.43), holes: [square(104.7265, 31.4265, 104.7275, 31.4275, clockwise: false)]))
        let parcels = [
            Parcel(id: "L1", landUse: "1001", status: .built, floorArea: 12000, footprint: 5000.5, investment: 3000, tax: 120.25,
                   enterprise: "E1", geometry: withHole, extraProperties: ["plot_no": .string("A-01")], source: source("parcels.geojson", 0)),
            Parcel(id: "L2", landUse: "100101", status: .idle, geometry: polygon(104.731, 31.425, 104.736, 31.43), source: source("parcels.geojson", 1)),
            Parcel(id: "L3", landUse: "0701", status: .ready, geometry: polygon(104.737, 31.425, 104.742, 31.43), source: source("parcels.geojson", 2)),
            Parcel(id: "L4", landUse: "1401", status: .unbuildable, geometry: polygon(104.743, 31.425, 104.748, 31.43),
                   extraProperties: ["remark": .string("绿带")], source: source("parcels.geojson", 3)),
            Parcel(id: "L5", landUse: "1101", status: .underConstruction, geometry: polygon(104.749, 31.425, 104.754, 31.43),
                   source: source("parcels.geojson", 4)),
        ]
        let enterprises = [
            Enterprise(id: "E1", name: "绵阳显示科技有限公司", industry: code("C3974"), output: 52000, tax: 1800.5, employees: 420,
                       aboveScale: true, geometry: .point(Position(104.7275, 31.4282)),
                       extraProperties: ["credit_code": .string("91510700MA000000XX")], source: source("enterprises.geojson", 0)),
            Enterprise(id: "E2", name: "\"Quote\" & <Tag> 医药", industry: code("C2710"), land: 8000,
                       geometry: .point(Position(104.78, 31.46)), source: source("enterprises.geojson", 1)),
            Enterprise(id: "E3", name: "批发商贸", industry: code("F51"), geometry: .point(Position(104.75, 31.44)),
                       source: source("enterprises.geojson", 2)),
        ]
        return Dataset(folder: "Tests/Fixtures/maps/in/tiny", districts: districts, parks: parks, parcels: parcels, enterprises: EnterpriseTable(enterprises))
    }

    /// The fixture folder Tests/Fixtures/maps.
    static var fixtures: String {
        let file = "\(#filePath)"
        let tests = file.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        return tests + "/Fixtures/maps"
    }
}
