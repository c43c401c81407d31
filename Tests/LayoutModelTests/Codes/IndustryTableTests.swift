import XCTest
@testable import LayoutModel

/// Facts of GB/T 4754-2017 (国民经济行业分类): 20 门类, 97 大类, 473 中类, 1382 小类.
final class IndustryTableTests: XCTestCase {
    func testTwentySectionsAndNinetySevenDivisions() {
        XCTAssertEqual(IndustryTable.allSections.map(\.code), (0x41...0x54).map { String(UnicodeScalar(UInt8($0))) })
        XCTAssertEqual(IndustryTable.allDivisions.count, 97)
        XCTAssertEqual(IndustryTable.allDivisions.map { String($0.code.dropFirst()) }, (1...97).map { String(format: "%02d", $0) })
    }

    func testEveryDivisionCarriesTheSectionOfItsRange() {
        // Ranges from the standard's summary table; the map string was printed by
        // `python3 Tests/Reference/codes_gbt4754.py` (A01-05 B06-12 C13-43 D44-46
        // E47-50 F51-52 G53-60 H61-62 I63-65 J66-69 K70 L71-72 M73-75 N76-79
        // O80-82 P83 Q84-85 R86-90 S91-96 T97).
        let map = Array("AAAAABBBBBBBCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDDDEEEEFFGGGGGGGGHHIIIJJJJKLLMMMNNNNOOOPQQRRRRRSSSSSST")
        XCTAssertEqual(map.count, 97)
        for (offset, division) in IndustryTable.allDivisions.enumerated() {
            XCTAssertEqual(division.code.first, map[offset], division.code)
            XCTAssertEqual(division.parentCode, String(map[offset]))
        }
        XCTAssertEqual(IndustryTable.section(forDivision: "39"), "C")
        XCTAssertEqual(IndustryTable.section(forDivision: "90"), "R")
        XCTAssertEqual(IndustryTable.section(forDivision: "91"), "S")
        XCTAssertEqual(IndustryTable.section(forDivision: "97"), "T")
        XCTAssertNil(IndustryTable.section(forDivision: "98"))
    }

    func testNamesFromTheStandardsText() {
        let expected = [
            "C": "制造业", "T": "国际组织", "C13": "农副食品加工业", "C26": "化学原料和化学制品制造业",
            "C39": "计算机、通信和其他电子设备制造业", "C397": "电子器件制造", "C3974": "显示器件制造",
            "C3973": "集成电路制造", "C3841": "锂离子电池制造", "C3670": "汽车零部件及配件制造",
            "C3424": "金属切割及焊接设备制造", "C2662": "专项化学用品制造", "C3962": "智能车载设备制造",
            "C398": "电子元件及电子专用材料制造", "C3985": "电子专用材料制造", "C1311": "稻谷加工",
            "C1512": "白酒制造", "C3612": "新能源车整车制造", "C3825": "光伏设备及元器件制造", "C3218": "硅冶炼",
        ]
        for (code, name) in expected { XCTAssertEqual(IndustryTable.lookup(code)?.nameZh, name, code) }
    }

    func testRequiredCodesAreShippedWithBothNames() {
        let required = ["C13", "C14", "C17", "C26", "C261", "C266", "C2661", "C2662", "C27", "C30", "C31", "C32",
                        "C324", "C34", "C3424", "C35", "C36", "C367", "C3670", "C37", "C374", "C38", "C384", "C3841",
                        "C39", "C392", "C3921", "C394", "C396", "C3962", "C397", "C398", "C40", "C404", "C25", "C251"]
            + ["1", "2", "3", "4", "5", "6", "9"].map { "C397\($0)" }
            + ["1", "2", "3", "4", "5", "9"].map { "C398\($0)" }
        for code in required {
            let entry = IndustryTable.lookup(code)
            XCTAssertNotNil(entry, code)
            XCTAssertFalse(entry?.nameEn.isEmpty ?? true, code)
        }
    }

    func testEveryCompletelyListedParentIsShippedWithChildren() {
        for code in IndustryTable.completeParents {
            XCTAssertNotNil(IndustryTable.lookup(code), code)
            XCTAssertTrue(IndustryTable.byCode.values.contains { $0.parentCode == code }, code)
        }
    }

    func testCodesAreUnique() {
        let total = IndustryTable.allSections.count + IndustryTable.allDivisions.count + IndustryTable.allGroupsAndClasses.count
        XCTAssertEqual(IndustryTable.byCode.count, total)
    }

    func testEveryShippedEntryHasItsParentShipped() {
        for entry in IndustryTable.allGroupsAndClasses {
            guard let parent = entry.parentCode else { return XCTFail(entry.code) }
            XCTAssertNotNil(IndustryTable.lookup(parent), "\(entry.code) → \(parent)")
        }
    }

    func testCodesOfTheSameGroupAreCoveredAndOthersAreNot() throws {
        let c39 = try XCTUnwrap(IndustryCode(validating: "C39"))
        let c397 = try XCTUnwrap(IndustryCode(validating: "C397"))
        let c3974 = try XCTUnwrap(IndustryCode(validating: "C3974"))
        let c3981 = try XCTUnwrap(IndustryCode(validating: "C3981"))
        let section = try XCTUnwrap(IndustryCode(validating: "C"))
        XCTAssertTrue(c39.covers(c3974))
        XCTAssertTrue(c397.covers(c3974))
        XCTAssertTrue(section.covers(c3981))
        XCTAssertTrue(c3974.covers(c3974))
        XCTAssertFalse(c397.covers(c3981))
        XCTAssertFalse(c3974.covers(c397))
        XCTAssertTrue(c3974.matches(c39))
    }

    func testLegacyCodeIsUnknownNamingItsReplacements() {
        guard case .unknown(let reason) = IndustryTable.check("C1310") else { return XCTFail("C1310 is a 2011 code") }
        for replacement in ["C1311", "C1312", "C1313", "C1314", "C1319"] {
            XCTAssertTrue(reason.contains(replacement), reason)
        }
        XCTAssertTrue(reason.contains("2011"), reason)
    }

    func testReusedLegacyNumbersStayValid() {
        // C3962 meant 半导体分立器件制造 in 2011; in 2017 it is 智能车载设备制造.
        XCTAssertEqual(IndustryTable.check("C3962"), .known)
        XCTAssertEqual(LegacyIndustryCodes.lookup("C3962")?.replacements, ["C3972"])
    }

    func testUnknownBelowCompleteParentAndUnlistedBelowPartialOne() {
        // C397 lists all seven of its classes.
        guard case .unknown = IndustryTable.check("C3977") else { return XCTFail("C3977 does not exist") }
        // C1721 毛条和毛纱线加工 exists; C172 is not shipped.
        XCTAssertEqual(IndustryTable.check("C1721"), .unlisted(ancestor: "C17"))
        guard case .malformed = IndustryTable.check("3974") else { return XCTFail("bare numbers are rejected") }
    }
}
