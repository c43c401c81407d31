import Foundation
import XCTest

/// Every heavy command gives byte-identical output for any `--threads N` (STYLE: results must not
/// depend on the thread count). Each command runs with `--threads 1`, `2` and `3` on
/// GeoData/mianyang and on a small synth dataset placed elsewhere (Berlin, another seed), and the
/// JSON reports (and the files they write) are compared byte for byte. Three threads on a 2-core
/// machine also checks that the split of the work into chunks, not the core count, is what varies.
/// Every run also asserts that no GEOS or PROJ handle is left alive (PARKATLAS_REPORT_HANDLES=1).
final class ThreadInvarianceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let threadCounts = [1, 2, 3]

    /// A small synthetic dataset away from Mianyang, so nothing passes by being tuned to it.
    func synthDataset() throws -> String {
        let folder = dir.appendingPathComponent("synth").path
        let result = try CLIRunner.run(["synth", "--out", folder, "--parks", "4", "--parcels", "600", "--enterprises", "3000",
                                        "--seed", "11", "--center=13.4,52.5", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return folder
    }

    /// Runs `arguments + ["--threads", N]` for every N; asserts exit 0, non-empty stdout, and that
    /// stdout and every file in `files` (named with `{N}` for the thread count) are identical.
    func assertInvariant(_ arguments: [String], files: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        var firstOut: String?
        var firstFiles: [Data] = []
        for n in Self.threadCounts {
            let args = arguments.map { $0.replacingOccurrences(of: "{N}", with: String(n)) } + ["--threads", String(n)]
            let result = try CLIRunner.run(args, environment: ["PARKATLAS_REPORT_HANDLES": "1"])
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)", file: file, line: line)
            // Worker threads own their GEOS contexts and prepared geometries: none may outlive the command.
            XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), "\(args): \(result.stderr)", file: file, line: line)
            let written = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0.replacingOccurrences(of: "{N}", with: String(n)))) }
            guard let reference = firstOut else {
                XCTAssertFalse(result.stdout.isEmpty && written.isEmpty, "\(args) printed nothing", file: file, line: line)
                firstOut = result.stdout
                firstFiles = written
                continue
            }
            XCTAssertTrue(result.stdout == reference, "\(arguments.first!) output differs between --threads 1 and --threads \(n)",
                          file: file, line: line)
            for (k, data) in written.enumerated() {
                XCTAssertFalse(data.isEmpty, "\(files[k]) is empty", file: file, line: line)
                XCTAssertTrue(data == firstFiles[k], "\(files[k]) differs between --threads 1 and --threads \(n)", file: file, line: line)
            }
        }
    }

    func datasets() throws -> [String] { ["GeoData/mianyang", try synthDataset()] }

    func testStats() throws {
        for d in try datasets() { try assertInvariant(["stats", d, "--enterprises", "--format", "json"]) }
    }

    func testCluster() throws {
        for d in try datasets() {
            try assertInvariant(["cluster", d, "--industry", "C", "--simulations", "9", "--seed", "5", "--format", "json"])
        }
    }

    /// The analytic K envelope (quadrature rows over workers) in the districts polygon, and DBSCAN's
    /// parallel components with a small eps and min_points (many clusters and borders).
    func testClusterAnalyticEnvelopeAndManyClusters() throws {
        for d in try datasets() {
            try assertInvariant(["cluster", d, "--industry", "C", "--eps", "150", "--min-points", "3", "--envelope", "analytic",
                                 "--study-area", "districts", "--format", "json"])
        }
    }

    func testHotspots() throws {
        for d in try datasets() { try assertInvariant(["hotspots", d, "--format", "json"]) }
    }

    func testAgglomeration() throws {
        for d in try datasets() { try assertInvariant(["agglomeration", d, "--permutations", "19", "--seed", "3", "--format", "json"]) }
    }

    func testCheck() throws {
        for d in try datasets() { try assertInvariant(["check", d, "--fail-on", "never", "--format", "json"]) }
    }

    func testEvaluate() throws {
        try assertInvariant(["evaluate", "GeoData/mianyang", "--previous", "GeoData/mianyang-2023", "--format", "json"])
        try assertInvariant(["evaluate", try synthDataset(), "--format", "json"])
    }

    func testCompare() throws {
        let map = dir.appendingPathComponent("change-{N}.geojson").path
        try assertInvariant(["compare", "GeoData/mianyang-2023", "GeoData/mianyang", "--format", "json", "--out", map], files: [map])
    }

    func testExport() throws {
        for (k, d) in try datasets().enumerated() {
            let out = dir.appendingPathComponent("export-\(k)-{N}.geojson").path
            try assertInvariant(["export", d, "--out", out, "--quiet"], files: [out])
        }
    }
}
