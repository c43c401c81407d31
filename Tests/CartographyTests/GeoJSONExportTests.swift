import Cartography
import GeoCore
import LayoutModel
import XCTest

/// The export keeps every input property (contract keys and extras) and adds
/// `layer` plus the simplestyle keys; a user's own style key wins.
final class GeoJSONExportTests: XCTestCase {
    let dataset = TinyDataset.make()

    func testEveryInputPropertyKeptAndStyleAdded() throws {
        let features = try GeoJSONExport.features(for: dataset)
        XCTAssertEqual(features.count, 2 + 5 + 3 + 3)
        // Expected input properties, written out by hand from TinyDataset (= the fixture files).
        let expected: [String: JSONObject] = [
            "510799": ["code": .string("510799"), "name": .string("测试区"), "kind": .string("administrative"),
                       "population": .integer(123456), "note": .string("hand-made")],
            "P1": ["id": .string("P1"), "name": .string("高新园 A&B <1>"), "level": .string("national"), "district": .string("510799"),
                   "parent": .null, "main_industries": .array([.string("C39")]), "featured_industries": .array([.string("C3974")]),
                   "featured_status": .string("certified"), "chemical_park": .bool(false),
                   "manager": .string("园区管委会"), "area_target_ha": .double(520.5)],
            "L1": ["id": .string("L1"), "land_use": .string("1001"), "status": .string("built"), "floor_area_m2": .integer(12000),
                   "footprint_m2": .double(5000.5), "investment_wan": .integer(3000), "tax_wan": .double(120.25),
                   "enterprise": .string("E1"), "plot_no": .string("A-01")],
            "E1": ["id": .string("E1"), "name": .string("绵阳显示科技有限公司"), "industry": .string("C3974"), "output_wan": .integer(52000),
                   "tax_wan": .double(1800.5), "employees": .integer(420), "above_scale": .bool(true),
                   "credit_code": .string("91510700MA000000XX")],
            "E2": ["id": .string("E2"), "name": .string("\"Quote\" & <Tag> 医药"), "industry": .string("C2710"), "land_m2": .integer(8000)],
        ]
        for feature in features {
            let p = try XCTUnwrap(feature.properties)
            let key = (p["id"] ?? p["code"])?.stringValue ?? ""
            if let want = expected[key] {
                for m in want {
                    let got = try XCTUnwrap(p[m.key], "\(key) lost \(m.key)")
                    XCTAssertTrue(got.semanticallyEquals(m.value), "\(key).\(m.key): \(got) ≠ \(m.value)")
                }
            }
            let layer = try XCTUnwrap(p["layer"]?.stringValue)
            XCTAssertNotNil(p["title"]?.stringValue, key)
            XCTAssertNotNil(p["description"]?.stringValue, key)
            if layer == "enterprises" {
                XCTAssertNotNil(p["marker-color"]?.stringValue, key)
            } else {
                for k in ["fill", "fill-opacity", "stroke", "stroke-width"] { XCTAssertNotNil(p[k], "\(key) lacks \(k)") }
            }
            XCTAssertEqual(feature.geometry, dataset.geometry(layer: layer, key: key), "geometry kept lon/lat")
        }
        let l1 = try XCTUnwrap(features.first { $0[property: "id"]?.stringValue == "L1" })
        XCTAssertEqual(l1[property: "fill"]?.stringValue, "#BB9674")
        XCTAssertEqual(l1[property: "title"]?.stringValue, "L1 工业用地")
        let l2 = try XCTUnwrap(features.first { $0[property: "id"]?.stringValue == "L2" })
        XCTAssertEqual(l2[property: "fill"]?.stringValue, "#BB9674", "100101 is industrial brown too")
        // The input's own `fill` wins over the style.
        let p2 = try XCTUnwrap(features.first { $0[property: "id"]?.stringValue == "P2" })
        XCTAssertEqual(p2[property: "fill"]?.stringValue, "#123456")
    }

    func testLayerSelectionKeepsRegistryOrder() throws {
        let features = try GeoJSONExport.features(for: dataset, layers: ["enterprises", "parks"])
        XCTAssertEqual(features.map { $0[property: "layer"]?.stringValue ?? "" }, ["parks", "parks", "parks", "enterprises", "enterprises", "enterprises"])
    }

    func testUnknownLayerNamesTheKnownOnes() {
        XCTAssertThrowsError(try GeoJSONExport.features(for: dataset, layers: ["parks", "rivers"])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("rivers"), text)
            for name in ["districts", "parcels", "parks", "enterprises"] { XCTAssertTrue(text.contains(name), text) }
        }
    }

    func testRegistryTakesNewLayers() throws {
        let registry = MapLayerRegistry.base.adding(.init(name: "hotspots", summary: "test", isDefault: false) { data in
            MapLayer(name: "hotspots", title: "热点 Hotspots", kind: .point,
                     features: data.enterprises.map { StyledFeature(feature: Feature(geometry: $0.geometry), style: FeatureStyle(markerColor: "#FF0000")) },
                     legend: [LegendEntry(label: "hot", style: FeatureStyle(markerColor: "#FF0000"))])
        })
        XCTAssertEqual(registry.names, ["districts", "parcels", "parks", "enterprises", "hotspots"])
        XCTAssertFalse(registry.defaultNames.contains("hotspots"))
        let features = try GeoJSONExport.features(for: dataset, layers: ["hotspots"], registry: registry)
        XCTAssertEqual(features.count, 3)
        XCTAssertEqual(features.first?[property: "marker-color"]?.stringValue, "#FF0000")
        XCTAssertEqual(features.first?[property: "layer"]?.stringValue, "hotspots")
    }

    func testParseList() {
        XCTAssertEqual(MapLayerRegistry.parseList(" parks, parcels ,,enterprises"), ["parks", "parcels", "enterprises"])
    }
}

extension Dataset {
    func geometry(layer: String, key: String) -> Geometry? {
        switch layer {
        case "districts": districts.first { $0.code == key }?.geometry
        case "parks": parks.first { $0.id == key }?.geometry
        case "parcels": parcels.first { $0.id == key }?.geometry
        case "enterprises": enterprises.first { $0.id == key }?.geometry
        default: nil
        }
    }
}
