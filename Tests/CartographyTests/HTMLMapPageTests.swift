import Cartography
import Foundation
import XCTest

/// The HTML page is self-contained: no network resource of any kind.
final class HTMLMapPageTests: XCTestCase {
    func testNoExternalResourcesAndPanZoomControls() throws {
        let layers = try MapLayerRegistry.base.build(nil, from: TinyDataset.make())
        let svg = try SVGMapRenderer.render(MapDocument(title: "测试", layers: layers))
        let html = HTMLMapPage.wrap(svg: svg, title: "测试 <page>")
        XCTAssertFalse(html.lowercased().contains("http://"), "no http URL at all")
        XCTAssertFalse(html.lowercased().contains("https://"))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertNil(html.range(of: "src\\s*=", options: .regularExpression), "no src attributes")
        XCTAssertTrue(html.contains("<title>测试 &lt;page&gt;</title>"))
        XCTAssertTrue(html.contains("id=\"map-svg\""))
        for id in ["zoom-in", "zoom-out", "zoom-reset"] { XCTAssertTrue(html.contains("id=\"\(id)\""), id) }
        XCTAssertTrue(html.contains("addEventListener('wheel'"))
        XCTAssertTrue(html.contains("pointerdown"))
        XCTAssertFalse(html.contains("<?xml"), "no XML prolog inside HTML")
        XCTAssertEqual(html.components(separatedBy: "<svg ").count, 2, "one inline SVG")
    }
}
