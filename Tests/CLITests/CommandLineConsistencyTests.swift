import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Issue "what a new user hits", items 13–15 and the smaller table fixes: one
/// exit-code rule for every command, negative numbers reaching their range
/// checks, `--out` choosing the format by its extension, and tables people read.
///
/// The rule (README, "Exit codes"): 2 = the command line is wrong (an unknown
/// code, a path that does not exist, an output folder that does not exist, a
/// number out of range); 3 = the data is wrong (a file that exists but cannot
/// be used).
final class CommandLineConsistencyTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    // MARK: 13. exit codes

    func testEveryCommandFollowsTheExitCodeRule() throws {
        let missing = dir.appendingPathComponent("missing").path
        let noFolder = dir.appendingPathComponent("no/such/folder/out").path
        let notADataset = dir.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: notADataset, withIntermediateDirectories: true)
        let cases: [([String], Int32)] = [
            // unknown codes given on the command line
            (["site", "--industry", "C9999", "--area-ha", "3"], 2),
            (["site", "--industry", "C3974", "--area-ha", "3", "--district", "999999"], 2),
            (["cluster", "--industry", "Z99"], 2),
            (["convert", "GeoData/mianyang/districts.geojson", dir.appendingPathComponent("x.geojson").path, "--to", "EPSG:999999"], 2),
            (["convert", "GeoData/mianyang/districts.geojson", dir.appendingPathComponent("x.geojson").path, "--from", "EPSG:999999"], 2),
            // paths that do not exist
            (["validate", missing], 2), (["stats", missing], 2), (["cluster", missing], 2), (["hotspots", missing], 2),
            (["agglomeration", missing], 2), (["check", missing], 2), (["site", missing, "--industry", "C3974", "--area-ha", "3"], 2),
            (["export", missing, "--out", dir.appendingPathComponent("x.geojson").path], 2),
            (["map", missing, "--out", dir.appendingPathComponent("x.svg").path], 2),
            (["analyze", missing, "--out", dir.appendingPathComponent("a").path], 2),
            (["compare", missing, "GeoData/mianyang"], 2), (["evaluate", "--previous", missing], 2),
            (["info", missing], 2), (["convert", missing, dir.appendingPathComponent("x.geojson").path], 2),
            (["check", "--policy", missing], 2),
            // output folders that do not exist
            (["stats", "--out", noFolder + ".json"], 2), (["check", "--out", noFolder + ".csv"], 2),
            (["export", "--out", noFolder + ".geojson"], 2), (["map", "--out", noFolder + ".svg"], 2),
            (["convert", "GeoData/mianyang/districts.geojson", noFolder + ".geojson"], 2),
            // a folder that exists but is not a dataset: bad data
            (["validate", notADataset], 3), (["stats", notADataset], 3),
        ]
        for (arguments, expected) in cases {
            let run = try CLIRunner.run(arguments)
            XCTAssertEqual(run.status, expected, "\(arguments.joined(separator: " ")): \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty && run.stdout.isEmpty, "\(arguments): no message")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.geojson").path))
    }

    /// Without a DATASET, outside the repository: the message says the default is missing (exit 2).
    func testDefaultDatasetMissingIsACommandLineError() throws {
        let run = try CLIRunner.run(["validate"], currentDirectory: dir)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("no DATASET was given"), run.stderr)
    }

    /// Issue "results get a home", defect 1: `--datum=gcj02` (the `=` form) was parsed and then ignored,
    /// because the loader looked for the literal argument "--datum". Both spellings must convert.
    func testDatumWithEqualsSignIsHonoured() throws {
        func stats(_ extra: [String]) throws -> String {
            let run = try CLIRunner.run(["stats", "--format", "json"] + extra)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout
        }
        let plain = try stats([]), spaced = try stats(["--datum", "gcj02"]), joined = try stats(["--datum=gcj02"])
        XCTAssertEqual(joined, spaced)
        XCTAssertNotEqual(joined, plain, "GCJ-02 → WGS84 moves every vertex by hundreds of metres; areas change")
    }

    /// Defect 2: `--radii 4e-324` underflowed a grid cell to 0 and trapped (SIGILL); now a range message, exit 2.
    func testTinyRadiusIsACommandLineError() throws {
        let run = try CLIRunner.run(["cluster", "GeoData/mianyang", "--radii", "4e-324", "--simulations", "0"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("--radii must be positive metres"), run.stderr)
    }

    // MARK: 14. negative numbers

    /// Before: "Missing value for '--area-ha <area-ha>'" (the parser took -2 for an option).
    func testNegativeNumbersGetARangeMessage() throws {
        let cases: [([String], String)] = [
            (["site", "--industry", "C3974", "--area-ha", "-2"], "--area-ha must be a positive number"),
            (["stats", "--threads", "-1"], "--threads must be at least 1"),
            (["cluster", "--eps", "-500"], "--eps must be a positive number"),
            (["cluster", "--simulations", "-1"], "--simulations must be"),
            (["hotspots", "--band", "-1000"], "--band must be a positive number"),
            (["site", "--industry", "C3974", "--area-ha", "3", "--top", "-1"], "--top must be at least 1"),
        ]
        for (arguments, message) in cases {
            let run = try CLIRunner.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("Missing value"), "\(arguments): \(run.stderr)")
        }
    }

    // MARK: 15. --out picks the format from the extension

    func testOutExtensionChoosesTheFormatForEveryCommand() throws {
        let commands: [[String]] = [
            ["validate"], ["stats"], ["cluster", "--simulations", "0"], ["hotspots"], ["agglomeration"], ["check", "--fail-on", "never"],
            ["site", "--industry", "C3974", "--area-ha", "3"], ["evaluate"], ["compare", "GeoData/mianyang-2023", "GeoData/mianyang"],
            ["info", "GeoData/mianyang/parks.geojson"],
        ]
        for command in commands {
            let name = command[0]
            let json = dir.appendingPathComponent("\(name).json").path, csv = dir.appendingPathComponent("\(name).csv").path
            let txt = dir.appendingPathComponent("\(name).txt").path
            for (path, label) in [(json, "json"), (csv, "csv"), (txt, "txt")] {
                let run = try CLIRunner.run(command + ["--out", path])
                XCTAssertEqual(run.status, 0, "\(name) --out .\(label): \(run.stderr)")
            }
            let jsonBytes = try Data(contentsOf: URL(fileURLWithPath: json))
            XCTAssertNotNil(try JSONText.parse(String(decoding: jsonBytes, as: UTF8.self)).objectValue, "\(name) .json is not JSON")
            let csvBytes = try Data(contentsOf: URL(fileURLWithPath: csv))
            XCTAssertEqual(Array(csvBytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) .csv starts with the UTF-8 BOM (Excel)")
            let header = String(decoding: csvBytes.dropFirst(3), as: UTF8.self).split(separator: "\n").first ?? ""
            XCTAssertTrue(header.contains(",") && !header.contains("{"), "\(name) .csv header: \(header)")
            let text = try String(contentsOfFile: txt, encoding: .utf8)
            XCTAssertFalse(text.hasPrefix("{") || text.hasPrefix("\u{FEFF}"), "\(name) .txt is the table")
        }
        // A --format that contradicts the extension is a command-line error.
        let clash = try CLIRunner.run(["stats", "--format", "table", "--out", dir.appendingPathComponent("s.json").path])
        XCTAssertEqual(clash.status, 2, clash.stderr)
        XCTAssertTrue(clash.stderr.contains("contradicts"), clash.stderr)
        // compare: --out .geojson is the change map and the report goes to stdout, like check/site/hotspots.
        let map = dir.appendingPathComponent("changes.geojson").path
        let compare = try CLIRunner.run(["compare", "GeoData/mianyang-2023", "GeoData/mianyang", "--out", map])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.contains("GeoData/mianyang"), compare.stdout)
        XCTAssertEqual(try JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: map)), as: UTF8.self))
            .objectValue?["type"], .string("FeatureCollection"))
        // Help lists csv, and csv is accepted: no command lists a format it then rejects.
        for command in ["compare", "evaluate", "validate", "cluster", "info"] {
            let help = try CLIRunner.run([command, "--help"]).stdout
            XCTAssertTrue(help.contains("csv"), "\(command) --help")
        }
    }

    /// The change map's entrant points carry the enterprise's input properties (name, industry, output, …).
    func testChangeMapEntrantsCarryTheirProperties() throws {
        let map = dir.appendingPathComponent("changes.geojson").path
        XCTAssertEqual(try CLIRunner.run(["compare", "GeoData/mianyang-2023", "GeoData/mianyang", "--out", map, "--quiet"]).status, 0)
        let features = try GeoJSONReader().read(Array(try Data(contentsOf: URL(fileURLWithPath: map))), fileName: map).featureCollection.features
        let entered = features.filter { $0[property: "change"]?.stringValue == "entered" }
        XCTAssertFalse(entered.isEmpty)
        for f in entered {
            for key in ["id", "name", "industry", "output_wan"] { XCTAssertNotNil(f[property: key], "\(key) of \(f[property: "id"] ?? .null)") }
        }
    }

    /// CSV fields holding a comma, a quote and a line break are quoted (RFC 4180): read back by Python's csv module.
    func testCSVQuotesCommasQuotesAndNewlines() throws {
        let folder = dir.appendingPathComponent("odd")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang"), to: folder)
        let odd = "E,\"odd\"\nid"
        // Renamed everywhere it appears: the feature id, its `id` property and the parcels naming it.
        for file in ["enterprises.geojson", "parcels.geojson"] {
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\"E00001\"", with: "\"E,\\\"odd\\\"\\nid\"").write(to: url, atomically: true, encoding: .utf8)
        }
        for command in [["hotspots"], ["agglomeration"], ["stats", "--enterprises"]] {
            let out = dir.appendingPathComponent("\(command[0]).csv").path
            let run = try CLIRunner.run(command + [folder.path, "--out", out])
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
            let script = "import csv,sys\nrows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\n"
                + "w=len(rows[0]); assert all(len(r)==w for r in rows), 'ragged'\nprint(sum(c==sys.argv[2] for r in rows for c in r))"
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            python.arguments = ["python3", "-c", script, out, odd]
            let pipe = Pipe()
            python.standardOutput = pipe
            python.standardError = pipe
            try python.run()
            python.waitUntilExit()
            let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(python.terminationStatus, 0, "\(command): \(said)")
            // hotspots and per-mu list each enterprise once; agglomeration's LQ table has units, not enterprise ids.
            if command[0] != "agglomeration" { XCTAssertEqual(said.trimmingCharacters(in: .whitespacesAndNewlines), "1", "\(command)") }
        }
    }

    // MARK: Smaller things a planner notices

    func testTablesReadAsAPlannerExpects() throws {
        let stats = try CLIRunner.run(["stats"]).stdout
        XCTAssertFalse(stats.contains("(1)"), "indicator columns are named, not numbered")
        XCTAssertTrue(stats.contains("开发率") && stats.contains("闲置率"), stats)
        XCTAssertFalse(stats.contains("-0.000"))
        let check = try CLIRunner.run(["check", "--fail-on", "never"]).stdout
        XCTAssertTrue(check.contains("三台县"), "district names, not codes")
        XCTAssertTrue(check.contains("高新区") || check.contains("高新技术产业开发区"), check)
        // 1 error / 1 warning in the singular: one park far outside and one enterprise far outside.
        let folder = dir.appendingPathComponent("plural")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang"), to: folder)
        let url = folder.appendingPathComponent("enterprises.geojson")
        var text = try String(contentsOf: url, encoding: .utf8)
        let e = try XCTUnwrap(text.range(of: "\"id\":\"E02874\""))
        let coordinates = try XCTUnwrap(text.range(of: "\"coordinates\":[", range: e.upperBound..<text.endIndex))
        let close = try XCTUnwrap(text.range(of: "]", range: coordinates.upperBound..<text.endIndex))
        text.replaceSubrange(coordinates.upperBound..<close.lowerBound, with: "0,0")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let validate = try CLIRunner.run(["validate", folder.path]).stdout
        XCTAssertTrue(validate.contains("0 errors, 1 warning\n"), validate)
        let agglomeration = try CLIRunner.run(["agglomeration"]).stdout
        XCTAssertFalse(agglomeration.contains(" e "), "the measure is named, not 'e'")
        let hotspots = try CLIRunner.run(["hotspots"]).stdout
        XCTAssertFalse(hotspots.contains(" Wi "), "neighbours, not 'Wi'")
        XCTAssertTrue(hotspots.contains("neighbours"))
    }
}
