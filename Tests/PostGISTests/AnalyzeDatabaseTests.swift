import Foundation
import GeoCore
import GeoJSON
import TestSupport
import XCTest

/// `analyze --db`: each run lands whole under its own run_id, or not at all.
final class AnalyzeDatabaseTests: PostGISTestCase {
    func analyzeProcess(_ uri: String, out: String, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["analyze", Self.mianyang, "--out", out, "--quiet", "--db", uri]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func wait(_ process: Process, seconds: Double = 120) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// Two runs at once into one schema: both complete, each table's rows per run equal to the files.
    func testTwoConcurrentRunsBothLandComplete() throws {
        let db = try server.createDatabase("runs")
        let uri = server.uri(database: db, schema: "results")
        let outs = (0..<2).map { _ in FileManager.default.temporaryDirectory.appendingPathComponent("pa-an-\(UUID().uuidString)").path }
        defer { for o in outs { try? FileManager.default.removeItem(atPath: o) } }
        let processes = try outs.map { try analyzeProcess(uri, out: $0) }
        for p in processes { wait(p) }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
        XCTAssertEqual(try server.psql("SELECT string_agg(run_id::text, ',' ORDER BY run_id) FROM results.runs WHERE finished_at IS NOT NULL", database: db), "1,2")
        // Independent figures: the run's own files.
        let check = try JSONText.parse(contentsOfFile: outs[0] + "/check.json").objectValue!
        let findings = check["findings"]!.arrayValue!.count
        let enterprises = try JSONText.parse(contentsOfFile: outs[0] + "/enterprises.geojson").objectValue!["features"]!.arrayValue!.count
        let gi = try JSONText.parse(contentsOfFile: outs[0] + "/hotspots.json").objectValue!["gi_star"]!.arrayValue!.count
        XCTAssertGreaterThan(findings, 100)
        for (table, expected) in [("findings", findings), ("enterprise_labels", enterprises), ("hotspots", gi), ("park_verdicts", check["parks"]!.arrayValue!.count)] {
            XCTAssertEqual(
                try server.psql("SELECT string_agg(n::text, ',' ORDER BY run_id) FROM (SELECT run_id, count(*) n FROM results.\(table) GROUP BY run_id) c", database: db),
                "\(expected),\(expected)", table)
        }
        // Values, not only counts: the verdicts of run 2 are those of check.json.
        let verdicts = check["parks"]!.arrayValue!.map { "\($0.objectValue!["id"]!.stringValue!)=\($0.objectValue!["verdict"]!.stringValue!)" }.sorted()
        XCTAssertEqual(
            try server.psql("SELECT string_agg(id || '=' || verdict, ',' ORDER BY id || '=' || verdict) FROM results.park_verdicts WHERE run_id = 2", database: db),
            verdicts.joined(separator: ","))
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.findings WHERE geom IS NOT NULL AND run_id = 1", database: db).isEmpty, false)
        XCTAssertEqual(try server.psql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'results' AND indexdef LIKE '%gist (geom)%'", database: db), "2")
    }

    /// `--db` without `--out`: the run lands in the database and nothing is written to disk
    /// (the working folder stays empty). Expected rows: `check --format json` of the same dataset.
    func testDatabaseOnlyRunWritesNothingToDisk() throws {
        let db = try server.createDatabase("dbonly")
        let uri = server.uri(database: db, schema: "results")
        let cwd = FileManager.default.temporaryDirectory.appendingPathComponent("pa-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cwd) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["analyze", Self.mianyang, "--db", uri, "--envelope", "analytic", "--quiet"]
        process.currentDirectoryURL = cwd
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        wait(process)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cwd.path), [], "analyze --db wrote files")
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.runs WHERE finished_at IS NOT NULL", database: db), "1")
        XCTAssertEqual(try server.psql("SELECT parameters ? 'out' FROM results.runs", database: db), "f")
        // The run records the K envelope it was asked for (the database-only path honours --envelope).
        XCTAssertEqual(try server.psql("SELECT parameters->>'envelope' FROM results.runs", database: db), "analytic")
        let check = try parkatlas(["check", Self.mianyang, "--format", "json"])
        let report = try JSONText.parse(check.stdout).objectValue!
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.findings", database: db), String(report["findings"]!.arrayValue!.count))
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.park_verdicts", database: db), String(report["parks"]!.arrayValue!.count))
        // A dataset with errors: exit 3 naming the problem, no run written.
        let broken = cwd.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.mianyang + "/parks.geojson", toPath: broken.path + "/parks.geojson")
        let failed = try parkatlas(["analyze", broken.path, "--db", uri, "--quiet"])
        XCTAssertEqual(failed.status, 3, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("districts"), failed.stderr)
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.runs", database: db), "1")
        // Neither --out nor --db: a usage error.
        XCTAssertEqual(try parkatlas(["analyze", Self.mianyang]).status, 2)
    }

    /// kill -9 while the run's transaction is open: no runs row and no result rows appear.
    func testKilledRunLeavesNoPartialResults() throws {
        let db = try server.createDatabase("killed")
        let uri = server.uri(database: db, schema: "results")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pa-an-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = try analyzeProcess(uri, out: out, environment: ["PARKATLAS_TEST_DB_COMMIT_DELAY": "30"])
        // Wait until every result row is written inside the open transaction.
        let deadline = Date().addingTimeInterval(90)
        var seen = false
        while Date() < deadline && !seen {
            let state = try server.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'UPDATE %runs%' AND state = 'idle in transaction'",
                database: db)
            seen = state == "1"
            if !seen { usleep(200_000) }
        }
        XCTAssertTrue(seen, "the run never reached its commit point")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        // The server notices the dropped connection and rolls the transaction back.
        var tables = "?"
        for _ in 0..<50 {
            tables = try server.psql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'results'", database: db)
            if tables == "0" { break }
            usleep(100_000)
        }
        XCTAssertEqual(tables, "0", "a killed run left tables behind")
        XCTAssertEqual(try server.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'results'", database: db), "0")
        // A later run is complete and is run 1 of the schema it creates.
        let again = try analyzeProcess(uri, out: out)
        wait(again)
        XCTAssertEqual(again.terminationStatus, 0)
        XCTAssertEqual(try server.psql("SELECT count(*) FROM results.runs", database: db), "1")
    }
}
