import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas export`: every input property kept, style keys added, counts per
/// layer, RFC 7946 ring orientation, layer errors, atomic writes.
final class ExportCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func export(_ arguments: [String]) throws -> (CLIRunner.Result, FeatureCollection?) {
        let out = directory.appendingPathComponent("map.geojson").path
        let result = try CLIRunner.run(["export"] + arguments + ["--out", out])
        guard result.status == 0 else { return (result, nil) }
        return (result, try GeoJSONReader().readFeatureCollection(contentsOfFile: out))
    }

    private static let inputFiles = ["districts": "districts.geojson", "parks": "parks.geojson",
                                     "parcels": "parcels.geojson", "enterprises": "enterprises.geojson"]

    /// Checks that each output feature carries its input feature's properties
    /// unchanged, and that the layers' counts equal the input files'.
    private func assertKeepsInput(dataset: String, output: FeatureCollection) throws {
        var byLayer: [String: [Feature]] = [:]
        for f in output.features { byLayer[f[property: "layer"]?.stringValue ?? "?", default: []].append(f) }
        for (layer, file) in Self.inputFiles {
            let input = try GeoJSONReader().readFeatureCollection(contentsOfFile: "\(dataset)/\(file)")
            let exported = byLayer[layer] ?? []
            XCTAssertEqual(exported.count, input.features.count, "\(layer) count")
            let key = layer == "districts" ? "code" : "id"
            var index: [String: Feature] = [:]
            for f in exported { index[f[property: key]?.stringValue ?? ""] = f }
            for f in input.features {
                let id = try XCTUnwrap(f[property: key]?.stringValue)
                let out = try XCTUnwrap(index[id], "\(layer) \(id) missing")
                for m in f.properties ?? JSONObject() {
                    let got = try XCTUnwrap(out[property: m.key], "\(layer) \(id) lost \(m.key)")
                    XCTAssertTrue(got.semanticallyEquals(m.value), "\(layer) \(id).\(m.key): \(got) ≠ \(m.value)")
                }
                for styleKey in layer == "enterprises" ? ["marker-color", "title", "description"]
                    : ["fill", "fill-opacity", "stroke", "stroke-width", "title", "description"] {
                    XCTAssertNotNil(out[property: styleKey], "\(layer) \(id) lacks \(styleKey)")
                }
            }
        }
    }

    func testMianyangKeepsEveryPropertyPerLayer() throws {
        let dataset = CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang").path
        let (result, output) = try export([dataset])
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertKeepsInput(dataset: dataset, output: try XCTUnwrap(output))
        // Land-use colour on the real data: industrial parcels brown at every level.
        for f in output!.features where f[property: "layer"]?.stringValue == "parcels" {
            if f[property: "land_use"]?.stringValue?.hasPrefix("10") == true {
                XCTAssertEqual(f[property: "fill"]?.stringValue, "#BB9674")
            }
        }
    }

    func testSynthDatasetElsewhereKeepsEveryProperty() throws {
        let dataset = directory.appendingPathComponent("berlin").path
        let synth = try CLIRunner.run(["synth", "--out", dataset, "--parks", "5", "--parcels", "300", "--enterprises", "200",
                                       "--seed", "5", "--center=13.4,52.5"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        let (result, output) = try export([dataset])
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertKeepsInput(dataset: dataset, output: try XCTUnwrap(output))
    }

    func testTinyFixtureExtrasAndCounterClockwiseRings() throws {
        let dataset = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/maps/in/tiny").path
        let (result, output) = try export([dataset])
        XCTAssertEqual(result.status, 0, result.stderr)
        let collection = try XCTUnwrap(output)
        try assertKeepsInput(dataset: dataset, output: collection)
        // The fixture's exteriors are clockwise and L1's hole counter-clockwise (see the files): both flipped.
        var polygons = 0
        for f in collection.features {
            for polygon in f.geometry?.polygons ?? [] {
                polygons += 1
                XCTAssertGreaterThan(polygon.rings[0].signedDoubleArea, 0, "exterior CCW")
                for hole in polygon.holes { XCTAssertLessThan(hole.signedDoubleArea, 0, "hole CW") }
            }
        }
        XCTAssertEqual(polygons, 2 + 3 + 5)
        let p2 = try XCTUnwrap(collection.features.first { $0[property: "id"]?.stringValue == "P2" })
        XCTAssertEqual(p2[property: "fill"]?.stringValue, "#123456", "the input's own style key wins")
    }

    func testLayersOptionSelectsLayers() throws {
        let dataset = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/maps/in/tiny").path
        let (result, output) = try export([dataset, "--layers", "parks,districts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Set(output!.features.compactMap { $0[property: "layer"]?.stringValue }), ["districts", "parks"])
    }

    func testUnknownLayerIsExit2WithTheList() throws {
        let result = try CLIRunner.run(["export", "Tests/Fixtures/maps/in/tiny", "--layers", "parks,rivers",
                                        "--out", directory.appendingPathComponent("x.geojson").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rivers"), result.stderr)
        XCTAssertTrue(result.stderr.contains("districts, parcels, parks, enterprises"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.geojson").path))
    }

    func testFailedWriteLeavesNoPartialFile() throws {
        // The destination is a directory: the temporary file is written, the rename fails,
        // and nothing may be left behind (no temporary, no half file).
        let target = directory.appendingPathComponent("taken.geojson")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let result = try CLIRunner.run(["export", "Tests/Fixtures/maps/in/tiny", "--out", target.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["taken.geojson"])
        // A missing folder: nothing is created.
        let missing = directory.appendingPathComponent("no/such/dir/x.geojson").path
        let second = try CLIRunner.run(["export", "Tests/Fixtures/maps/in/tiny", "--out", missing])
        XCTAssertEqual(second.status, 2, second.stderr)  // an output folder that does not exist: command line
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }
}
