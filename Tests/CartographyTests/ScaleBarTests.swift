@testable import Cartography
import XCTest

/// Nice lengths by hand: the largest 1, 2 or 5 × 10ⁿ not above the limit.
final class ScaleBarTests: XCTestCase {
    func testNiceLengths() {
        XCTAssertEqual(ScaleBar.niceLength(atMost: 2721.6), 2000)
        XCTAssertEqual(ScaleBar.niceLength(atMost: 999.9), 500)
        XCTAssertEqual(ScaleBar.niceLength(atMost: 1000), 1000)
        XCTAssertEqual(ScaleBar.niceLength(atMost: 49_999), 20_000)
        XCTAssertEqual(ScaleBar.niceLength(atMost: 7.3), 5)
        XCTAssertEqual(ScaleBar.niceLength(atMost: 0.15), 0.1)
    }

    func testBarPixelsFollowScale() {
        // 0.05 px/m and 264.5 px at most: 5290 m → 5 km → 250 px.
        let bar = ScaleBar(pixelsPerMetre: 0.05, maximumPixels: 264.5)
        XCTAssertEqual(bar.lengthMetres, 5000)
        XCTAssertEqual(bar.lengthPixels, 250, accuracy: 1e-9)
    }

    func testLabels() {
        XCTAssertEqual(ScaleBar.label(metres: 500), "500 m")
        XCTAssertEqual(ScaleBar.label(metres: 2000), "2 km")
        XCTAssertEqual(ScaleBar.label(metres: 25_000), "25 km")
        XCTAssertEqual(ScaleBar.label(metres: 2500), "2.5 km")
    }

    func testSVGNumberFormatting() {
        XCTAssertEqual(SVGText.number(12.04, decimals: 1), "12")
        XCTAssertEqual(SVGText.number(12.25, decimals: 2), "12.25")
        XCTAssertEqual(SVGText.number(-0.04, decimals: 1), "0")
        XCTAssertEqual(SVGText.number(-3.06, decimals: 1), "-3.1")
        XCTAssertEqual(SVGText.number(0.05, decimals: 2), "0.05")
        XCTAssertEqual(SVGText.escape("A&B <1> \"q\" 'a'"), "A&amp;B &lt;1&gt; &quot;q&quot; &apos;a&apos;")
    }
}
