import GeoCore
@testable import LayoutModel

/// Small features for decoder tests, around Mianyang (104.7°E, 31.5°N).
enum Fixtures {
    static let square = Geometry.polygon(Polygon(exterior: CoordinateSequence(xy: [
        (104.70, 31.50), (104.71, 31.50), (104.71, 31.51), (104.70, 31.51), (104.70, 31.50),
    ])))

    static let point = Geometry.point(Position(104.705, 31.505))

    static func feature(_ properties: JSONObject?, geometry: Geometry? = square, id: FeatureID? = nil) -> Feature {
        Feature(id: id, geometry: geometry, properties: properties)
    }

    static let district: JSONObject = ["code": .string("510703"), "name": .string("涪城区")]

    static let park: JSONObject = [
        "id": .string("P1"), "name": .string("绵阳高新区"), "level": .string("national"),
        "main_industries": .array([.string("C39"), .string("C3841")]),
    ]

    static let parcel: JSONObject = [
        "id": .string("L1"), "land_use": .string("100101"), "status": .string("built"),
    ]

    static let enterprise: JSONObject = [
        "id": .string("E1"), "name": .string("某显示公司"), "industry": .string("C3974"),
    ]

    static func with(_ base: JSONObject, _ key: String, _ value: JSONValue?) -> JSONObject {
        var copy = base
        copy[key] = value
        return copy
    }
}

extension Array where Element == DatasetProblem {
    /// The problems about `property`.
    func about(_ property: String) -> [DatasetProblem] { filter { $0.property == property } }
}
