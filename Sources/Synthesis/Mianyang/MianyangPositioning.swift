import LayoutModel
/// The Mianyang reference parks: positioning from the issue (GB/T 4754-2017
/// codes), approximate real locations, and illustrative sizes.
///
/// Locations are the real town or zone centres, estimated from public maps;
/// sizes are plausible, not official. The generator moves each park until it
/// fits inside its district (see `MianyangParkPlacement`).
struct MianyangParkEntry: Sendable {
    var id: String
    var name: String
    var level: ParkLevel
    var district: String
    var parent: String?
    var main: [String]
    var featured: [String]
    var featuredStatus: FeaturedStatus?
    var chemical: Bool
    /// Desired centre, degrees (lon, lat); for a sub-park unused.
    var centre: PlanarPoint
    /// Width and height in metres, rotation in degrees (counter-clockwise).
    var width: Double
    var height: Double
    var angleDegrees: Double
    /// Short place word used in enterprise names.
    var place: String
}

enum MianyangPositioning {
    static let parks: [MianyangParkEntry] = [
        .init(id: "P01", name: "绵阳高新技术产业开发区", level: .national, district: "MY-GXQ", parent: nil,
              main: ["C397", "C367", "C398"], featured: ["C3976"], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(104.64, 31.44), width: 6000, height: 5000, angleDegrees: 8, place: "绵阳"),
        .init(id: "P01A", name: "京东方新型显示产业园", level: .national, district: "MY-GXQ", parent: "P01",
              main: ["C3974"], featured: [], featuredStatus: .certified, chemical: false,
              centre: PlanarPoint(0, 0), width: 0, height: 0, angleDegrees: 0, place: "绵阳"),
        .init(id: "P02", name: "绵阳经济技术开发区", level: .national, district: "MY-JKQ", parent: nil,
              main: ["C266", "C398"], featured: ["C367"], featuredStatus: nil, chemical: true,
              centre: PlanarPoint(104.79, 31.415), width: 4200, height: 6400, angleDegrees: -4, place: "绵阳"),
        .init(id: "P02A", name: "精细化工产业园", level: .national, district: "MY-JKQ", parent: "P02",
              main: ["C266"], featured: [], featuredStatus: .certified, chemical: true,
              centre: PlanarPoint(0, 0), width: 0, height: 0, angleDegrees: 0, place: "绵阳"),
        .init(id: "P03", name: "科技城新区产业园", level: .provincial, district: "MY-KJC", parent: nil,
              main: ["C392", "C394"], featured: ["C374"], featuredStatus: .cultivating, chemical: false,
              centre: PlanarPoint(104.70, 31.55), width: 4000, height: 3000, angleDegrees: 0, place: "科技城"),
        .init(id: "P04", name: "涪城临港经济开发区", level: .provincial, district: "510703", parent: nil,
              main: ["C3974", "C3962", "C392"], featured: ["C384"], featuredStatus: .certified, chemical: false,
              centre: PlanarPoint(104.69, 31.40), width: 3000, height: 3000, angleDegrees: 0, place: "涪城"),
        .init(id: "P05", name: "游仙经济开发区", level: .provincial, district: "510704", parent: nil,
              main: ["C3424", "C404"], featured: ["C3976"], featuredStatus: .certified, chemical: false,
              centre: PlanarPoint(104.78, 31.475), width: 4000, height: 3000, angleDegrees: 12, place: "游仙"),
        .init(id: "P06", name: "安州高新技术产业园区", level: .provincial, district: "510705", parent: nil,
              main: ["C30", "C3985"], featured: ["C13"], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(104.56, 31.53), width: 3500, height: 3000, angleDegrees: -10, place: "安州"),
        .init(id: "P07", name: "江油高新技术产业园区", level: .provincial, district: "510781", parent: nil,
              main: ["C31", "C34"], featured: ["C324"], featuredStatus: .cultivating, chemical: false,
              centre: PlanarPoint(104.74, 31.78), width: 5000, height: 4000, angleDegrees: 20, place: "江油"),
        .init(id: "P08", name: "三台工业园区", level: .provincial, district: "510722", parent: nil,
              main: ["C13", "C27"], featured: [], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(105.09, 31.10), width: 3500, height: 3000, angleDegrees: 5, place: "三台"),
        .init(id: "P09", name: "盐亭经济开发区", level: .provincial, district: "510723", parent: nil,
              main: ["C13", "C17"], featured: [], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(105.39, 31.21), width: 3000, height: 2500, angleDegrees: -6, place: "盐亭"),
        .init(id: "P10", name: "梓潼经济开发区", level: .municipal, district: "510725", parent: nil,
              main: ["C27", "C13"], featured: ["C14"], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(105.16, 31.64), width: 2500, height: 2000, angleDegrees: 0, place: "梓潼"),
        .init(id: "P11", name: "北川经济开发区", level: .provincial, district: "510726", parent: nil,
              main: ["C38", "C34"], featured: ["C13"], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(104.45, 31.62), width: 3000, height: 2000, angleDegrees: 15, place: "北川"),
        .init(id: "P12", name: "平武工业园区", level: .municipal, district: "510727", parent: nil,
              main: ["C13", "C324"], featured: [], featuredStatus: nil, chemical: false,
              centre: PlanarPoint(104.53, 32.41), width: 2000, height: 1500, angleDegrees: 25, place: "平武"),
    ]

    /// County seats (degrees), where enterprises outside parks gather.
    static let countySeats: [String: PlanarPoint] = [
        "510703": PlanarPoint(104.74, 31.46), "510704": PlanarPoint(104.77, 31.47), "510705": PlanarPoint(104.56, 31.53),
        "510722": PlanarPoint(105.09, 31.10), "510723": PlanarPoint(105.39, 31.21), "510725": PlanarPoint(105.16, 31.64),
        "510726": PlanarPoint(104.45, 31.62), "510727": PlanarPoint(104.53, 32.41), "510781": PlanarPoint(104.74, 31.78),
    ]

    /// Short county names for enterprise names.
    static let countyPlaces: [String: String] = [
        "510703": "涪城", "510704": "游仙", "510705": "安州", "510722": "三台", "510723": "盐亭",
        "510725": "梓潼", "510726": "北川", "510727": "平武", "510781": "江油",
    ]

    /// The functional zones (code, name, ring in degrees): drawn to the issue's
    /// description (高新区 ≈ 100 km² SW of the centre, 经开区 ≈ 65 km² SE,
    /// 科技城新区 ≈ 400 km² north across 涪城/游仙/安州). Illustrative outlines.
    static let functionalZones: [(code: String, name: String, ring: [PlanarPoint])] = [
        ("MY-GXQ", "绵阳高新技术产业开发区", [
            PlanarPoint(104.585, 31.405), PlanarPoint(104.655, 31.392), PlanarPoint(104.700, 31.420),
            PlanarPoint(104.698, 31.480), PlanarPoint(104.640, 31.492), PlanarPoint(104.582, 31.465),
        ]),
        ("MY-JKQ", "绵阳经济技术开发区", [
            PlanarPoint(104.755, 31.372), PlanarPoint(104.79, 31.357), PlanarPoint(104.822, 31.372),
            PlanarPoint(104.826, 31.41), PlanarPoint(104.806, 31.45), PlanarPoint(104.78, 31.482), PlanarPoint(104.757, 31.44),
        ]),
        ("MY-KJC", "绵阳科技城新区", [
            PlanarPoint(104.50, 31.52), PlanarPoint(104.66, 31.50), PlanarPoint(104.76, 31.505), PlanarPoint(104.90, 31.52),
            PlanarPoint(104.90, 31.58), PlanarPoint(104.80, 31.605), PlanarPoint(104.62, 31.61), PlanarPoint(104.50, 31.58),
        ]),
    ]

    /// Nine adcodes the generator requires.
    static let adcodes = ["510703", "510704", "510705", "510722", "510723", "510725", "510726", "510727", "510781"]
}
