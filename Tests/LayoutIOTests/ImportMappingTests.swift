import Foundation
import GeoCore
import GeoJSON
@testable import LayoutIO
import LayoutModel
import TestSupport
import XCTest

/// The mapping file of docs/import.md and the reading of source values.
final class ImportMappingTests: LeakCheckedTestCase {
    func parse(_ text: String, path: String = "/data/m/mapping.json") throws -> ImportMapping {
        try ImportMapping.parse(JSONText.parse(text), path: path)
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    static let minimal = """
        {"districts": {"source": "xzq.shp", "fields": {"code": "XZQDM", "name": "XZQMC"}},
         "parks": {"source": "../kfq.gpkg", "layer": "KFQ",
                   "fields": {"id": "KFQDM", "name": "KFQMC", "level": {"value": "provincial"},
                              "main_industries": {"field": "ZDCY", "split": "、", "classification": "gb4754-2017-name"}}}}
        """

    func testTheSpecificationsExampleParses() throws {
        // The example of docs/import.md, "The mapping file", verbatim.
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/import.md"), encoding: .utf8)
        let start = doc.range(of: "```json\n")!.upperBound
        let end = doc.range(of: "\n```", range: start..<doc.endIndex)!.lowerBound
        let mapping = try parse(String(doc[start..<end]))
        XCTAssertEqual(mapping.layers.map(\.target), [.districts, .parks, .parcels, .enterprises])
        let parcels = mapping.layers[2]
        XCTAssertEqual(parcels.source, "/data/m/zd.shp")
        XCTAssertEqual(parcels.crs, "EPSG:4544")
        XCTAssertEqual(parcels.encoding, "GBK")
        XCTAssertEqual(parcels.whereClause, "TDYT IS NOT NULL")
        XCTAssertEqual(parcels.fields.first { $0.target == "investment_wan" }?.scale, 0.0001)
        XCTAssertEqual(parcels.fields.first { $0.target == "land_use" }?.classification, .gb50137)
        let enterprises = mapping.layers[3]
        XCTAssertEqual(enterprises.points, .columns(x: "经度", y: "纬度"))
        XCTAssertEqual(enterprises.pointsCRS, "EPSG:4326")
        XCTAssertEqual(enterprises.datum, .gcj02)
        XCTAssertEqual(enterprises.fields.first { $0.target == "above_scale" }?.values?["是"], .bool(true))
        XCTAssertEqual(mapping.policy, "/data/m/policy.json")
    }

    func testRelativePathsAreRelativeToTheMappingFile() throws {
        let mapping = try parse(Self.minimal)
        XCTAssertEqual(mapping.layers[0].source, "/data/m/xzq.shp")
        XCTAssertEqual(mapping.layers[1].source, "/data/m/../kfq.gpkg")
        XCTAssertEqual(mapping.layers[1].fields.first { $0.target == "level" }?.source, .constant(.string("provincial")))
    }

    func testUnknownKeysAreErrorsWithTheNearestKnownKey() {
        XCTAssertEqual(error(#"{"defualts": {}}"#),
                       "/data/m/mapping.json: (top level): unknown key \"defualts\" (did you mean \"defaults\"?); known keys: defaults, districts, parks, parcels, enterprises, policy")
        let badLayer = Self.minimal.replacingOccurrences(of: "\"layer\": \"KFQ\"", with: "\"layr\": \"KFQ\"")
        XCTAssertTrue(error(badLayer).contains("parks: unknown key \"layr\" (did you mean \"layer\"?)"), error(badLayer))
        let badTarget = Self.minimal.replacingOccurrences(of: "\"main_industries\"", with: "\"main_industry\"")
        XCTAssertTrue(error(badTarget).contains("parks.fields: unknown key \"main_industry\" (did you mean \"main_industries\"?)"), error(badTarget))
        let badCrosswalk = Self.minimal.replacingOccurrences(of: "gb4754-2017-name", with: "gb4754-2071-name")
        XCTAssertTrue(error(badCrosswalk).contains("unknown classification \"gb4754-2071-name\" (did you mean \"gb4754-2017-name\"?)"), error(badCrosswalk))
        let missing = Self.minimal.replacingOccurrences(of: "\"name\": \"XZQMC\"", with: "\"kind\": {\"value\": \"administrative\"}")
        XCTAssertTrue(error(missing).contains("districts.fields: the required property \"name\" is not mapped"), error(missing))
        let wrongKind = Self.minimal.replacingOccurrences(of: "gb4754-2017-name", with: "gb50137-2011")
        XCTAssertTrue(error(wrongKind).contains("gb50137-2011 maps land-use codes; \"main_industries\" is a industry code"), error(wrongKind))
    }

    func testNumbersInText() {
        XCTAssertEqual(ImportValues.number("1,234.5"), 1234.5)
        XCTAssertEqual(ImportValues.number(" 12,345,678 "), 12_345_678)
        XCTAssertEqual(ImportValues.number("１２３４．５"), 1234.5)
        XCTAssertEqual(ImportValues.number("\u{3000}－７\u{3000}"), -7)
        XCTAssertEqual(ImportValues.number("-1,000"), -1000)
        for bad in ["abc", "1,23", "12,3456", "1 234", "", "NaN", "inf", "1.2.3", "约100"] {
            XCTAssertNil(ImportValues.number(bad), bad)
        }
    }

    func testValuesOverrideTheClassificationAndUnmappedValuesAreCounted() throws {
        let spec = ImportMapping.LayerSpec(
            target: .parcels, source: "zd.shp", layer: nil, whereClause: nil, crs: nil, encoding: nil, points: nil,
            pointsCRS: nil, datum: .wgs84, fields: [
                .init(target: "id", source: .field("ZDDM")),
                .init(target: "land_use", source: .field("TDYT"), values: ["0701": .string("0701")], classification: .gb50137),
                .init(target: "status", source: .field("GDZT"), values: ["已建成": .string("built")]),
                .init(target: "investment_wan", source: .field("TZE"), scale: 0.0001),
            ], keep: [])
        var mapper = ImportLayerMapper(spec: spec, file: "zd.shp", layer: "zd", unit: "feature FID", item: { $0 }, kept: [])
        let good = mapper.properties(of: ["ZDDM": .string("A"), "TDYT": .string("M1"), "GDZT": .string("已建成"), "TZE": .string("1,000,000")], fid: 0)
        XCTAssertEqual(good?["land_use"], .string("100101"))
        XCTAssertEqual(good?["status"], .string("built"))
        XCTAssertEqual(good?["investment_wan"], .double(100))
        XCTAssertEqual(mapper.properties(of: ["ZDDM": .string("B"), "TDYT": .string("0701"), "GDZT": .string("已建成")], fid: 1)?["land_use"], .string("0701"))
        for fid in 2...4 {
            XCTAssertNil(mapper.properties(of: ["ZDDM": .string("C"), "TDYT": .string("X9"), "GDZT": .string("在建")], fid: Int64(fid)))
        }
        XCTAssertNil(mapper.properties(of: ["ZDDM": .string("D"), "TDYT": .null, "GDZT": .string("已建成")], fid: 5))
        let problems = mapper.problems.list.map(\.description)
        XCTAssertEqual(problems, [
            "zd.shp, layer zd, 3 features (FIDs 2, 3, 4), field TDYT → land_use, value \"X9\": not mapped by gb50137-2011: \"X9\" is not a GB 50137-2011 class with one 2023 counterpart",
            "zd.shp, layer zd, 3 features (FIDs 2, 3, 4), field GDZT → status, value \"在建\": not mapped: the mapping's \"values\" does not list it",
            "zd.shp, layer zd, feature FID 5, field TDYT → land_use: empty, and land_use is required (give a \"default\")",
        ])
    }
}
