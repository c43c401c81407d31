import Cartography
import XCTest

/// The palette follows the conventional colours of the planning standard
/// (LandUsePalette's table): every level of a class keeps its family colour.
final class LandUsePaletteTests: XCTestCase {
    func testIndustrialBrownAtEveryLevel() {
        for code in ["10", "1001", "100101", "100102", "100103"] {
            XCTAssertEqual(LandUsePalette.color(for: code), "#BB9674", code)
        }
    }

    func testWarehousePurpleResidentialYellowAndOthers() {
        for code in ["11", "1101", "110101", "1102"] { XCTAssertEqual(LandUsePalette.color(for: code), "#9E7DC9", code) }
        for code in ["07", "0701", "070102"] { XCTAssertEqual(LandUsePalette.color(for: code), "#FFFF2D", code) }
        XCTAssertEqual(LandUsePalette.color(for: "09"), LandUsePalette.color(for: "0901"))
        XCTAssertEqual(LandUsePalette.color(for: "1401"), LandUsePalette.color(for: "14"))
        XCTAssertEqual(LandUsePalette.color(for: "1301"), LandUsePalette.color(for: "13"))
        XCTAssertEqual(LandUsePalette.color(for: "17"), "#A6D8F5")
        // A level-2 shade of its own, inherited by its level-3 children.
        XCTAssertEqual(LandUsePalette.color(for: "1402"), "#2E9E47")
        XCTAssertNotEqual(LandUsePalette.color(for: "1402"), LandUsePalette.color(for: "14"))
    }

    func testHueFamilies() throws {
        // Hue sanity against the standard's families, independent of the exact values.
        func rgb(_ hex: String) -> (Double, Double, Double) {
            let v = Int(hex.dropFirst(), radix: 16)!
            return (Double((v >> 16) & 255), Double((v >> 8) & 255), Double(v & 255))
        }
        let industrial = rgb(LandUsePalette.color(for: "1001"))
        XCTAssertTrue(industrial.0 > industrial.1 && industrial.1 > industrial.2, "brown: R > G > B")
        let warehouse = rgb(LandUsePalette.color(for: "1101"))
        XCTAssertTrue(warehouse.2 > warehouse.1 && warehouse.0 > warehouse.1, "purple: R and B above G")
        let commercial = rgb(LandUsePalette.color(for: "0901"))
        XCTAssertTrue(commercial.0 > 200 && commercial.1 < 100, "red")
        let green = rgb(LandUsePalette.color(for: "1401"))
        XCTAssertTrue(green.1 > green.0 && green.1 > green.2, "green")
        let water = rgb(LandUsePalette.color(for: "17"))
        XCTAssertTrue(water.2 > water.0, "blue")
        let road = rgb(LandUsePalette.color(for: "1207"))
        XCTAssertTrue(road.0 == road.1 && road.1 == road.2, "grey")
    }

    func testUnknownAndMalformedCodesAreNeutral() {
        XCTAssertEqual(LandUsePalette.color(for: "99"), LandUsePalette.unknownColor)
        XCTAssertEqual(LandUsePalette.color(for: "1a"), LandUsePalette.unknownColor)
        XCTAssertEqual(LandUsePalette.color(for: ""), LandUsePalette.unknownColor)
    }

    func testLegendGroupsByColouredClass() {
        XCTAssertEqual(LandUsePalette.legendCode(for: "100101"), "10")
        XCTAssertEqual(LandUsePalette.legendCode(for: "1402"), "1402")
        XCTAssertEqual(LandUsePalette.legendCode(for: "1401"), "14")
        XCTAssertEqual(LandUsePalette.legendCode(for: "0701"), "07")
    }
}
