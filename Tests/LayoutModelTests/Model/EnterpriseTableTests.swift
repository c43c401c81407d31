import GeoCore
import XCTest
@testable import LayoutModel

/// `EnterpriseTable` holds what `[Enterprise]` held, in columns: every value
/// written must read back as written (expectations are the values put in).
final class EnterpriseTableTests: XCTestCase {
    private func enterprise(_ id: String, _ name: String, _ code: String, x: Double, y: Double, z: Double? = nil, index: Int) -> Enterprise {
        Enterprise(
            id: id, name: name, industry: IndustryCode(validating: code)!, geometry: .point(Position(x: x, y: y, z: z)),
            source: FeatureSource(file: DatasetFile.enterprises, index: index))
    }

    func testEveryColumnRoundTripsWithAbsentAndPresentValues() throws {
        var a = enterprise("E1", "绵阳京东方光电科技有限公司", "C3974", x: 104.7051, y: 31.5049, index: 0)
        a.output = -0.0            // ≥ 0 for the decoder; its sign must survive
        a.tax = 0.1 + 0.2          // 0.30000000000000004, not 0.3
        a.employees = Int.max      // 9223372036854775807
        a.land = 1e308
        a.aboveScale = false
        a.extraProperties = ["credit_code": .string("91510700MA6"), "n": .integer(-9_223_372_036_854_775_808)]
        var b = enterprise("E2", "", "C2661", x: -180, y: 90, z: 512.25, index: 7)
        b.aboveScale = true
        let c = enterprise("企业-三", "Ünïcödé 🏭", "C3974", x: 0, y: -0.0, index: 9)

        let table: EnterpriseTable = [a, b, c]
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(Array(table), [a, b, c])
        XCTAssertEqual(table[0].output?.sign, .minus)
        XCTAssertEqual(table[0].tax, 0.30000000000000004)
        XCTAssertEqual(table[0].employees, 9_223_372_036_854_775_807)
        XCTAssertEqual(table[0].land, 1e308)
        XCTAssertEqual(table[0].aboveScale, false)
        XCTAssertEqual(table[1].aboveScale, true)
        XCTAssertNil(table[2].aboveScale)
        XCTAssertNil(table[1].output)
        XCTAssertNil(table[1].employees)
        XCTAssertEqual(table[1].location, Position(x: -180, y: 90, z: 512.25))
        XCTAssertEqual(table[2].location?.y.sign, .minus)
        XCTAssertEqual(table[2].id, "企业-三")
        XCTAssertEqual(table[2].name, "Ünïcödé 🏭")
        XCTAssertEqual(table[0].name, "绵阳京东方光电科技有限公司")
        XCTAssertEqual(table[1].name, "")
        XCTAssertEqual(table[0].extraProperties.keys, ["credit_code", "n"])
        XCTAssertEqual(table[2].source, FeatureSource(file: "enterprises.geojson", index: 9))
        // Columns: two distinct codes, interned in order of first use.
        XCTAssertEqual(table.industryCodes.map(\.value), ["C3974", "C2661"])
        XCTAssertEqual(table.industryIndex, [0, 1, 0])
        XCTAssertEqual(table.x, [104.7051, -180, 0])
        XCTAssertEqual(table.y, [31.5049, 90, -0.0])
        XCTAssertEqual(table.output(at: 0), -0.0)
        XCTAssertNil(table.output(at: 1))
        XCTAssertEqual(table.industry(at: 1).value, "C2661")
    }

    func testCopiesAreIndependent() {
        let a = enterprise("E1", "甲", "C3974", x: 104.7, y: 31.5, index: 0)
        var first: EnterpriseTable = [a]
        let second = first
        first[0].output = 12
        first[0].name = "甲乙丙"
        first.append(enterprise("E2", "乙", "C2661", x: 104.8, y: 31.6, index: 1))
        XCTAssertEqual(second.count, 1)
        XCTAssertNil(second[0].output)
        XCTAssertEqual(second[0].name, "甲")
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first[0].output, 12)
        XCTAssertEqual(first[0].name, "甲乙丙")
        XCTAssertEqual(first[1].industry.value, "C2661")
    }

    func testMutationThroughTheSubscriptAndReplacement() {
        var table: EnterpriseTable = [
            enterprise("E1", "甲", "C3974", x: 1, y: 2, index: 0),
            enterprise("E2", "乙", "C2661", x: 3, y: 4, index: 1),
            enterprise("E3", "丙", "C3974", x: 5, y: 6, index: 2),
        ]
        table[1].geometry = .point(Position(7, 8))
        table[1].industry = IndustryCode(validating: "C3985")!
        table[1].employees = 42
        table[2].output = 3.5
        table[2].output = nil
        XCTAssertEqual(table[1].location, Position(7, 8))
        XCTAssertEqual(table[1].industry.value, "C3985")
        XCTAssertEqual(table[1].employees, 42)
        XCTAssertNil(table[2].output)
        XCTAssertEqual(table[0].name, "甲")

        table.remove(at: 0)
        XCTAssertEqual(table.map(\.id), ["E2", "E3"])
        table.insert(enterprise("E0", "零", "C2661", x: 0, y: 0, index: 5), at: 1)
        XCTAssertEqual(table.map(\.id), ["E2", "E0", "E3"])
        XCTAssertEqual(table.removingRows([0, 2]).map(\.id), ["E0"])
        XCTAssertEqual(table.selecting([2, 0]).map(\.id), ["E3", "E2"])
        XCTAssertEqual(table.selecting([2, 0])[1].employees, 42)
        XCTAssertEqual(table.filter { $0.industry.value == "C3974" }.map(\.id), ["E3"])

        var joined = EnterpriseTable()
        joined.append(table: table, indexOffset: 100)
        XCTAssertEqual(joined.map(\.source.index), [101, 105, 102])
        XCTAssertEqual(joined.map(\.name), ["乙", "零", "丙"])
    }

    /// A Polygon (never accepted by the decoders, but a value may hold one) is kept aside.
    func testANonPointGeometryIsKept() {
        let square = Geometry.polygon(Polygon(exterior: CoordinateSequence(xy: [(0, 0), (1, 0), (1, 1), (0, 0)])))
        var e = enterprise("E1", "甲", "C3974", x: 0, y: 0, index: 0)
        e.geometry = square
        let table: EnterpriseTable = [e]
        XCTAssertEqual(table[0].geometry, square)
        XCTAssertNil(table.location(at: 0))
    }
}
