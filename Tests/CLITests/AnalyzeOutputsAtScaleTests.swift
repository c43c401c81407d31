import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `analyze` outputs at scale (README "Main job", `AnalyzeOutputRule`): above the row limit
/// (lowered here with the hidden `PARKATLAS_OUTPUT_ROW_LIMIT` so that a small synthetic city
/// is "big") per-feature arrays leave the JSON reports for CSV files and results.gpkg, large
/// layers get no GeoJSON file, summary.json says which; the rows are those the JSON carried
/// under the default limit (the reference: the same city written the way every earlier
/// build wrote it). summary.json caps its lists (`PARKATLAS_SUMMARY_LIST_LIMIT`). Progress bars
/// appear on a terminal (run under `script`, a pseudo-terminal) and never otherwise.
final class AnalyzeOutputsAtScaleTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// 6 top-level parks (and their sub-parks), 400 parcels, 1,500 enterprises.
    private func city() throws -> String {
        let data = dir.appendingPathComponent("city").path
        let made = try CLIRunner.run(["synth", "--out", data, "--parks", "6", "--parcels", "400", "--enterprises", "1500",
                                      "--seed", "11", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        return data
    }

    /// The parks of the synthetic city, sub-parks included: the features of its parks.geojson.
    private func parkCount(_ data: String) throws -> Int {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: data).appendingPathComponent("parks.geojson")), as: UTF8.self)
        return try JSONText.parse(text).objectValue?["features"]?.arrayValue?.count ?? -1
    }

    private func analyze(_ data: String, out: URL, environment: [String: String] = [:], threads: String = "2") throws {
        let r = try CLIRunner.run(["analyze", data, "--out", out.path, "--threads", threads], environment: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    private func json(_ url: URL) throws -> [String: JSONValue] {
        let value = try JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        var out: [String: JSONValue] = [:]
        for m in value.objectValue ?? JSONObject() { out[m.key] = m.value }
        return out
    }

    /// A CSV file's rows (after the byte order mark and the header), split on commas: the
    /// tables compared here hold no quoted fields (ids, numbers, codes).
    private func csvRows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }

    func testAboveTheRowLimitPerFeatureTablesLeaveJSONForCSVAndGeoPackage() throws {
        let data = try city()
        let full = dir.appendingPathComponent("full"), limited = dir.appendingPathComponent("limited")
        try analyze(data, out: full)
        try analyze(data, out: limited, environment: ["PARKATLAS_OUTPUT_ROW_LIMIT": "200"])
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: limited.path))

        // Layers: 1,500 enterprises and 400 parcels are above 200: only in results.gpkg.
        for name in ["enterprises.geojson", "parcels.geojson"] { XCTAssertFalse(written.contains(name), name) }
        for name in ["districts.geojson", "parks.geojson", "results.gpkg", "hotspots.csv", "per_mu.csv", "findings.csv",
                     "cluster_points.csv", "summary.json", "report.html"] {
            XCTAssertTrue(written.contains(name), name)
        }
        let summary = try json(limited.appendingPathComponent("summary.json"))
        let note = try XCTUnwrap(summary["outputs_at_scale"]?.objectValue)
        XCTAssertEqual(note["row_limit"]?.integerValue, 200)
        let gpkgOnly = (note["gpkg_only_layers"]?.arrayValue ?? []).compactMap(\.objectValue)
        var layerCounts: [String: Int64] = [:]
        for layer in gpkgOnly { layerCounts[layer["layer"]?.stringValue ?? ""] = layer["features"]?.integerValue }
        XCTAssertEqual(layerCounts["enterprises"], 1500)
        XCTAssertEqual(layerCounts["parcels"], 400)
        XCTAssertNil(layerCounts["parks"])
        let listed = Set((summary["files"]?.arrayValue ?? []).compactMap(\.stringValue))
        XCTAssertFalse(listed.contains("enterprises.geojson"))
        XCTAssertTrue(listed.isSuperset(of: ["cluster_points.csv", "results.gpkg"]))
        // Under the default limit nothing moved, and summary.json has no note.
        let fullSummary = try json(full.appendingPathComponent("summary.json"))
        XCTAssertNil(fullSummary["outputs_at_scale"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: full.appendingPathComponent("enterprises.geojson").path))

        // hotspots: gi_star left out of the JSON, named; the CSV rows are the JSON rows of the full run.
        let hot = try json(limited.appendingPathComponent("hotspots.json"))
        XCTAssertNil(hot["gi_star"])
        let fullHot = try json(full.appendingPathComponent("hotspots.json"))
        let gi = (fullHot["gi_star"]?.arrayValue ?? []).compactMap(\.objectValue)
        XCTAssertGreaterThan(gi.count, 200)
        let moved = try XCTUnwrap(hot["per_feature_tables"]?.objectValue?["gi_star"]?.objectValue)
        XCTAssertEqual(moved["rows"]?.integerValue, Int64(gi.count))
        XCTAssertEqual(moved["in"], .array([.string("hotspots.csv"), .string("results.gpkg:enterprises")]))
        XCTAssertEqual(hot["moran"], fullHot["moran"])
        let csv = try csvRows(limited.appendingPathComponent("hotspots.csv"))
        XCTAssertEqual(csv.header, ["id", "value", "z", "p", "bin", "neighbours"])
        XCTAssertEqual(csv.rows.count, gi.count)
        for (row, o) in zip(csv.rows, gi) {
            XCTAssertEqual(row[0], o["id"]?.stringValue)
            XCTAssertEqual(Double(row[2]), o["z"]?.doubleValue)
            XCTAssertEqual(Double(row[3]), o["p"]?.doubleValue)
            XCTAssertEqual(Int64(row[4]), o["bin"]?.integerValue)
            XCTAssertEqual(Int64(row[5]), o["neighbours"]?.integerValue)
        }

        // cluster: every group's points leave cluster.json for cluster_points.csv, in group order.
        let cluster = try json(limited.appendingPathComponent("cluster.json"))
        let fullGroups = (try json(full.appendingPathComponent("cluster.json"))["groups"]?.arrayValue ?? []).compactMap(\.objectValue)
        for g in (cluster["groups"]?.arrayValue ?? []).compactMap(\.objectValue) { XCTAssertNil(g["points"]) }
        var expected: [[String]] = []
        for g in fullGroups {
            for p in (g["points"]?.arrayValue ?? []).compactMap(\.objectValue) {
                expected.append([g["industry"]?.stringValue ?? "", p["id"]?.stringValue ?? "", String(p["cluster"]?.integerValue ?? -99),
                                 p["core"] == .bool(true) ? "true" : "false", p["role"]?.stringValue ?? ""])
            }
        }
        let points = try csvRows(limited.appendingPathComponent("cluster_points.csv"))
        XCTAssertEqual(points.header, ["industry", "id", "cluster", "core", "role"])
        XCTAssertEqual(points.rows, expected)
        XCTAssertGreaterThan(expected.count, 200)

        // stats: the per-mu rows only in per_mu.csv (the same file as before).
        let stats = try json(limited.appendingPathComponent("stats.json"))
        XCTAssertNil(stats["enterprises"])
        XCTAssertEqual(stats["per_feature_tables"]?.objectValue?["enterprises"]?.objectValue?["rows"]?.integerValue, 1500)
        XCTAssertEqual(stats["benefit"], try json(full.appendingPathComponent("stats.json"))["benefit"])
        for name in ["per_mu.csv", "hotspots.csv", "findings.csv", "stats_classes.csv", "agglomeration.csv", "districts.geojson", "parks.geojson"] {
            XCTAssertEqual(try Data(contentsOf: limited.appendingPathComponent(name)), try Data(contentsOf: full.appendingPathComponent(name)), name)
        }

        // check: findings leave check.json when there are more than 200.
        let findings = (try json(full.appendingPathComponent("check.json"))["findings"]?.arrayValue ?? []).count
        let check = try json(limited.appendingPathComponent("check.json"))
        XCTAssertEqual(check["findings"] == nil, findings > 200)
        XCTAssertEqual(written.contains("findings.geojson"), findings <= 200)
    }

    /// The rule and the threads: every file the same for --threads 1 and 2 (the GeoPackage is
    /// written beside the other files on two threads).
    func testLimitedOutputsAreTheSameForAnyThreadCount() throws {
        let data = try city()
        let one = dir.appendingPathComponent("t1"), two = dir.appendingPathComponent("t2")
        // GDAL stamps a GeoPackage with the clock time unless OGR_CURRENT_DATE fixes it.
        let environment = ["PARKATLAS_OUTPUT_ROW_LIMIT": "200", "OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"]
        try analyze(data, out: one, environment: environment, threads: "1")
        try analyze(data, out: two, environment: environment, threads: "2")
        let names = try FileManager.default.contentsOfDirectory(atPath: one.path).sorted()
        XCTAssertTrue(names.contains("cluster_points.csv") && !names.contains("enterprises.geojson"), "the rule applies")
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: two.path).sorted())
        for name in names where name.hasSuffix(".csv") || name.hasSuffix(".geojson") || name.hasSuffix(".gpkg")
            || (name.hasSuffix(".json") && name != "summary.json") {
            XCTAssertEqual(try Data(contentsOf: one.appendingPathComponent(name)), try Data(contentsOf: two.appendingPathComponent(name)), name)
        }
        var a = try json(one.appendingPathComponent("summary.json")), b = try json(two.appendingPathComponent("summary.json"))
        a["timings_s"] = nil
        b["timings_s"] = nil
        XCTAssertEqual(a, b)
    }

    /// summary.json's lists stop at the list limit; the full length and where the whole list is
    /// are in "truncated": the city's parks (those of its parks.geojson) are cut to 2.
    func testSummaryListsAreCappedAndSayWhereTheRestIs() throws {
        let data = try city()
        let parks = try parkCount(data)
        XCTAssertGreaterThan(parks, 2)
        let out = dir.appendingPathComponent("capped")
        try analyze(data, out: out, environment: ["PARKATLAS_SUMMARY_LIST_LIMIT": "2"])
        let summary = try json(out.appendingPathComponent("summary.json"))
        XCTAssertEqual(summary["check"]?.objectValue?["parks"]?.arrayValue?.count, 2)
        XCTAssertEqual(summary["top_indicators"]?.arrayValue?.count, 2)
        XCTAssertEqual(summary["files"]?.arrayValue?.count, 2)
        let truncated = try XCTUnwrap(summary["truncated"]?.objectValue)
        XCTAssertEqual(truncated["check.parks"]?.objectValue?["total"]?.integerValue, Int64(parks))
        XCTAssertEqual(truncated["check.parks"]?.objectValue?["in"]?.stringValue, "check.json")
        XCTAssertEqual(truncated["top_indicators"]?.objectValue?["total"]?.integerValue, Int64(parks))
        XCTAssertEqual(truncated["check.parks"]?.objectValue?["shown"]?.integerValue, 2)
        // Files: the folder's files plus a page per park, all counted.
        let folder = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "parks" }
        XCTAssertEqual(truncated["files"]?.objectValue?["total"]?.integerValue, Int64(folder.count + parks))
        // Uncapped (the default of 1,000) there is no "truncated".
        let plain = dir.appendingPathComponent("plain")
        try analyze(data, out: plain)
        XCTAssertNil(try json(plain.appendingPathComponent("summary.json"))["truncated"])
    }

    /// Under a pseudo-terminal (`script -qc`) the steps draw bars redrawn with "\r"; without a
    /// terminal stderr has none.
    func testProgressBarsOnATerminalOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no /usr/bin/script") }
        let data = try city()
        let out = dir.appendingPathComponent("tty")
        let command = "\(CLIRunner.executable.path) analyze \(data) --out \(out.path)"
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qc", command, "/dev/null"]
        script.currentDirectoryURL = CLIRunner.packageRoot
        let pipe = Pipe()
        script.standardOutput = pipe
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0, text)
        // The writing step counts rows from 0 %, the park pages count pages, redrawn in place.
        XCTAssertTrue(text.contains("\r\u{1B}[Kanalyze: write tables [....................]   0% 0/"), text)
        XCTAssertTrue(text.contains(" rows "), text)
        XCTAssertTrue(text.contains("analyze: park pages ["), text)
        XCTAssertTrue(text.contains("/\(try parkCount(data)) pages"), text)
        XCTAssertTrue(text.contains("analyze: write tables … "), text)

        let piped = try CLIRunner.run(["analyze", data, "--out", dir.appendingPathComponent("pipe").path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\r"), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("["), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("analyze:"), piped.stderr)
    }
}
