import GeoCore
import XCTest
@testable import LayoutModel

final class DistrictDecodingTests: XCTestCase {
    func testCleanDistrictWithDefaultKindAndExtraProperties() throws {
        var properties = Fixtures.district
        properties["population"] = .integer(900_000)
        properties["note"] = .string("市辖区")
        var problems: [DatasetProblem] = []
        let district = try XCTUnwrap(District.decode(Fixtures.feature(properties), index: 0, problems: &problems))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(district.code, "510703")
        XCTAssertEqual(district.name, "涪城区")
        XCTAssertEqual(district.kind, .administrative)
        XCTAssertEqual(district.extraProperties.keys, ["population", "note"])
        XCTAssertEqual(district.extraProperties["population"], .integer(900_000))
        XCTAssertEqual(district.source, FeatureSource(file: "districts.geojson", index: 0))
    }

    func testUnknownKindIsAnErrorAndTheDefaultIsUsed() throws {
        var problems: [DatasetProblem] = []
        let properties = Fixtures.with(Fixtures.district, "kind", .string("funtional"))
        let district = try XCTUnwrap(District.decode(Fixtures.feature(properties), index: 4, problems: &problems))
        XCTAssertEqual(district.kind, .administrative)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.file, "districts.geojson")
        XCTAssertEqual(problems.first?.index, 4)
        XCTAssertEqual(problems.first?.id, "510703")
        XCTAssertEqual(problems.first?.property, "kind")
        XCTAssertEqual(problems.first?.severity, .error)
        XCTAssertTrue(problems.first?.reason.contains("\"functional\"") ?? false)
    }

    func testCodeGivenAsNumber() {
        var problems: [DatasetProblem] = []
        let properties = Fixtures.with(Fixtures.district, "code", .integer(510703))
        _ = District.decode(Fixtures.feature(properties), index: 0, problems: &problems)
        XCTAssertEqual(problems.about("code").map(\.reason), ["ids and codes are strings; write \"510703\""])
    }

    func testMissingCodeWithoutTopLevelIdIsUnusable() {
        var problems: [DatasetProblem] = []
        let properties = Fixtures.with(Fixtures.district, "code", nil)
        XCTAssertNil(District.decode(Fixtures.feature(properties), index: 2, problems: &problems))
        XCTAssertEqual(problems.about("code").map(\.severity), [.error])
        XCTAssertNil(problems.first?.id)
    }
}
