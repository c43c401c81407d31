import GeoCore
import XCTest
@testable import LayoutModel

final class EnterpriseDecodingTests: XCTestCase {
    private func decode(_ properties: JSONObject, geometry: Geometry? = Fixtures.point) -> (Enterprise?, [DatasetProblem]) {
        var problems: [DatasetProblem] = []
        let enterprise = Enterprise.decode(Fixtures.feature(properties, geometry: geometry), index: 1, problems: &problems)
        return (enterprise, problems)
    }

    func testCleanEnterpriseKeepsUnknownProperties() throws {
        var properties = Fixtures.enterprise
        properties["output_wan"] = .integer(52_000)
        properties["employees"] = .double(310)
        properties["above_scale"] = .bool(true)
        properties["credit_code"] = .string("91510700MA6")
        let (enterprise, problems) = decode(properties)
        XCTAssertEqual(problems, [])
        let e = try XCTUnwrap(enterprise)
        XCTAssertEqual(e.industry.value, "C3974")
        XCTAssertEqual(e.output, 52_000)
        XCTAssertEqual(e.employees, 310)
        XCTAssertEqual(e.aboveScale, true)
        XCTAssertNil(e.tax)
        XCTAssertNil(e.land)
        XCTAssertEqual(e.location, Position(104.705, 31.505))
        XCTAssertEqual(e.extraProperties, ["credit_code": .string("91510700MA6")])
        XCTAssertEqual(e.source.file, "enterprises.geojson")
    }

    func testNonIntegerEmployees() {
        let (enterprise, problems) = decode(Fixtures.with(Fixtures.enterprise, "employees", .double(12.5)))
        XCTAssertNil(enterprise?.employees)
        XCTAssertEqual(problems.about("employees").first?.reason, "\"employees\" must be a whole number, found 12.5")
        XCTAssertEqual(problems.about("employees").first?.id, "E1")
    }

    func testLegacyIndustryIsReportedUnknownNamingReplacements() throws {
        let (enterprise, problems) = decode(Fixtures.with(Fixtures.enterprise, "industry", .string("C1310")))
        XCTAssertEqual(try XCTUnwrap(enterprise).industry.value, "C1310")
        let problem = try XCTUnwrap(problems.about("industry").first)
        XCTAssertEqual(problem.severity, .error)
        XCTAssertTrue(problem.reason.contains("C1311, C1312") || problem.reason.contains("C1311 稻谷加工, C1312"), problem.reason)
    }

    func testBareIndustryNumberMakesTheEnterpriseUnusable() {
        let (enterprise, problems) = decode(Fixtures.with(Fixtures.enterprise, "industry", .string("3974")))
        XCTAssertNil(enterprise)
        XCTAssertEqual(problems.about("industry").first?.reason, "\"3974\" lacks its section letter; write \"C3974\"")
    }

    func testMissingRequiredName() throws {
        let (enterprise, problems) = decode(Fixtures.with(Fixtures.enterprise, "name", nil))
        XCTAssertEqual(try XCTUnwrap(enterprise).name, "E1", "the id stands in")
        XCTAssertEqual(problems.map(\.reason), ["missing required \"name\""])
    }

    func testPolygonInsteadOfPoint() {
        let (enterprise, problems) = decode(Fixtures.enterprise, geometry: Fixtures.square)
        XCTAssertNil(enterprise)
        XCTAssertEqual(problems.first?.property, "geometry")
        XCTAssertEqual(problems.first?.reason, "expected Point, found Polygon")
    }
}
