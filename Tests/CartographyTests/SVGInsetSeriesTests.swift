@testable import Cartography
import Foundation
import GeoCore
import XCTest

/// An inset assembled from a series' cached elements is byte for byte the renderer's drawing of
/// the same document (the reference here is `SVGMapRenderer.render` itself, which the series
/// only short-cuts), and an inset whose frame would differ is drawn in full.
final class SVGInsetSeriesTests: XCTestCase {
    let options = SVGMapRenderer.Options(inset: true)
    let size = MapSize(width: 300, height: 240)

    func square(_ x: Double, _ y: Double, _ side: Double) -> Geometry {
        TinyDataset.polygon(x, y, x + side, y + side)
    }

    func layer(_ name: String, _ geometries: [Geometry], fill: String) -> MapLayer {
        MapLayer(name: name, title: name, kind: .polygon, features: geometries.enumerated().map { k, g in
            StyledFeature(feature: Feature(geometry: g, properties: [:]), style: FeatureStyle(fill: fill, stroke: "#888888", title: "\(name) \(k) <&>"))
        }, legend: [])
    }

    /// Two districts side by side and three parks inside them, at 104–105°E, 31°N.
    var base: [MapLayer] {
        [layer("districts", [square(104.0, 31.0, 0.5), square(104.5, 31.0, 0.5)], fill: "#F2F2EE"),
         layer("parks", [square(104.1, 31.1, 0.05), square(104.6, 31.2, 0.08), square(104.3, 31.3, 0.02)], fill: "#B0B0B0")]
    }

    func full(_ base: [MapLayer], omitting: (layer: Int, feature: Int)?, highlight: MapLayer, title: String) throws -> String {
        var layers = base
        if let omitting { layers[omitting.layer].features.remove(at: omitting.feature) }
        return try SVGMapRenderer(options: options).render(MapDocument(title: title, layers: layers + [highlight]), size: size)
    }

    func testAssembledInsetEqualsTheFullDrawingForEveryPark() throws {
        let series = try SVGInsetSeries(base: base, options: options, size: size)
        let parks = base[1].features.map { $0.feature.geometry! }
        for (k, g) in parks.enumerated() {
            let highlight = layer("park", [g], fill: "#D7191C")
            // The park's own extent covers the grey feature left out: the frame is the base's.
            XCTAssertNotNil(try series.projectedWithin(series.shared!, highlight, omitting: (1, k)), "park \(k) is assembled")
            let assembled = try series.render(title: "园区 \(k) 位置", omitting: (1, k), highlight: highlight)
            XCTAssertEqual(assembled, try full(base, omitting: (1, k), highlight: highlight, title: "园区 \(k) 位置"), "park \(k)")
        }
        // A sub-park: nothing left out, a highlight inside the base.
        let sub = layer("park", [square(104.61, 31.21, 0.01)], fill: "#D7191C")
        XCTAssertEqual(try series.render(title: "sub", omitting: nil, highlight: sub), try full(base, omitting: nil, highlight: sub, title: "sub"))
    }

    func testInsetWithAnotherFrameIsDrawnInFull() throws {
        let series = try SVGInsetSeries(base: base, options: options, size: size)
        // Outside the base's extent: the frame widens.
        let outside = layer("park", [square(105.2, 31.2, 0.05)], fill: "#D7191C")
        XCTAssertNil(try series.projectedWithin(series.shared!, outside, omitting: nil))
        XCTAssertEqual(try series.render(title: "out", omitting: nil, highlight: outside), try full(base, omitting: nil, highlight: outside, title: "out"))
        // Leaving out a district the highlight does not cover: the frame shrinks.
        let small = layer("park", [square(104.1, 31.1, 0.05)], fill: "#D7191C")
        XCTAssertNil(try series.projectedWithin(series.shared!, small, omitting: (0, 1)))
        let drawn = try series.render(title: "shrunk", omitting: (0, 1), highlight: small)
        XCTAssertEqual(drawn, try full(base, omitting: (0, 1), highlight: small, title: "shrunk"))
        XCTAssertNotEqual(drawn, try full(base, omitting: nil, highlight: small, title: "shrunk"), "the narrower frame is a different drawing")
    }

    func testLabelledBaseIsNeverAssembled() throws {
        var labelled = base
        labelled[1].features[0].label = "园区"
        let series = try SVGInsetSeries(base: labelled, options: options, size: size)
        XCTAssertNil(series.shared)
        let highlight = layer("park", [square(104.6, 31.2, 0.08)], fill: "#D7191C")
        XCTAssertEqual(try series.render(title: "l", omitting: (1, 1), highlight: highlight),
                       try full(labelled, omitting: (1, 1), highlight: highlight, title: "l"))
    }
}
