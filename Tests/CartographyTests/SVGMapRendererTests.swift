import Cartography
import Foundation
import GeoCore
import LayoutModel
import PROJ
import XCTest

/// The SVG is well-formed XML with the parts a map needs, and its scale is right.
///
/// Scale reference: `python3 Tests/Reference/maps_scale.py > Tests/Fixtures/maps/out/tiny_scale.json`
/// (pyproj to EPSG:4544 and the page layout worked out by hand in the script).
final class SVGMapRendererTests: XCTestCase {
    let dataset = TinyDataset.make()

    func document() throws -> MapDocument {
        MapDocument(title: "测试 Map & <title>", subtitle: "tiny", layers: try MapLayerRegistry.base.build(nil, from: dataset))
    }

    func render() throws -> String { try SVGMapRenderer.render(try document(), size: .standard) }

    func testWellFormedWithTitleLegendScaleBarNorthArrowAndLabels() throws {
        let svg = try render()
        let tree = try SVGTree.parse(svg)
        XCTAssertEqual(tree.elements.first?.name, "svg")
        XCTAssertTrue(tree.texts(inside: "map-title").contains("测试 Map & <title>"), "title escaped and shown")
        let legend = tree.texts(inside: "legend")
        XCTAssertTrue(legend.contains("图例 Legend"))
        for heading in ["园区 Parks", "地块用地 Parcels by land use", "企业 Enterprises by industry", "行政区与功能区 Districts"] {
            XCTAssertTrue(legend.contains(heading), heading)
        }
        XCTAssertTrue(legend.contains { $0.hasPrefix("10 工矿用地") }, "\(legend)")
        XCTAssertTrue(legend.contains { $0.hasPrefix("国家级园区") })
        XCTAssertNotNil(tree.element(id: "scalebar"))
        XCTAssertNotNil(tree.element(id: "north-arrow"))
        XCTAssertTrue(tree.texts(inside: "north-arrow").contains { $0.contains("N") })
        let labels = tree.texts(inside: "labels")
        for park in dataset.parks { XCTAssertTrue(labels.contains(park.name), "park \(park.name) labelled: \(labels)") }
        // One path per polygon feature, one circle per enterprise.
        XCTAssertEqual(tree.elements(inside: "layer-parcels").filter { $0.name == "path" }.count, 5)
        XCTAssertEqual(tree.elements(inside: "layer-enterprises").filter { $0.name == "circle" }.count, 3)
        XCTAssertTrue(tree.elements(inside: "layer-enterprises").contains { $0.text == "\"Quote\" & <Tag> 医药" })
        // The CJK font list.
        let font = tree.elements[0].attributes["font-family"] ?? ""
        for family in ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"] {
            XCTAssertTrue(font.contains(family), family)
        }
    }

    func testScaleAgreesWithPyproj() throws {
        let reference = try tinyScaleReference()
        let tree = try SVGTree.parse(try render())
        XCTAssertEqual(tree.elements[0].attributes["data-crs"], reference["crs"] as? String)
        let bar = try XCTUnwrap(tree.element(id: "scalebar"))
        let metres = try XCTUnwrap(Double(bar.attributes["data-length-m"] ?? ""))
        XCTAssertEqual(metres, try XCTUnwrap(reference["scale_bar_m"] as? Double))
        // Drawn length: the two segments, each rounded to 0.1 px.
        let a = try XCTUnwrap(tree.element(id: "sb-a")), b = try XCTUnwrap(tree.element(id: "sb-b"))
        let drawn = Double(a.attributes["width"]!)! + Double(b.attributes["width"]!)!
        XCTAssertEqual(drawn, try XCTUnwrap(reference["scale_bar_px"] as? Double), accuracy: 0.15)
        XCTAssertTrue(tree.texts(inside: "scalebar").contains("2 km"))
        // The park P1 drawn at the same scale: its path's pixel width over its projected width.
        let p1 = try XCTUnwrap(tree.titledShape(inside: "layer-parks", title: "高新园 A&B <1>"))
        let xs = pathPoints(p1.attributes["d"] ?? "").map(\.0)
        let pixelWidth = xs.max()! - xs.min()!
        let metricWidth = try XCTUnwrap(reference["park_P1_width_m"] as? Double)
        XCTAssertEqual(pixelWidth / metricWidth, try XCTUnwrap(reference["pixels_per_metre"] as? Double), accuracy: 0.2 / metricWidth)
    }

    func testNorthArrowTurnsWithGridConvergence() throws {
        // At 104.75°E, 31.44°N in the CM 105°E zone the grid convergence (true north to grid
        // north, clockwise) is γ ≈ (λ − λ₀)·sin φ = −0.25° × sin 31.44° ≈ −0.130° (first-order
        // formula): grid north lies west of true north, so the arrow turns +0.130° clockwise.
        let tree = try SVGTree.parse(try render())
        let transform = try XCTUnwrap(tree.element(id: "north-arrow")?.attributes["transform"])
        let angle = try XCTUnwrap(Double(transform.split(separator: "(").last!.dropLast()))
        XCTAssertEqual(angle, 0.25 * sin(31.44 * .pi / 180), accuracy: 0.01)
    }

    func testEmptyMapIsAnError() {
        XCTAssertThrowsError(try SVGMapRenderer.render(MapDocument(title: "x", layers: []))) { error in
            guard case CartographyError.emptyMap = error else { return XCTFail("\(error)") }
        }
    }

    func testLabelsDoNotOverlap() throws {
        // Twelve parks in a row closer than their names are long: the placer must move them apart.
        var parks: [Park] = []
        for i in 0..<12 {
            let x = 104.70 + Double(i) * 0.004
            parks.append(Park(id: "P\(i)", name: "第\(i)号产业园区", level: .provincial, mainIndustries: [],
                              geometry: TinyDataset.polygon(x, 31.40, x + 0.003, 31.403), source: TinyDataset.source("parks.geojson", i)))
        }
        let data = Dataset(folder: "x", districts: [], parks: parks)
        let svg = try SVGMapRenderer.render(MapDocument(title: "t", layers: [BaseLayers.parks(data)]), size: MapSize(width: 900, height: 600))
        let tree = try SVGTree.parse(svg)
        let labels = tree.elements(inside: "labels").filter { $0.name == "text" }
        XCTAssertEqual(labels.count, 12)
        var boxes: [(Double, Double, Double, Double)] = []
        for l in labels {
            let x = Double(l.attributes["x"]!)!, y = Double(l.attributes["y"]!)!, size = Double(l.attributes["font-size"]!)!
            let w = Double(l.text.count) * size * 0.9  // CJK and digits, a slight underestimate of the placer's width
            boxes.append((x - w / 2, y - size / 2, x + w / 2, y + size / 2))
        }
        for i in 0..<boxes.count {
            for j in (i + 1)..<boxes.count {
                let a = boxes[i], b = boxes[j]
                XCTAssertTrue(a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1, "labels \(i) and \(j) overlap")
            }
        }
    }

    /// Golden file: PARKATLAS_RECORD=1 swift test --filter SVGMapRendererTests re-records it.
    func testGoldenSVG() throws {
        let svg = try render()
        let path = TinyDataset.fixtures + "/out/tiny.svg"
        if ProcessInfo.processInfo.environment["PARKATLAS_RECORD"] == "1" {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
            throw XCTSkip("recorded \(path)")
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(svg, golden, "SVG differs from \(path); look at both, and re-record with PARKATLAS_RECORD=1 if the change is wanted")
    }
}
