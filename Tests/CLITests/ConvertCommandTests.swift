import Foundation
import GeoCore
import GEOS
import GeoJSON
import XCTest

/// `parkatlas convert`: reprojection through PROJ and the web-map datums, checked by round trips
/// and against pyproj.
final class ConvertCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func read(_ path: String) throws -> FeatureCollection {
        try GeoJSONReader().read(contentsOfFile: path).featureCollection
    }

    /// pyproj: Transformer.from_crs(4326, 4544, always_xy=True).transform(104.7, 31.45)
    ///   → (471484.0875568798, 3480906.278892931)
    /// command: python3 -c "from pyproj import Transformer; print(Transformer.from_crs(4326,4544,always_xy=True).transform(104.7,31.45))"
    func testPointToGaussKrugerMatchesPyproj() throws {
        let input = try write(#"{"type":"Feature","id":7,"properties":{"name":"绵阳","n":9007199254740993},"geometry":{"type":"Point","coordinates":[104.7,31.45]}}"#, "p.geojson")
        let output = dir.appendingPathComponent("p4544.geojson").path
        let result = try CLIRunner.run(["convert", input, output, "--to", "EPSG:4544"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let collection = try read(output)
        XCTAssertEqual(collection.crs, "EPSG:4544")
        guard case .point(let p)? = collection.features.first?.geometry else { return XCTFail("no point") }
        XCTAssertEqual(p.x, 471_484.0875568798, accuracy: 1e-6)
        XCTAssertEqual(p.y, 3_480_906.278892931, accuracy: 1e-6)
        // Properties and ids pass through untouched, integers exact.
        XCTAssertEqual(collection.features.first?.id, .integer(7))
        XCTAssertEqual(collection.features.first?[property: "n"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(collection.features.first?[property: "name"], .string("绵阳"))
    }

    func testRoundTripThroughProjectedCRSAndBack() throws {
        let input = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"k":[1,{"a":null}]},"geometry":{"type":"Polygon","coordinates":[[[104.6,31.4],[104.7,31.4],[104.7,31.5],[104.6,31.5],[104.6,31.4]]]}}]}"#, "poly.geojson")
        let projected = dir.appendingPathComponent("poly4544.geojson").path
        let back = dir.appendingPathComponent("back.geojson").path
        XCTAssertEqual(try CLIRunner.run(["convert", input, projected, "--to", "EPSG:4544"]).status, 0)
        // Without --from, the legacy crs member of the projected file is honoured.
        let result = try CLIRunner.run(["convert", projected, back])
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = try read(back)
        XCTAssertNil(out.crs)
        guard case .polygon(let poly)? = out.features.first?.geometry, let ring = poly.exterior else { return XCTFail() }
        let original = [(104.6, 31.4), (104.7, 31.4), (104.7, 31.5), (104.6, 31.5), (104.6, 31.4)]
        XCTAssertEqual(ring.count, original.count)
        for (i, (x, y)) in original.enumerated() {
            XCTAssertEqual(ring.x(i), x, accuracy: 1e-9)
            XCTAssertEqual(ring.y(i), y, accuracy: 1e-9)
        }
        XCTAssertEqual(out.features.first?[property: "k"], .array([.integer(1), .object(["a": .null])]))
    }

    func testWebMapDatumRoundTrip() throws {
        let input = try write(#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.7,31.45]}}"#, "w.geojson")
        let gcj = dir.appendingPathComponent("gcj.geojson").path
        let bd = dir.appendingPathComponent("bd.geojson").path
        let back = dir.appendingPathComponent("back.geojson").path
        XCTAssertEqual(try CLIRunner.run(["convert", input, gcj, "--to", "gcj02"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["convert", gcj, bd, "--from", "gcj02", "--to", "bd09"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["convert", bd, back, "--from", "bd09", "--to", "wgs84"]).status, 0)
        guard case .point(let shifted)? = try read(gcj).features.first?.geometry,
              case .point(let p)? = try read(back).features.first?.geometry else { return XCTFail() }
        // GCJ-02 moves points in China by hundreds of metres: ≥ 0.001° here.
        XCTAssertGreaterThan(abs(shifted.x - 104.7) + abs(shifted.y - 31.45), 0.001)
        XCTAssertEqual(p.x, 104.7, accuracy: 1e-8)
        XCTAssertEqual(p.y, 31.45, accuracy: 1e-8)
    }

    func testNewlineDelimitedOutputByExtension() throws {
        let input = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"i":1},"geometry":null},{"type":"Feature","properties":{"i":2},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#, "two.geojson")
        let output = dir.appendingPathComponent("two.geojsonl").path
        XCTAssertEqual(try CLIRunner.run(["convert", input, output]).status, 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").count, 2)
        let features = try GeoJSONSequence.readFeatures(Array(text.utf8))
        XCTAssertEqual(features.map { $0[property: "i"] }, [.integer(1), .integer(2)])
    }

    /// A CRS typed on the command line that PROJ does not know is a command-line error (README: exit 2).
    func testUnknownCRSIsBadCommandLineAndWritesNothing() throws {
        let input = try write(#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}"#, "x.geojson")
        let output = dir.appendingPathComponent("never.geojson").path
        let result = try CLIRunner.run(["convert", input, output, "--to", "EPSG:999999"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("EPSG:999999"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    // MARK: GDAL inputs

    /// Tests/Fixtures/gdal/convert_expected.json, written by `python3 Tests/Reference/convert_reference.py`
    /// (pyogrio reads the input, geopandas/pyproj reproject, shapely normalises).
    private func expectedConversion(_ name: String) throws -> [[String: Any]] {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/gdal/convert_expected.json")
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (all[name] as! [String: Any])["features"] as! [[String: Any]]
    }

    /// Every feature of `out` against the reference: geometry in GEOS normal form to `tolerance`,
    /// every attribute (numbers by value, dates as ISO text).
    private func assertConverted(_ out: FeatureCollection, _ expected: [[String: Any]], tolerance: Double) throws {
        XCTAssertEqual(out.features.count, expected.count)
        // Matched by parcel code: a FlatGeobuf with a spatial index stores features in Hilbert order.
        let byCode = Dictionary(uniqueKeysWithValues: out.features.map { ($0[property: "ZDDM"]?.stringValue ?? "", $0) })
        for e in expected {
            let code = (e["properties"] as! [String: Any])["ZDDM"] as! String
            let f = try XCTUnwrap(byCode[code], code)
            let normal = try GeometryHandle(XCTUnwrap(f.geometry)).normalized().geometry()
            // pyogrio reads a Shapefile polygon as Polygon; GDAL-written layers are MultiPolygon when mixed.
            let eg = e["geometry"] as! [String: Any]
            var rings: [[[Double]]] = []
            func flat(_ g: Geometry) -> [[[Double]]] {
                switch g {
                case .polygon(let p): p.rings.map { r in (0..<r.count).map { [r.x($0), r.y($0)] } }
                case .multiPolygon(let ps): ps.flatMap { flat(.polygon($0)) }
                default: []
                }
            }
            rings = flat(normal)
            let coordinates = eg["coordinates"] as! [Any]
            let expectedRings: [[[Double]]] = (eg["type"] as! String) == "Polygon"
                ? coordinates as! [[[Double]]] : (coordinates as! [[[[Double]]]]).flatMap { $0 }
            XCTAssertEqual(rings.count, expectedRings.count)
            for (r, er) in zip(rings, expectedRings) {
                XCTAssertEqual(r.count, er.count)
                for (p, ep) in zip(r, er) {
                    XCTAssertEqual(p[0], ep[0], accuracy: tolerance)
                    XCTAssertEqual(p[1], ep[1], accuracy: tolerance)
                }
            }
            for (key, value) in e["properties"] as! [String: Any] {
                let actual = f[property: key]
                switch value {
                case is NSNull: XCTAssertTrue(actual == nil || actual == .null, "\(key): \(String(describing: actual))")
                // FlatGeobuf keeps a date as a date-time (GDAL 3.6): the day must be the same.
                case let text as String where key == "PZRQ": XCTAssertEqual(actual?.stringValue?.prefix(10), text.prefix(10), key)
                case let text as String: XCTAssertEqual(actual?.stringValue, text, key)
                case let n as NSNumber: XCTAssertEqual(actual?.doubleValue ?? .nan, n.doubleValue, accuracy: abs(n.doubleValue) * 1e-12, key)
                default: XCTFail("\(key): unexpected reference value")
                }
            }
        }
    }

    /// A Shapefile in EPSG:4544 (its .prj) to lon/lat GeoJSON: the layer's CRS is the source.
    func testShapefileToGeoJSONMatchesPyogrio() throws {
        let output = dir.appendingPathComponent("zd.geojson").path
        let result = try CLIRunner.run(["convert", "Tests/Fixtures/gdal/sample_4544.shp", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("EPSG:4544"), result.stdout)
        try assertConverted(read(output), expectedConversion("sample_4544.shp"), tolerance: 1e-9)
    }

    /// A GeoPackage layer to a FlatGeobuf in EPSG:4544, read back by convert itself (FlatGeobuf in, GeoJSON out).
    func testGeoPackageToFlatGeobufMatchesPyogrio() throws {
        let fgb = dir.appendingPathComponent("zd.fgb").path
        let result = try CLIRunner.run(["convert", "Tests/Fixtures/gdal/sample.gpkg", fgb, "--to", "EPSG:4544"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let back = dir.appendingPathComponent("back.geojson").path
        let reread = try CLIRunner.run(["convert", fgb, back, "--to", "EPSG:4544"])
        XCTAssertEqual(reread.status, 0, reread.stderr)
        let out = try read(back)
        XCTAssertEqual(out.crs, "EPSG:4544")
        try assertConverted(out, expectedConversion("sample.gpkg"), tolerance: 1e-6)
    }

    /// A file of several layers needs --layer (a usage error naming the layers); an unknown layer is bad input.
    func testSeveralLayersNeedTheLayerOption() throws {
        let output = dir.appendingPathComponent("x.geojson").path
        let none = try CLIRunner.run(["convert", "Tests/Fixtures/gdal/mianyang.gpkg", output])
        XCTAssertEqual(none.status, 2, none.stderr)
        XCTAssertTrue(none.stderr.contains("districts") && none.stderr.contains("--layer"), none.stderr)
        let parks = try CLIRunner.run(["convert", "Tests/Fixtures/gdal/mianyang.gpkg", output, "--layer", "parks"])
        XCTAssertEqual(parks.status, 0, parks.stderr)
        XCTAssertEqual(try read(output).features.count, 14)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.geojson").path))
        let unknown = try CLIRunner.run(["convert", "Tests/Fixtures/gdal/mianyang.gpkg", dir.appendingPathComponent("y.geojson").path, "--layer", "nope"])
        XCTAssertEqual(unknown.status, 3, unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.geojson").path))
    }
}
