import XCTest
@testable import LayoutModel

/// The classifications of docs/import.md. Expected values: the examples of docs/import.md's
/// "Classifications" table (the project's specification), and, for what the table does not
/// give, the standards' own class lists as cited in each raw table's header.
final class CodeCrosswalkTests: XCTestCase {
    func testLandSurveyCodesOfTheSpecification() {
        // docs/import.md: 0601 工业用地 → 1001, 0602 采矿用地 → 1002, 0508 物流仓储用地 → 1101, 0701 → 0701.
        for (source, target) in [("0601", "1001"), ("0602", "1002"), ("0508", "1101"), ("0701", "0701")] {
            XCTAssertEqual(CodeCrosswalk.gb21010.map(source), .mapped(target), source)
        }
        // A finer code maps through its parent; a class the guide spread over several kinds is not guessed.
        XCTAssertEqual(CodeCrosswalk.gb21010.map("060101"), .mapped("1001"))
        XCTAssertNil(CodeCrosswalk.gb21010.map("0604").code, "仓储用地: 1101 or 1102")
        XCTAssertNil(CodeCrosswalk.gb21010.map("0304").code, "森林沼泽 moved to 05 湿地")
        XCTAssertNil(CodeCrosswalk.gb21010.map("M1").code)
    }

    func testEveryCrosswalkTargetIsACodeOfTheShippedTables() {
        for row in LandSurveyCodes.rows {
            XCTAssertNotNil(LandUseTable.lookup(row.target), "\(row.code) → \(row.target)")
        }
        for row in Industry2011Codes.unchangedClasses {
            XCTAssertEqual(IndustryTable.lookup(row.code)?.nameZh, row.name, "2011 \(row.code) kept its 2017 name")
        }
    }

    func testUrbanLandUseCodesOfTheSpecification() {
        // docs/import.md: M1/M2/M3 → 100101/100102/100103, W1/W2/W3 → 110101/110102/110103,
        // R → 07, A → 08, B → 09, S → 12, U → 13, G → 14; sub-codes map to their nearest class.
        let expected = ["M1": "100101", "M2": "100102", "M3": "100103", "W1": "110101", "W2": "110102", "W3": "110103",
                        "R": "07", "A": "08", "B": "09", "S": "12", "U": "13", "G": "14", "m2": "100102", "B11": "0901"]
        for (source, target) in expected {
            XCTAssertEqual(CodeCrosswalk.gb50137.map(source), .mapped(target), source)
        }
        // A3 教育科研 is split by the 2023 guide (0804 教育, 0802 科研): reported, not guessed.
        guard case .unmapped(let reason) = CodeCrosswalk.gb50137.map("A3") else { return XCTFail("A3 mapped") }
        XCTAssertTrue(reason.contains("0804, 0802"), reason)
        XCTAssertNil(CodeCrosswalk.gb50137.map("H21").code)
    }

    func testIndustryCodes2017AddTheSectionLetter() {
        XCTAssertEqual(CodeCrosswalk.gb4754.map("3974"), .mapped("C3974"))
        XCTAssertEqual(CodeCrosswalk.gb4754.map("C3974"), .mapped("C3974"))
        XCTAssertEqual(CodeCrosswalk.gb4754.map(" 39 "), .mapped("C39"))
        XCTAssertNil(CodeCrosswalk.gb4754.map("C1310").code, "a 2011 code is not a 2017 one")
    }

    func testIndustryCodes2011() {
        // One-to-one changes of the official list (LegacyIndustryCodes): 2011 C4041 → 2017 C4040;
        // 2011 C3962 半导体分立器件 → 2017 C3972 (2017 reused C3962 for 智能车载设备).
        XCTAssertEqual(CodeCrosswalk.gb4754Of2011.map("C4041"), .mapped("C4040"))
        XCTAssertEqual(CodeCrosswalk.gb4754Of2011.map("3962"), .mapped("C3972"))
        XCTAssertEqual(CodeCrosswalk.gb4754Of2011.map("C2614"), .mapped("C2614"))
        // A class 2017 split is reported with its successors.
        guard case .unmapped(let reason) = CodeCrosswalk.gb4754Of2011.map("C1310") else { return XCTFail("C1310 mapped") }
        XCTAssertTrue(reason.contains("C1311, C1312, C1313, C1314, C1319"), reason)
        // 2011 C1371 蔬菜加工 lost 食用菌 to 2017 C1372: not in the table, not guessed.
        XCTAssertNil(CodeCrosswalk.gb4754Of2011.map("C1371").code)
    }

    func testIndustryNames() {
        // docs/import.md: "显示器件制造" → C3974.
        XCTAssertEqual(CodeCrosswalk.gb4754Names.map("显示器件制造"), .mapped("C3974"))
        XCTAssertEqual(CodeCrosswalk.gb4754Names.map("农副食品加工业"), .mapped("C13"))
        XCTAssertEqual(CodeCrosswalk.gb4754Names.map("电子器件制造"), .mapped("C397"))
        // A group and its only class share the name: the group, which covers the class.
        XCTAssertEqual(CodeCrosswalk.gb4754Names.map("雷达及配套设备制造"), .mapped("C394"))
        XCTAssertNil(CodeCrosswalk.gb4754Names.map("显示器").code)
    }
}
