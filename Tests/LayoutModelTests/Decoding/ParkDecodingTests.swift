import GeoCore
import XCTest
@testable import LayoutModel

final class ParkDecodingTests: XCTestCase {
    private func decode(_ properties: JSONObject?, geometry: Geometry? = Fixtures.square, id: FeatureID? = nil)
        -> (Park?, [DatasetProblem])
    {
        var problems: [DatasetProblem] = []
        let park = Park.decode(Fixtures.feature(properties, geometry: geometry, id: id), index: 3, problems: &problems)
        return (park, problems)
    }

    func testCleanParkWithDefaults() throws {
        var properties = Fixtures.park
        properties["area_plan_km2"] = .double(12.5)
        let (park, problems) = decode(properties)
        XCTAssertEqual(problems, [])
        let p = try XCTUnwrap(park)
        XCTAssertEqual(p.level, .national)
        XCTAssertEqual(p.mainIndustries.map(\.value), ["C39", "C3841"])
        XCTAssertEqual(p.featuredIndustries, [])
        XCTAssertNil(p.featuredStatus)
        XCTAssertFalse(p.chemicalPark)
        XCTAssertNil(p.district)
        XCTAssertNil(p.parent)
        XCTAssertEqual(p.extraProperties, ["area_plan_km2": .double(12.5)])
    }

    func testPositioningCaps() {
        XCTAssertEqual(ParkLevel.national.positioningCap, PositioningCap(main: 3, featured: 2))
        XCTAssertEqual(ParkLevel.provincial.positioningCap, PositioningCap(main: 2, featured: 2))
        XCTAssertEqual(ParkLevel.municipal.positioningCap, PositioningCap(main: 2, featured: 2))
    }

    func testChineseLevelIsRejectedWithTheEnglishValue() {
        let (park, problems) = decode(Fixtures.with(Fixtures.park, "level", .string("省级")))
        XCTAssertNil(park, "level is required to use the park")
        let problem = problems.about("level").first
        XCTAssertEqual(problem?.severity, .error)
        XCTAssertEqual(problem?.id, "P1")
        XCTAssertTrue(problem?.reason.contains("write \"provincial\"") ?? false)
    }

    func testMissingRequiredMainIndustries() throws {
        let (park, problems) = decode(Fixtures.with(Fixtures.park, "main_industries", nil))
        XCTAssertEqual(try XCTUnwrap(park).mainIndustries, [])
        XCTAssertEqual(problems.about("main_industries").map(\.reason), ["missing required \"main_industries\""])
    }

    func testMainIndustriesAsStringIsAWrongType() {
        let (_, problems) = decode(Fixtures.with(Fixtures.park, "main_industries", .string("C39")))
        XCTAssertEqual(problems.about("main_industries").first?.reason, "expected an array of codes, found a string; write [\"C39\"]")
    }

    /// Item 9 of issue 20: a list typed as one string is split where a user separates codes
    /// (commas, 、 ， ; ； and spaces), so following the hint gives valid codes.
    func testIndustriesTypedAsOneStringAreSplitInTheHint() {
        for text in ["C392, C394", "C392、C394", "C392，C394", "C392; C394", "C392；C394", "C392 C394", " C392,,C394 "] {
            let (_, problems) = decode(Fixtures.with(Fixtures.park, "main_industries", .string(text)))
            XCTAssertEqual(problems.about("main_industries").first?.reason,
                           "expected an array of codes, found a string; write [\"C392\", \"C394\"]", text)
        }
    }

    func testBadItemsOfIndustryListsAreReportedByPosition() throws {
        let list: JSONValue = .array([.string("C39"), .string("3974"), .integer(3841), .string("C1310"), .string("C39")])
        let (park, problems) = decode(Fixtures.with(Fixtures.park, "main_industries", list))
        // Bare and numeric codes are dropped, the 2011 code is kept, the repeat is dropped.
        XCTAssertEqual(try XCTUnwrap(park).mainIndustries.map(\.value), ["C39", "C1310"])
        XCTAssertEqual(problems.about("main_industries[1]").first?.reason, "\"3974\" lacks its section letter; write \"C3974\"")
        XCTAssertEqual(problems.about("main_industries[2]").first?.reason,
                       "codes are strings with their section letter; write \"C3841\"")
        XCTAssertTrue(problems.about("main_industries[3]").first?.reason.contains("C1311 稻谷加工") ?? false)
        XCTAssertEqual(problems.about("main_industries[4]").first?.severity, .warning)
        XCTAssertEqual(problems.count, 4)
    }

    func testUnknownFeaturedStatusAndWrongTypeForChemicalPark() throws {
        var properties = Fixtures.park
        properties["featured_status"] = .string("approved")
        properties["chemical_park"] = .string("true")
        let (park, problems) = decode(properties)
        let p = try XCTUnwrap(park)
        XCTAssertNil(p.featuredStatus)
        XCTAssertFalse(p.chemicalPark)
        XCTAssertEqual(problems.about("featured_status").map(\.severity), [.error])
        XCTAssertEqual(problems.about("chemical_park").first?.reason, "expected true or false, found string \"true\"")
    }

    func testNullParentAndFeaturedStatusAreAbsent() throws {
        var properties = Fixtures.park
        properties["parent"] = .null
        properties["featured_status"] = .null
        properties["featured_industries"] = .array([.string("C3974")])
        properties["district"] = .string("510703")
        properties["chemical_park"] = .bool(true)
        let (park, problems) = decode(properties)
        XCTAssertEqual(problems, [])
        let p = try XCTUnwrap(park)
        XCTAssertNil(p.parent)
        XCTAssertNil(p.featuredStatus)
        XCTAssertEqual(p.district, "510703")
        XCTAssertTrue(p.chemicalPark)
        XCTAssertEqual(p.featuredIndustries.map(\.value), ["C3974"])
    }

    func testTopLevelIdStandsInForAMissingIdProperty() throws {
        let (park, problems) = decode(Fixtures.with(Fixtures.park, "id", nil), id: .integer(7))
        XCTAssertEqual(try XCTUnwrap(park).id, "7")
        XCTAssertEqual(problems.map(\.severity), [.warning])
        XCTAssertEqual(problems.first?.id, "7")
        XCTAssertEqual(problems.first?.property, "id")
    }

    func testNullPropertiesReportEveryRequiredKey() {
        let (park, problems) = decode(nil)
        XCTAssertNil(park)
        XCTAssertEqual(Set(problems.compactMap(\.property)), ["id", "name", "level", "main_industries"])
    }
}
