import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas analyze`: every promised file, summary.json agreeing with the individual
/// commands' JSON (the reference here is the other commands, each tested against
/// Python references in its own test file), a self-contained report.html whose maps
/// parse as XML, exit 3 without half-written files, identical results for any thread
/// count, no leaked GEOS/PROJ handles, and a render with headless Chromium when installed.
final class AnalyzeCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let alwaysWritten = [
        "validation.json", "stats.json", "stats_classes.csv", "per_mu.csv", "cluster.json", "hotspots.json", "hotspots.csv",
        "agglomeration.json", "agglomeration.csv", "check.json", "findings.csv", "findings.geojson", "districts.geojson",
        "parks.geojson", "parcels.geojson", "enterprises.geojson", "map_overview.svg", "map_clusters.svg", "map_hotspots.svg",
        "map_findings.svg", "report.html", "atlas.html", "summary.json",
    ]
    static let sections = ["summary", "maps", "indicators", "benefit", "findings", "clusters", "hotspots", "agglomeration"]

    private func json(_ url: URL) throws -> JSONValue {
        try JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    private func command(_ args: [String]) throws -> JSONValue {
        let r = try CLIRunner.run(args + ["--format", "json"])
        XCTAssertTrue([0, 1].contains(r.status), "\(args): \(r.stderr)")
        return try JSONText.parse(r.stdout)
    }

    private func analyze(_ args: [String], out: URL, status: Int32 = 0) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(["analyze"] + args + ["--out", out.path], environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(r.status, status, r.stderr)
        XCTAssertTrue(r.stderr.contains("live handles: GEOS 0, PROJ 0"), r.stderr)
        return r
    }

    private func files(in folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    func testMianyangWritesEveryFileAgreeingWithTheCommands() throws {
        let out = dir.appendingPathComponent("mianyang")
        _ = try analyze(["GeoData/mianyang"], out: out)
        let written = try files(in: out)
        for name in Self.alwaysWritten { XCTAssertTrue(written.contains(name), "missing \(name)") }
        XCTAssertFalse(written.contains("compare.json"))
        let summary = try XCTUnwrap(try json(out.appendingPathComponent("summary.json")).objectValue)
        // Park pages are listed one by one (parks/<id>.html); the folder listing shows "parks".
        let listed = summary["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertEqual(Set(listed.map { String($0.split(separator: "/").first ?? "") }), written)
        XCTAssertEqual(listed.filter { $0.hasPrefix("parks/") }.count, 14)
        for key in ["dataset", "crs", "counts", "errors", "warnings", "total", "check", "top_indicators", "files"] {
            XCTAssertNotNil(summary[key], key)
        }

        // check: the summary and every park verdict equal `check --format json`.
        let check = try XCTUnwrap(try command(["check", "GeoData/mianyang", "--fail-on", "never"]).objectValue)
        XCTAssertEqual(summary["check"]?.objectValue?["summary"], check["summary"])
        let verdicts = { (parks: JSONValue?) in parks?.arrayValue?.compactMap { p -> String? in
            guard let o = p.objectValue else { return nil }
            return "\(o["id"]?.stringValue ?? "") \(o["verdict"]?.stringValue ?? "") \(o["error"]?.integerValue ?? -1) \(o["warning"]?.integerValue ?? -1)"
        } ?? [] }
        XCTAssertEqual(verdicts(summary["check"]?.objectValue?["parks"]), verdicts(check["parks"]))
        XCTAssertFalse(verdicts(check["parks"]).isEmpty)
        XCTAssertEqual(try json(out.appendingPathComponent("check.json")), .object(check))

        // stats: the totals equal `stats --format json`.
        let stats = try XCTUnwrap(try command(["stats", "GeoData/mianyang"]).objectValue?["total"]?.objectValue)
        let total = try XCTUnwrap(summary["total"]?.objectValue)
        for key in ["area_m2", "parcel_area_m2", "parcel_count", "indicators"] { XCTAssertEqual(total[key], stats[key], key) }

        // validate: counts of problems.
        let validate = try XCTUnwrap(try command(["validate", "GeoData/mianyang"]).objectValue)
        XCTAssertEqual(summary["errors"], validate["errors"])
        XCTAssertEqual(summary["warnings"], validate["warnings"])

        // hotspots: the same bins as `hotspots --format json`.
        let hot = try XCTUnwrap(try command(["hotspots", "GeoData/mianyang"]).objectValue)
        XCTAssertEqual(try json(out.appendingPathComponent("hotspots.json")), .object(hot))

        // counts and enterprise attributes.
        let enterprises = try json(out.appendingPathComponent("enterprises.geojson")).objectValue?["features"]?.arrayValue ?? []
        XCTAssertEqual(Int64(enterprises.count), summary["counts"]?.objectValue?["enterprises"]?.integerValue)
        let first = try XCTUnwrap(enterprises.first?.objectValue?["properties"]?.objectValue)
        for key in ["cluster_group", "cluster", "cluster_role", "gi_z", "gi_bin", "marker-color"] { XCTAssertNotNil(first[key], key) }
        let clustered = enterprises.filter { ($0.objectValue?["properties"]?.objectValue?["cluster"]?.integerValue ?? -1) >= 0 }
        XCTAssertFalse(clustered.isEmpty)

        try assertReportWellFormed(out.appendingPathComponent("report.html"), sections: Self.sections)

        // The K envelope: `auto` simulates every Mianyang group (all below the threshold) and says so.
        let cluster = try XCTUnwrap(try json(out.appendingPathComponent("cluster.json")).objectValue)
        XCTAssertEqual(cluster["envelope"]?.stringValue, "auto")
        let methods = Set(cluster["groups"]?.arrayValue?.compactMap { $0.objectValue?["ripley"]?.objectValue?["envelope"]?.stringValue } ?? [])
        XCTAssertEqual(methods, ["simulation"])
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.html")), as: UTF8.self)
        XCTAssertTrue(html.contains("K envelope (--envelope auto): simulation (99 CSR patterns"), "report states the envelope method")
    }

    /// `--envelope analytic` reaches the cluster step and the report says so.
    func testAnalyticEnvelopeIsUsedAndStated() throws {
        let out = dir.appendingPathComponent("analytic")
        _ = try analyze(["GeoData/mianyang", "--envelope", "analytic"], out: out)
        let cluster = try XCTUnwrap(try json(out.appendingPathComponent("cluster.json")).objectValue)
        XCTAssertEqual(cluster["envelope"]?.stringValue, "analytic")
        let methods = Set(cluster["groups"]?.arrayValue?.compactMap { $0.objectValue?["ripley"]?.objectValue?["envelope"]?.stringValue } ?? [])
        XCTAssertEqual(methods, ["analytic"])
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.html")), as: UTF8.self)
        XCTAssertTrue(html.contains("K envelope (--envelope analytic): analytic"))
        let bad = try CLIRunner.run(["analyze", "GeoData/mianyang", "--envelope", "exact", "--out", dir.appendingPathComponent("bad").path])
        XCTAssertEqual(bad.status, 2, bad.stderr)
    }

    /// Each section id, no network reference, every inline SVG parses as XML.
    private func assertReportWellFormed(_ url: URL, sections: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let html = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        for id in sections { XCTAssertTrue(html.contains("<section id=\"\(id)\">"), "section \(id)", file: file, line: line) }
        XCTAssertFalse(html.contains("http://"), file: file, line: line)
        XCTAssertFalse(html.contains("https://"), file: file, line: line)
        XCTAssertFalse(html.contains("@import"), file: file, line: line)
        XCTAssertTrue(html.contains("Noto Sans CJK SC"), file: file, line: line)
        var svgs = 0
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "SVG \(svgs) does not parse: \(String(describing: parser.parserError))", file: file, line: line)
            svgs += 1
            rest = rest[end.upperBound...]
        }
        // Four maps and the 工业向园区集中 chart.
        XCTAssertEqual(svgs, 5, file: file, line: line)
    }

    /// `results.gpkg` holds the result layers in one file (docs/import.md); its districts, parks,
    /// parcels and enterprises layers make a dataset whose `stats` equal those of GeoData/mianyang,
    /// park by park (the GeoPackage is read by GDAL, an independent path from the GeoJSON reader).
    func testResultsGeoPackageIsADatasetWithTheSameStats() throws {
        let out = dir.appendingPathComponent("gpkg")
        _ = try analyze(["GeoData/mianyang"], out: out)
        let gpkg = out.appendingPathComponent("results.gpkg").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: gpkg))
        func parks(_ dataset: String) throws -> [String: JSONValue] {
            let run = try CLIRunner.run(["stats", dataset, "--format", "json"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let root = try XCTUnwrap(try JSONText.parse(run.stdout).objectValue)
            var byID: [String: JSONValue] = ["total": root["total"] ?? .null]
            for p in root["parks"]?.arrayValue ?? [] { byID[p.objectValue?["id"]?.stringValue ?? "?"] = p }
            return byID
        }
        let fromGeoPackage = try parks(gpkg), fromFolder = try parks("GeoData/mianyang")
        XCTAssertEqual(fromGeoPackage.count, 15)
        XCTAssertEqual(fromGeoPackage, fromFolder)
    }

    func testPreviousAddsCompareAndEvaluate() throws {
        let out = dir.appendingPathComponent("year")
        _ = try analyze(["GeoData/mianyang", "--previous", "GeoData/mianyang-2023"], out: out)
        let written = try files(in: out)
        XCTAssertTrue(written.contains("compare.json") && written.contains("evaluate.json"))
        let evaluate = try command(["evaluate", "GeoData/mianyang", "--previous", "GeoData/mianyang-2023"])
        XCTAssertEqual(try json(out.appendingPathComponent("evaluate.json")), evaluate)
        let compare = try command(["compare", "GeoData/mianyang-2023", "GeoData/mianyang"])
        XCTAssertEqual(try json(out.appendingPathComponent("compare.json")), compare)
        let summary = try json(out.appendingPathComponent("summary.json")).objectValue
        XCTAssertEqual(summary?["evaluation"]?.objectValue?["summary"], evaluate.objectValue?["summary"])
        try assertReportWellFormed(out.appendingPathComponent("report.html"), sections: Self.sections + ["evaluation"])
    }

    /// Not tuned to Mianyang: a synthetic city near Berlin, and the same results with 1 and 2 threads.
    func testSynthBerlinSameResultsForAnyThreadCount() throws {
        let data = dir.appendingPathComponent("berlin").path
        let made = try CLIRunner.run(["synth", "--out", data, "--parks", "5", "--parcels", "600", "--enterprises", "900",
                                      "--seed", "5", "--center=13.4,52.5", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        var summaries: [JSONValue] = []
        for threads in ["1", "2"] {
            let out = dir.appendingPathComponent("out\(threads)")
            _ = try analyze([data, "--threads", threads], out: out)
            var s = try XCTUnwrap(try json(out.appendingPathComponent("summary.json")).objectValue)
            s["timings_s"] = nil
            summaries.append(.object(s))
            XCTAssertTrue(try files(in: out).isSuperset(of: Self.alwaysWritten))
            for name in ["cluster.json", "check.json", "stats.json", "hotspots.json", "agglomeration.json"] {
                let a = try Data(contentsOf: dir.appendingPathComponent("out1").appendingPathComponent(name))
                if threads == "2" { XCTAssertEqual(a, try Data(contentsOf: out.appendingPathComponent(name)), name) }
            }
        }
        XCTAssertEqual(summaries[0], summaries[1])
        let counts = summaries[0].objectValue?["counts"]?.objectValue
        XCTAssertEqual(counts?["enterprises"]?.integerValue, 900)
        XCTAssertEqual(summaries[0].objectValue?["crs"]?.stringValue?.contains("UTM"), true)
        try assertReportWellFormed(dir.appendingPathComponent("out1/report.html"), sections: Self.sections)
    }

    func testUnwritableOutputIsExitThreeAndLeavesNothing() throws {
        // A regular file where the output folder's parent should be: creating the folder fails,
        // whoever runs the test (root ignores permission bits).
        let blocker = dir.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        let r = try analyze(["GeoData/mianyang"], out: blocker.appendingPathComponent("out"), status: 3)
        XCTAssertTrue(r.stderr.contains("cannot create"), r.stderr)
        XCTAssertEqual(try files(in: dir), ["blocker"])
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            _ = try analyze(["GeoData/mianyang"], out: locked, status: 3)
            XCTAssertEqual(try files(in: locked), [])
        }
    }

    func testDatasetWithErrorsIsExitThreeWithValidationAndSummaryOnly() throws {
        let data = dir.appendingPathComponent("broken")
        let made = try CLIRunner.run(["synth", "--out", data.path, "--parks", "3", "--parcels", "100", "--enterprises", "100", "--seed", "9", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let parks = data.appendingPathComponent("parks.geojson")
        let text = String(decoding: try Data(contentsOf: parks), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\"level\":\"", with: "\"level\":\"bogus").utf8).write(to: parks)
        let out = dir.appendingPathComponent("out")
        _ = try analyze([data.path], out: out, status: 3)
        XCTAssertEqual(try files(in: out), ["validation.json", "summary.json"])
        let validate = try XCTUnwrap(try CLIRunner.run(["validate", data.path, "--format", "json"]).stdout)
        let summary = try json(out.appendingPathComponent("summary.json")).objectValue
        XCTAssertEqual(summary?["errors"], try JSONText.parse(validate).objectValue?["errors"])
        XCTAssertGreaterThan(summary?["errors"]?.integerValue ?? 0, 0)
    }

    /// Renders report.html with headless Chromium (scripts/render_check.sh) when it is installed.
    func testReportRendersInChromium() throws {
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        which.arguments = ["sh", "-c", "command -v chromium"]
        which.standardOutput = Pipe()
        try which.run()
        which.waitUntilExit()
        guard which.terminationStatus == 0 else { throw XCTSkip("chromium not installed") }
        let out = dir.appendingPathComponent("render")
        _ = try analyze(["GeoData/mianyang"], out: out)
        let png = dir.appendingPathComponent("report.png")
        let render = Process()
        render.executableURL = CLIRunner.packageRoot.appendingPathComponent("scripts/render_check.sh")
        render.arguments = [out.appendingPathComponent("report.html").path, png.path, "1366x3000"]
        render.standardOutput = Pipe()
        render.standardError = Pipe()
        try render.run()
        render.waitUntilExit()
        XCTAssertEqual(render.terminationStatus, 0)
        let bytes = try Data(contentsOf: png)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(bytes.count, 50_000, "a rendered report is more than a blank page")
    }
}
