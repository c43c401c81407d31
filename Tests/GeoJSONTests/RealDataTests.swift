import Foundation
import GeoCore
import GeoJSON
import XCTest

/// The Mianyang county file of GeoData/reference (real web-map data, partly invalid
/// polygons). Reference numbers from Python's own json module:
///
///     python3 Tests/Reference/geojson_mianyang_counts.py GeoData/reference/mianyang_counties.raw.geojson
///
/// printed: features 9; per county (adcode name type polygons rings positions)
/// 510703 涪城区 MultiPolygon 3 3 909 · 510704 游仙区 MultiPolygon 2 2 1959 ·
/// 510705 安州区 Polygon 1 1 3136 · 510722 三台县 MultiPolygon 9 9 2645 ·
/// 510723 盐亭县 Polygon 1 1 1824 · 510725 梓潼县 MultiPolygon 2 2 2026 ·
/// 510726 北川羌族自治县 MultiPolygon 2 2 3786 · 510727 平武县 MultiPolygon 2 2 3075 ·
/// 510781 江油市 MultiPolygon 3 3 3523; totals polygons 25 rings 25 positions 22883;
/// bbox 103.749023 30.707031 105.726562 33.042969; unclosed rings 0; keys adcode, name.
final class RealDataTests: XCTestCase {
    func testCountsMatchPythonReference() throws {
        let collection = try GeoJSONReader().readFeatureCollection(contentsOfFile: TestPaths.mianyangCounties)
        XCTAssertEqual(collection.features.count, 9)
        let expected: [(String, String, String, Int, Int)] = [
            ("510703", "涪城区", "MultiPolygon", 3, 909), ("510704", "游仙区", "MultiPolygon", 2, 1959),
            ("510705", "安州区", "Polygon", 1, 3136), ("510722", "三台县", "MultiPolygon", 9, 2645),
            ("510723", "盐亭县", "Polygon", 1, 1824), ("510725", "梓潼县", "MultiPolygon", 2, 2026),
            ("510726", "北川羌族自治县", "MultiPolygon", 2, 3786), ("510727", "平武县", "MultiPolygon", 2, 3075),
            ("510781", "江油市", "MultiPolygon", 3, 3523),
        ]
        for (feature, (adcode, name, type, polygons, positions)) in zip(collection.features, expected) {
            XCTAssertEqual(feature[property: "adcode"], .string(adcode))
            XCTAssertEqual(feature[property: "name"], .string(name))
            XCTAssertEqual(feature.properties?.keys, ["adcode", "name"])
            XCTAssertEqual(feature.geometry?.typeName, type)
            XCTAssertEqual(feature.geometry?.polygons.count, polygons, name)
            XCTAssertEqual(feature.geometry?.positionCount, positions, name)
        }
        var box = BoundingBox.empty
        for f in collection.features { if let b = f.geometry?.boundingBox { box.extend(with: b) } }
        XCTAssertEqual(box, BoundingBox(minX: 103.749023, minY: 30.707031, maxX: 105.726562, maxY: 33.042969))
        XCTAssertNil(collection.crs)
    }

    func testRoundTripKeepsEveryCoordinateBit() throws {
        let collection = try GeoJSONReader().readFeatureCollection(contentsOfFile: TestPaths.mianyangCounties)
        let writer = GeoJSONWriter(options: .init(rfc7946Orientation: false))
        let again = try GeoJSONReader().read(try writer.encode(collection)).featureCollection
        XCTAssertEqual(again, collection)
        XCTAssertEqual(again.features.flatMap(doubleBits(of:)), collection.features.flatMap(doubleBits(of:)))
        // With orientation on, every exterior ring comes out counter-clockwise.
        let oriented = try GeoJSONReader().read(try GeoJSONWriter().encode(collection)).featureCollection
        for feature in oriented.features {
            for polygon in feature.geometry?.polygons ?? [] {
                XCTAssertGreaterThanOrEqual(polygon.exterior?.signedDoubleArea ?? 0, 0)
            }
        }
    }
}
