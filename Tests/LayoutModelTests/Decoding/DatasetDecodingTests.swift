import GeoCore
import XCTest
@testable import LayoutModel

final class DatasetDecodingTests: XCTestCase {
    func testCollectionKeepsUsableFeaturesAndEveryProblemWithItsIndex() {
        let collection = FeatureCollection(features: [
            Fixtures.feature(Fixtures.parcel),
            Fixtures.feature(Fixtures.with(Fixtures.parcel, "id", .string("L2")), geometry: nil),
            Fixtures.feature(Fixtures.with(Fixtures.with(Fixtures.parcel, "id", .string("L3")), "floor_area_m2", .integer(-1))),
        ])
        let decoded = DatasetDecoding.parcels(collection)
        let (parcels, problems) = (decoded.values, decoded.problems)
        // L2 (no geometry) is rejected; its id is kept for the cross-file checks.
        XCTAssertEqual(decoded.rejectedIDs, ["L2"])
        XCTAssertEqual(parcels.map(\.id), ["L1", "L3"])
        XCTAssertEqual(parcels.map(\.source.index), [0, 2])
        XCTAssertEqual(problems.map(\.index), [1, 2])
        XCTAssertEqual(problems.map(\.id), ["L2", "L3"])
        XCTAssertEqual(problems.map(\.property), ["geometry", "floor_area_m2"])
    }

    func testProblemInTheValidateJSONShape() {
        let problem = DatasetProblem(file: "parks.geojson", index: 3, id: nil, property: "level", severity: .error, reason: "x")
        XCTAssertEqual(problem.jsonObject.keys, ["file", "index", "id", "property", "severity", "reason"])
        XCTAssertEqual(problem.jsonObject["index"], .integer(3))
        XCTAssertEqual(problem.jsonObject["id"], .null)
        XCTAssertEqual(problem.jsonObject["severity"], .string("error"))
        XCTAssertEqual(problem.description, "parks.geojson[3] level: error: x")
    }
}
