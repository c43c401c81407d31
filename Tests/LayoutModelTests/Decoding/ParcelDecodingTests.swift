import GeoCore
import XCTest
@testable import LayoutModel

final class ParcelDecodingTests: XCTestCase {
    private func decode(_ properties: JSONObject) -> (Parcel?, [DatasetProblem]) {
        var problems: [DatasetProblem] = []
        let parcel = Parcel.decode(Fixtures.feature(properties), index: 9, problems: &problems)
        return (parcel, problems)
    }

    func testCleanParcelWithDefaultsAndExtraProperties() throws {
        var properties = Fixtures.parcel
        properties["宗地编号"] = .string("510703-001")
        let (parcel, problems) = decode(properties)
        XCTAssertEqual(problems, [])
        let p = try XCTUnwrap(parcel)
        XCTAssertEqual(p.landUse, "100101")
        XCTAssertEqual(p.status, .built)
        XCTAssertEqual(p.floorArea, 0)
        XCTAssertEqual(p.footprint, 0)
        XCTAssertNil(p.investment)
        XCTAssertNil(p.tax)
        XCTAssertNil(p.enterprise)
        XCTAssertTrue(p.isIndustrialOrWarehouse)
        XCTAssertEqual(p.extraProperties, ["宗地编号": .string("510703-001")])
    }

    func testLandUseAsNumberNamesTheStringWithItsLeadingZero() {
        let (parcel, problems) = decode(Fixtures.with(Fixtures.parcel, "land_use", .integer(701)))
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.property, "land_use")
        XCTAssertEqual(problems.first?.index, 9)
        XCTAssertEqual(problems.first?.id, "L1")
        XCTAssertEqual(problems.first?.reason, "codes are strings; write \"0701\"")
        let (_, other) = decode(Fixtures.with(Fixtures.parcel, "land_use", .integer(1001)))
        XCTAssertEqual(other.first?.reason, "codes are strings; write \"1001\"")
    }

    /// Issue 20, item 11: a GB 50137-2011 class (城市用地分类与规划建设用地标准) is named as such,
    /// with the 2023 guide's class it became (class names in both standards: M1 一类工业用地 is
    /// 100101 一类工业用地; A3 教育科研用地 became 0804 教育用地 and 0802 科研用地).
    func testGB50137CodeNamesThe2023Code() {
        let (parcel, problems) = decode(Fixtures.with(Fixtures.parcel, "land_use", .string("M1")))
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.about("land_use").map(\.reason), [
            "\"M1\" is not a land-use code of the 2023 guide: it is 一类工业用地 of GB 50137-2011 "
                + "(城市用地分类与规划建设用地标准); write \"100101\" (一类工业用地)",
        ])
        let (_, split) = decode(Fixtures.with(Fixtures.parcel, "land_use", .string("A3")))
        XCTAssertEqual(split.about("land_use").first?.reason,
            "\"A3\" is not a land-use code of the 2023 guide: it is 教育科研用地 of GB 50137-2011 "
                + "(城市用地分类与规划建设用地标准); the 2023 guide splits it into \"0804\" (教育用地), \"0802\" (科研用地)")
    }

    func testUnknownLandUseIsAnErrorButTheParcelIsKept() throws {
        let (parcel, problems) = decode(Fixtures.with(Fixtures.parcel, "land_use", .string("1099")))
        XCTAssertEqual(try XCTUnwrap(parcel).landUse, "1099")
        XCTAssertEqual(problems.about("land_use").map(\.severity), [.error])
    }

    func testUnknownStatusSuggestsTheNearestValue() {
        let (parcel, problems) = decode(Fixtures.with(Fixtures.parcel, "status", .string("under-construction")))
        XCTAssertNil(parcel)
        XCTAssertTrue(problems.about("status").first?.reason.contains("did you mean \"under_construction\"") ?? false)
    }

    func testNegativeAndNonFiniteAndWronglyTypedNumbers() throws {
        var properties = Fixtures.parcel
        properties["floor_area_m2"] = .double(-5)
        properties["footprint_m2"] = .double(.infinity)
        properties["tax_wan"] = .string("12")
        properties["investment_wan"] = .double(300.5)
        let (parcel, problems) = decode(properties)
        let p = try XCTUnwrap(parcel)
        XCTAssertEqual(p.floorArea, 0)
        XCTAssertEqual(p.footprint, 0)
        XCTAssertNil(p.tax)
        XCTAssertEqual(p.investment, 300.5)
        XCTAssertEqual(problems.about("floor_area_m2").first?.reason, "\"floor_area_m2\" must be ≥ 0, found -5.0")
        XCTAssertEqual(problems.about("footprint_m2").first?.reason, "\"footprint_m2\" is not a finite number")
        XCTAssertEqual(problems.about("tax_wan").first?.reason, "expected a number, found string \"12\"")
        XCTAssertEqual(problems.count, 3)
    }

    func testStatusFlagsFollowTheContractTable() {
        // docs/dataset.md: built = developed, supplied, built; … unbuildable = excluded.
        let developed: Set<ParcelStatus> = [.built, .underConstruction, .suppliedUnbuilt, .idle, .ready]
        let supplied: Set<ParcelStatus> = [.built, .underConstruction, .suppliedUnbuilt, .idle]
        for status in ParcelStatus.allCases {
            XCTAssertEqual(status.isDeveloped, developed.contains(status), status.rawValue)
            XCTAssertEqual(status.isSupplied, supplied.contains(status), status.rawValue)
            XCTAssertEqual(status.isBuilt, status == .built)
            XCTAssertEqual(status.isIdle, status == .idle)
            XCTAssertEqual(status.isBuildable, status != .unbuildable)
        }
        XCTAssertEqual(ParcelStatus.allCases.count, 7)
        XCTAssertEqual(ParcelStatus(rawValue: "supplied_unbuilt")?.nameZh, "已供未建")
    }
}
