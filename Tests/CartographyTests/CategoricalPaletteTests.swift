import Cartography
import XCTest

/// Distinct colours for distinct categories, whatever their number and order.
final class CategoricalPaletteTests: XCTestCase {
    func testFixedColoursBySortedKeyWhateverTheOrder() {
        let a = CategoricalPalette(keys: ["C39", "C13", "C26", "C13"])
        let b = CategoricalPalette(keys: ["C26", "C39", "C13"])
        XCTAssertEqual(a.keys, ["C13", "C26", "C39"])
        for key in a.keys { XCTAssertEqual(a.color(for: key), b.color(for: key)) }
        XCTAssertEqual(a.color(for: "C13"), "#FFB300")  // Kelly's first colour, vivid yellow
        XCTAssertEqual(a.color(for: "C39"), "#FF6800")  // Kelly's third, vivid orange
        XCTAssertNil(a.color(for: "C40"))
    }

    func testDistinctColoursForAnyNumberOfKeys() {
        for n in [1, 5, 12, 19, 20, 24, 60, 400, 5000] {
            let keys = (0..<n).map { "K\($0)" }
            let palette = CategoricalPalette(keys: keys)
            let colors = keys.compactMap { palette.color(for: $0) }
            XCTAssertEqual(colors.count, n)
            XCTAssertEqual(Set(colors).count, n, "\(n) keys")
            XCTAssertTrue(colors.allSatisfy { $0.count == 7 && $0.hasPrefix("#") && $0.dropFirst().allSatisfy(\.isHexDigit) })
            if n <= CategoricalPalette.fixed.count {
                XCTAssertEqual(palette.keys.map { palette.color(for: $0)! }, Array(CategoricalPalette.fixed.prefix(n)))
            }
        }
    }

    /// Hue-spread colours agree with Python's colorsys (HLS, same hue/lightness/saturation):
    ///   python3 -c "import colorsys; h,l,s = 7/24, 0.58, 0.7; \
    ///     print('#%02X%02X%02X' % tuple(round(c*255) for c in colorsys.hls_to_rgb(h,l,s)))"
    /// gives #6EDF49 (i = 7 of 24); i = 0 → #B62020, i = 1 → #DF6E49; i = 13 of 30 → #49DFA3.
    func testHueSpreadMatchesColorsys() {
        let spread24 = CategoricalPalette.hueSpread(24)
        XCTAssertEqual(spread24[0], "#B62020")
        XCTAssertEqual(spread24[1], "#DF6E49")
        XCTAssertEqual(spread24[7], "#6EDF49")
        XCTAssertEqual(CategoricalPalette.hueSpread(30)[13], "#49DFA3")
    }
}
