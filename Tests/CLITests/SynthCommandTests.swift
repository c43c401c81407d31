import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `synth` never overwrites silently (issue 20): a non-empty --out is refused
/// (exit 2) unless --force; --force replaces the dataset files synth owns,
/// removes the ones the new run does not write (an old policy.json), and keeps
/// everything else; the dataset is built in a temporary sibling folder and
/// moved in, so a failed run leaves nothing behind.
final class SynthCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    private let small = ["--parks", "3", "--parcels", "40", "--enterprises", "60", "--seed", "4", "--quiet"]

    func testRefusesANonEmptyFolderWithoutForce() throws {
        let out = dir.appendingPathComponent("taken").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try write("my notes", to: out + "/notes.txt")
        try write("{}", to: out + "/parks.geojson")
        let result = try CLIRunner.run(["synth", "--out", out] + small)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(out), result.stderr)
        XCTAssertTrue(result.stderr.contains("notes.txt") && result.stderr.contains("parks.geojson"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--force"), result.stderr)
        // Nothing was touched, nothing was added beside it.
        XCTAssertEqual(try contents(out), ["notes.txt", "parks.geojson"])
        XCTAssertEqual(try String(contentsOfFile: out + "/parks.geojson", encoding: .utf8), "{}")
        XCTAssertEqual(try contents(dir.path), ["taken"])
    }

    func testWritesIntoAnEmptyOrMissingFolder() throws {
        let empty = dir.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        XCTAssertEqual(try CLIRunner.run(["synth", "--out", empty] + small).status, 0)
        let fresh = dir.appendingPathComponent("a/b/fresh").path
        XCTAssertEqual(try CLIRunner.run(["synth", "--out", fresh] + small).status, 0)
        let dataset = ["districts.geojson", "enterprises.geojson", "parcels.geojson", "parks.geojson"]
        XCTAssertEqual(try contents(empty), dataset)
        XCTAssertEqual(try contents(fresh), dataset)
        // No temporary folder is left beside the output.
        XCTAssertEqual(try contents(dir.path), ["a", "empty"])
        XCTAssertEqual(try contents(dir.appendingPathComponent("a/b").path), ["fresh"])
    }

    func testForceReplacesOwnedFilesRemovesAStalePolicyAndKeepsOthers() throws {
        let out = dir.appendingPathComponent("ds").path
        XCTAssertEqual(try CLIRunner.run(["synth", "--out", out, "--seed", "1"] + small.dropLast(3) + ["--quiet"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/enterprises.geojson"))
        // As left by an earlier `synth --preset mianyang` plus a file of the user's.
        try write(#"{"min_output_per_area_wan_per_mu": 500}"#, to: out + "/policy.json")
        try write("my notes", to: out + "/notes.txt")
        let result = try CLIRunner.run(["synth", "--out", out, "--force"] + small)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try contents(out), ["districts.geojson", "enterprises.geojson", "notes.txt", "parcels.geojson", "parks.geojson"])
        XCTAssertEqual(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8), "my notes")
        let after = try Data(contentsOf: URL(fileURLWithPath: out + "/enterprises.geojson"))
        XCTAssertNotEqual(before, after, "seed 4 replaced seed 1")
        // The new files are those of a fresh run of the same command.
        let reference = dir.appendingPathComponent("reference").path
        XCTAssertEqual(try CLIRunner.run(["synth", "--out", reference] + small).status, 0)
        for file in ["districts.geojson", "parks.geojson", "parcels.geojson", "enterprises.geojson"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)),
                           try Data(contentsOf: URL(fileURLWithPath: reference + "/" + file)), file)
        }
        XCTAssertEqual(try contents(dir.path), ["ds", "reference"])
    }

    /// A run that fails (here: the county file of --preset mianyang is missing)
    /// creates no folder and leaves an existing one exactly as it was.
    func testAFailedRunLeavesNothingBehind() throws {
        let missing = dir.appendingPathComponent("nope.geojson").path
        let out = dir.appendingPathComponent("new").path
        let failed = try CLIRunner.run(["synth", "--preset", "mianyang", "--counties", missing, "--out", out, "--quiet"])
        XCTAssertEqual(failed.status, 3, failed.stderr)
        XCTAssertEqual(try contents(dir.path), [], "no folder, no temporary folder")

        let existing = dir.appendingPathComponent("old").path
        XCTAssertEqual(try CLIRunner.run(["synth", "--out", existing] + small).status, 0)
        let snapshot = try contents(existing).map { try Data(contentsOf: URL(fileURLWithPath: existing + "/" + $0)) }
        let again = try CLIRunner.run(["synth", "--preset", "mianyang", "--counties", missing, "--out", existing, "--force", "--quiet"])
        XCTAssertEqual(again.status, 3, again.stderr)
        XCTAssertEqual(try contents(existing).map { try Data(contentsOf: URL(fileURLWithPath: existing + "/" + $0)) }, snapshot)
        XCTAssertEqual(try contents(dir.path), ["old"])
    }

    func testOutThatIsAFileIsACommandLineError() throws {
        let file = dir.appendingPathComponent("file.txt").path
        try write("x", to: file)
        let result = try CLIRunner.run(["synth", "--out", file, "--force"] + small)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(file) && result.stderr.contains("not a folder"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
    }

    /// --help says that sub-parks come on top of --parks, and the summary line
    /// counts them: the number printed is the number of features with a parent
    /// in the written parks.geojson.
    func testHelpAndSummaryCountSubParks() throws {
        let help = try CLIRunner.run(["synth", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("sub-park"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--parks 60"), help.stdout)

        let out = dir.appendingPathComponent("p60").path
        let result = try CLIRunner.run(["synth", "--out", out, "--parks", "60", "--parcels", "0", "--enterprises", "0", "--seed", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parks = try GeoJSONReader().read(contentsOfFile: out + "/parks.geojson").featureCollection.features
        let subParks = parks.filter { !($0.properties?["parent"]?.isNull ?? true) }.count
        XCTAssertEqual(parks.count - subParks, 60)
        XCTAssertGreaterThan(subParks, 0)
        XCTAssertTrue(result.stdout.contains("60 parks + \(subParks) sub-parks"), result.stdout)
    }
}
