import GeoCore
import GeoJSON
import XCTest

/// `validate` and `synth` end to end: the reference dataset and synthetic datasets
/// at several seeds and places validate clean; errors exit 3; --fix repairs.
final class ValidateAndSynthTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func validateJSON(_ folder: String) throws -> (status: Int32, json: JSONObject) {
        let result = try CLIRunner.run(["validate", folder, "--format", "json"])
        let json = try XCTUnwrap(JSONText.parse(result.stdout).objectValue, result.stderr)
        return (result.status, json)
    }

    func testReferenceDatasetValidatesClean() throws {
        let (status, json) = try validateJSON("GeoData/mianyang")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(json["ok"], .bool(true))
        XCTAssertEqual(json["errors"]?.integerValue, 0)
    }

    /// The checked-in reference dataset is exactly what its generator produces, and
    /// `synth --preset mianyang` needs nothing outside the repository: run without
    /// --counties in a folder holding only a clone's `GeoData/reference/`, it reads the
    /// county file there (the old default named a folder beside the repository, which a clone lacks).
    func testReferenceDatasetIsReproducibleFromItsGenerator() throws {
        let clone = dir.appendingPathComponent("clone")
        let reference = clone.appendingPathComponent(CLIRunner.countiesRelativePath)
        try FileManager.default.createDirectory(at: reference.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLIRunner.countiesFile), to: reference)
        let result = try CLIRunner.run(["synth", "--preset", "mianyang", "--seed", "2024", "--out", "mianyang", "--quiet"],
                                       currentDirectory: clone)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = clone.appendingPathComponent("mianyang").path
        for file in ["districts.geojson", "parks.geojson", "parcels.geojson", "enterprises.geojson"] {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
            let committed = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang/" + file))
            XCTAssertEqual(fresh, committed, "\(file) differs from a fresh generation")
        }
    }

    func testSynthValidatesCleanAtSeveralSeedsAndPlaces() throws {
        for (seed, center) in [(1, "104.7,31.45"), (7, "13.4,52.5"), (99, "-46.6,-23.5"), (2024, "126.6,45.75")] {
            let out = dir.appendingPathComponent("s\(seed)").path
            let made = try CLIRunner.run(["synth", "--out", out, "--parks", "8", "--parcels", "600", "--enterprises", "900",
                                          "--seed", String(seed), "--center=\(center)", "--quiet"])
            XCTAssertEqual(made.status, 0, made.stderr)
            let (status, json) = try validateJSON(out)
            XCTAssertEqual(status, 0, "seed \(seed) at \(center): \(json)")
            XCTAssertEqual(json["problems"]?.arrayValue?.count, 0, "seed \(seed) at \(center): \(json)")
        }
    }

    func testSynthIsDeterministic() throws {
        var contents: [Data] = []
        for run in 0..<2 {
            let out = dir.appendingPathComponent("d\(run)").path
            XCTAssertEqual(try CLIRunner.run(["synth", "--out", out, "--parcels", "300", "--enterprises", "300", "--seed", "5", "--quiet"]).status, 0)
            contents.append(try Data(contentsOf: URL(fileURLWithPath: out + "/enterprises.geojson")))
        }
        XCTAssertEqual(contents[0], contents[1])
    }

    func testErrorsExitThreeAndFixRepairsGeometry() throws {
        let ds = dir.appendingPathComponent("bad").path
        try FileManager.default.createDirectory(atPath: ds, withIntermediateDirectories: true)
        let bowTie = #"{"type":"Polygon","coordinates":[[[104.61,31.41],[104.612,31.412],[104.612,31.41],[104.61,31.412],[104.61,31.41]]]}"#
        let square = #"{"type":"Polygon","coordinates":[[[104.5,31.3],[104.9,31.3],[104.9,31.7],[104.5,31.7],[104.5,31.3]]]}"#
        try Data((#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"510703","name":"涪城区","note":"kept"},"geometry":"# + bowTie + "}]}").utf8)
            .write(to: URL(fileURLWithPath: ds + "/districts.geojson"))
        try Data((#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"P1","name":"园","level":"galactic","main_industries":["C39"]},"geometry":"# + square + "}]}").utf8)
            .write(to: URL(fileURLWithPath: ds + "/parks.geojson"))
        let (status, json) = try validateJSON(ds)
        XCTAssertEqual(status, 3)
        XCTAssertEqual(json["ok"], .bool(false))
        let problems = (json["problems"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertTrue(problems.contains { $0["file"] == .string("parks.geojson") && $0["property"] == .string("level") && $0["index"] == .integer(0) })
        XCTAssertTrue(problems.contains { $0["file"] == .string("districts.geojson") && $0["severity"] == .string("warning") })

        let fixed = dir.appendingPathComponent("fixed").path
        // The dataset has errors besides the geometry repairs, so --fix writes the repaired copy and exits 3.
        let fix = try CLIRunner.run(["validate", ds, "--fix", fixed, "--quiet"])
        XCTAssertEqual(fix.status, 3, fix.stderr)
        let districts = try GeoJSONReader().read(contentsOfFile: fixed + "/districts.geojson").featureCollection
        XCTAssertEqual(districts.features.first?[property: "note"], .string("kept"))
        XCTAssertEqual(districts.features.first?.geometry?.polygons.count, 2)
        let (_, again) = try validateJSON(fixed)
        let warnings = (again["problems"]?.arrayValue ?? []).compactMap(\.objectValue).filter { $0["file"] == .string("districts.geojson") }
        XCTAssertEqual(warnings.count, 0, "\(again)")
    }
}
