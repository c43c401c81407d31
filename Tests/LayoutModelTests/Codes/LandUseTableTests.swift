import XCTest
@testable import LayoutModel

/// Names checked against the text of 《国土空间调查、规划、用途管制用地用海分类指南》(2023).
final class LandUseTableTests: XCTestCase {
    func testLevelOneClassesOfTheGuide() {
        // The guide's level-1 land classes 01–17 and 23 (18–22, 24 are sea use).
        let expected: [String: String] = [
            "01": "耕地", "02": "园地", "03": "林地", "04": "草地", "05": "湿地", "06": "农业设施建设用地",
            "07": "居住用地", "08": "公共管理与公共服务用地", "09": "商业服务业用地", "10": "工矿用地",
            "11": "仓储用地", "12": "交通运输用地", "13": "公用设施用地", "14": "绿地与开敞空间用地",
            "15": "特殊用地", "16": "留白用地", "17": "陆地水域", "23": "其他土地",
        ]
        for (code, name) in expected {
            XCTAssertEqual(LandUseTable.lookup(code)?.nameZh, name, code)
            XCTAssertEqual(LandUseTable.lookup(code)?.level, 1, code)
        }
    }

    func testParkClassesArePresentWithTheirNames() {
        let required = ["0701", "070101", "070102", "070103", "0702", "0901", "0902", "1001", "100101", "100102",
                        "100103", "1002", "1101", "110101", "110102", "110103", "1102", "1401", "1402", "1403", "2301"]
            + (1...9).map { "120\($0)" } + (1...12).map { String(format: "13%02d", $0) } + (1...6).map { "080\($0)" }
        for code in required { XCTAssertNotNil(LandUseTable.lookup(code), code) }
        XCTAssertEqual(LandUseTable.lookup("1001")?.nameZh, "工业用地")
        XCTAssertEqual(LandUseTable.lookup("100102")?.nameZh, "二类工业用地")
        XCTAssertEqual(LandUseTable.lookup("1101")?.nameZh, "物流仓储用地")
        XCTAssertEqual(LandUseTable.lookup("2301")?.nameZh, "空闲地")
        XCTAssertEqual(LandUseTable.lookup("1207")?.nameZh, "城镇村道路用地")
        XCTAssertEqual(LandUseTable.lookup("1401")?.nameZh, "公园绿地")
    }

    func testEveryEntryHasBothNamesAndItsParentIsShipped() {
        for entry in LandUseTable.all {
            XCTAssertFalse(entry.nameZh.isEmpty || entry.nameEn.isEmpty, entry.code)
            if let parent = entry.parentCode { XCTAssertNotNil(LandUseTable.lookup(parent), entry.code) }
        }
        XCTAssertEqual(Set(LandUseTable.all.map(\.code)).count, LandUseTable.all.count, "codes are unique")
    }

    func testHierarchyByPrefix() {
        XCTAssertEqual(LandUseTable.lookup("1001")?.parentCode, "10")
        XCTAssertEqual(LandUseTable.lookup("100101")?.parentCode, "1001")
        XCTAssertNil(LandUseTable.lookup("10")?.parentCode)
        XCTAssertEqual(LandUseCode.level(of: "100101"), 3)
        XCTAssertNil(LandUseCode.level(of: "101"))
        XCTAssertNil(LandUseCode.level(of: "10a1"))
        XCTAssertEqual(LandUseCode.ancestor(of: "100101", atLevel: 1), "10")
        XCTAssertEqual(LandUseCode.ancestor(of: "100101", atLevel: 2), "1001")
        XCTAssertEqual(LandUseCode.ancestor(of: "100101", atLevel: 3), "100101")
        XCTAssertNil(LandUseCode.ancestor(of: "10", atLevel: 2))
        XCTAssertTrue(LandUseCode.matches("100101", prefix: "10"))
        XCTAssertTrue(LandUseCode.matches("1001", prefix: "1001"))
        XCTAssertFalse(LandUseCode.matches("1101", prefix: "10"))
        XCTAssertFalse(LandUseCode.matches("10", prefix: "1001"))
    }

    func testClassConveniences() throws {
        let industrial = try XCTUnwrap(LandUseTable.lookup("100102"))
        XCTAssertEqual(industrial.level, 3)
        XCTAssertEqual(industrial.ancestor(atLevel: 1), "10")
        XCTAssertTrue(industrial.matches(prefix: "1001"))
        XCTAssertTrue(industrial.isIndustrialOrWarehouse)
        XCTAssertFalse(try XCTUnwrap(LandUseTable.lookup("0701")).isIndustrialOrWarehouse)
        XCTAssertEqual(LandUseTable.nearestKnown("020101")?.code, "02")
    }

    func testIndustrialOrWarehouseIsUnderTenOrEleven() {
        for code in ["10", "1001", "100103", "1002", "11", "1101", "110102", "1102"] {
            XCTAssertTrue(LandUseCode.isIndustrialOrWarehouse(code), code)
        }
        for code in ["07", "0901", "12", "1208", "23", "2301", "01"] {
            XCTAssertFalse(LandUseCode.isIndustrialOrWarehouse(code), code)
        }
    }

    func testCheckDistinguishesUnknownFromUnlisted() {
        XCTAssertEqual(LandUseTable.check("1001"), .known)
        // 16 留白用地 has no subclasses in the guide.
        guard case .unknown = LandUseTable.check("1601") else { return XCTFail("1601 is not a class") }
        // 1001 lists all its level-3 classes.
        guard case .unknown = LandUseTable.check("100104") else { return XCTFail("100104 is not a class") }
        guard case .unknown = LandUseTable.check("99") else { return XCTFail("99 is not a class") }
        // 0201 果园 exists in the guide; the level-2 classes of 02 are not shipped.
        XCTAssertEqual(LandUseTable.check("0201"), .unlisted(ancestor: "02"))
        guard case .malformed = LandUseTable.check("100") else { return XCTFail("3 digits are malformed") }
    }

    /// Every 2023 class a GB 50137-2011 code points to is a shipped class, and no 2011 code
    /// (letters, e.g. "M1") can be taken for a well-formed 2023 code.
    func testGB50137CrosswalkPointsToShippedClasses() {
        XCTAssertFalse(LegacyLandUseCodes.all.isEmpty)
        for legacy in LegacyLandUseCodes.all {
            XCTAssertFalse(LandUseCode.isWellFormed(legacy.code), legacy.code)
            for r in legacy.replacements { XCTAssertNotNil(LandUseTable.lookup(r), "\(legacy.code) → \(r)") }
        }
        XCTAssertEqual(LegacyLandUseCodes.lookup("m2")?.replacements, ["100102"])
        XCTAssertEqual(Set(LegacyLandUseCodes.all.map(\.code)).count, LegacyLandUseCodes.all.count)
    }
}
