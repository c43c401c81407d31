import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import TestSupport
import XCTest

/// The CLI on a PostGIS dataset: the same results as on the folder, and every
/// failure a clear message with exit 3, never a hang, never a password.
final class PostGISCommandTests: PostGISTestCase {
    /// `stats`, `check` and `cluster` give exactly the folder's JSON (the dataset name aside).
    func testStatsCheckAndClusterEqualTheFolders() throws {
        let (_, uri) = try database()
        let display = uri.replacingOccurrences(of: server.password, with: "***")
        for command in [["stats", "--level", "2", "--enterprises"], ["check"], ["cluster", "--simulations", "19"]] {
            let folder = try parkatlas(command + [Self.mianyang, "--format", "json"])
            let database = try parkatlas(command + [uri, "--format", "json"])
            // check exits 1: the reference dataset has findings at its default --fail-on.
            XCTAssertEqual(folder.status, command[0] == "check" ? 1 : 0, folder.stderr)
            XCTAssertEqual(database.status, folder.status, database.stderr)
            XCTAssertFalse(database.stdout.contains(server.password) || database.stderr.contains(server.password))
            if command[0] == "stats" { XCTAssertTrue(database.stdout.contains(display), "the report names the dataset by its URI with ***") }
            let a = folder.stdout.replacingOccurrences(of: Self.mianyang, with: "DATASET")
            let b = database.stdout.replacingOccurrences(of: display, with: "DATASET")
            XCTAssertGreaterThan(a.count, 500)
            XCTAssertEqual(a, b, "\(command[0]) differs between the folder and PostGIS")
        }
    }

    /// `validate --fix postgresql://…` then `validate --fix FOLDER` from it: the folder's files again.
    func testValidateFixIntoPostGISAndBackToAFolder() throws {
        let db = try server.createDatabase("fix")
        let uri = server.uri(database: db, schema: "mianyang")
        let into = try parkatlas(["validate", Self.mianyang, "--fix", uri, "--format", "json"])
        XCTAssertEqual(into.status, 0, into.stderr)
        XCTAssertEqual(try server.psql("SELECT count(*) FROM mianyang.parks", database: db), "14")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pa-fix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let back = try parkatlas(["validate", uri, "--fix", out])
        XCTAssertEqual(back.status, 0, back.stderr)
        let reference = FileManager.default.temporaryDirectory.appendingPathComponent("pa-ref-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: reference) }
        XCTAssertEqual(try parkatlas(["validate", Self.mianyang, "--fix", reference]).status, 0)
        for file in ["districts.geojson", "parks.geojson", "parcels.geojson", "enterprises.geojson"] {
            // Byte for byte: every feature, id, geometry and property, in order.
            let a = try GeoJSONFile.readBytes(path: reference + "/" + file)
            let b = try GeoJSONFile.readBytes(path: out + "/" + file)
            XCTAssertGreaterThan(a.count, 1000, file)
            XCTAssertTrue(a == b, "\(file): \(a.count) bytes from the folder, \(b.count) through PostGIS")
        }
    }

    /// `--where` from the command line on a two-city database: the Mianyang results.
    func testWhereOnTheCommandLine() throws {
        let (_, uri) = try twoCityDatabase()
        let display = uri.replacingOccurrences(of: server.password, with: "***")
        let folder = try parkatlas(["stats", Self.mianyang, "--format", "json"])
        let filtered = try parkatlas(["stats", uri, "--where", "city = 'mianyang'", "--format", "json"])
        XCTAssertEqual(filtered.status, 0, filtered.stderr)
        XCTAssertEqual(
            folder.stdout.replacingOccurrences(of: Self.mianyang, with: "D"), filtered.stdout.replacingOccurrences(of: display, with: "D"))
        let boxed = try parkatlas(["stats", uri, "--bbox", "103.5,30.5,106,33", "--format", "json"])
        XCTAssertEqual(boxed.status, 0, boxed.stderr)
        XCTAssertEqual(
            folder.stdout.replacingOccurrences(of: Self.mianyang, with: "D"), boxed.stdout.replacingOccurrences(of: display, with: "D"))
        let both = try parkatlas(["stats", uri, "--format", "json"])
        XCTAssertNotEqual(both.stdout.replacingOccurrences(of: display, with: "D"), folder.stdout.replacingOccurrences(of: Self.mianyang, with: "D"))
        // --where on a folder is a command-line error.
        XCTAssertEqual(try parkatlas(["stats", Self.mianyang, "--where", "true"]).status, 2)
    }

    /// The documented example, `--where "district LIKE '5107%'"`, on a two-city database (the
    /// copy's codes are 99…): the districts by their code, the parks by the district they report
    /// to, the parcels and enterprises on those districts' land. Expected values: the folder's own
    /// stats for those parks and districts (parcels and enterprises: all of Mianyang's lie in its
    /// administrative districts: `python3 Tests/Reference/where_mianyang.py`, shapely), and the server's pg_stat_statements for the rows sent.
    func testDocumentedWhereByDistrictCodeSelectsOneCity() throws {
        let (db, uri) = try twoCityDatabase()
        let run = try parkatlas(["stats", uri, "--where", "district LIKE '5107%'", "--enterprises", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let folder = try parkatlas(["stats", Self.mianyang, "--enterprises", "--format", "json"])
        let a = try JSONText.parse(folder.stdout).objectValue!, b = try JSONText.parse(run.stdout).objectValue!
        let parks = a["parks"]!.arrayValue!.filter { $0.objectValue!["district"]!.stringValue?.hasPrefix("5107") == true }
        let districts = a["districts"]!.arrayValue!.filter { $0.objectValue!["code"]!.stringValue!.hasPrefix("5107") }
        XCTAssertEqual(parks.count, 9)
        XCTAssertEqual(districts.count, 9)
        XCTAssertEqual(b["parks"], .array(parks))
        XCTAssertEqual(b["districts"], .array(districts))
        // Every Mianyang enterprise was read (the per-mu ranks run over all of them), no other.
        XCTAssertEqual(b["enterprises"], a["enterprises"])
        // What the server sent, per cursor: Mianyang's rows only.
        for (table, expected) in [
            ("districts", "SELECT count(*) FROM city.districts WHERE code LIKE '5107%'"),
            ("parks", "SELECT count(*) FROM city.parks WHERE district LIKE '5107%'"),
            ("parcels", "SELECT count(*) FROM city.parcels WHERE city = 'mianyang'"),
            ("enterprises", "SELECT count(*) FROM city.enterprises WHERE city = 'mianyang'"),
        ] {
            let sent = try server.psql(
                "SELECT sum(rows) FROM pg_stat_statements WHERE query LIKE 'FETCH % FROM \"parkatlas_\(table)\"' "
                    + "AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())", database: db)
            XCTAssertEqual(sent, try server.psql(expected, database: db), table)
        }
        XCTAssertEqual(try server.psql("SELECT count(*) FROM city.parcels WHERE city <> 'mianyang'", database: db),
                       try server.psql("SELECT count(*) FROM city.parcels WHERE city = 'mianyang'", database: db), "the other city is there")
    }

    /// Bad URIs, a wrong password, a missing schema, table or column, a bad --where,
    /// and nothing listening: each exit 3 with a clear message, quickly, never the password.
    func testFailuresAreClearMessagesWithExitCode3() throws {
        let (db, uri) = try database()
        let cases: [(arguments: [String], expected: String)] = [
            (["stats", "postgresql://postgres:sekret@127.0.0.1:\(server.port)/"], "no database name"),
            (["stats", server.uri(database: db, schema: "city", password: "wrong-sekret")], "password authentication failed"),
            (["stats", server.uri(database: db, schema: "nosuch")], "schema \"nosuch\" does not exist"),
            (["stats", server.uri(database: "nosuchdb", schema: "city")], "nosuchdb"),
            (["stats", "postgresql://postgres:sekret@127.0.0.1:\(try PostgresServer.freePort())/x?schema=y"], "cannot connect"),
            (["stats", uri, "--where", "no_such_column = 1"], "no_such_column"),
            (["stats", uri, "--where", "true; DROP TABLE city.parks"], "syntax error at or near \";\""),
            (["stats", uri, "--where", "(SELECT count(*) FROM pg_class) > 0 AND NOT pg_try_advisory_lock(1) IS NULL AND (DELETE FROM city.parks) IS NULL"], "syntax error"),
        ]
        for (arguments, expected) in cases {
            let started = Date()
            let run = try parkatlas(arguments, timeout: 30)
            XCTAssertEqual(run.status, 3, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "\(arguments): expected \(expected) in: \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("sekret") || run.stderr.contains(server.password), run.stderr)
            XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        }
        XCTAssertEqual(try server.psql("SELECT count(*) FROM city.parks", database: db), "14", "the --where could not drop a table")
        // A missing required table and a missing required column.
        try server.psql("ALTER TABLE city.parks DROP COLUMN level; DROP TABLE city.districts", database: db)
        let broken = try parkatlas(["stats", uri], timeout: 30)
        XCTAssertEqual(broken.status, 3)
        XCTAssertTrue(broken.stderr.contains("required table districts is missing"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("level"), broken.stderr)
        // Problems name the table they are in (never a .geojson file the user does not have).
        XCTAssertTrue(broken.stderr.contains("schema=city table parks"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("schema=city table districts"), broken.stderr)
        XCTAssertFalse(broken.stderr.contains(".geojson"), broken.stderr)
        try server.psql("ALTER TABLE city.parks DROP COLUMN geom", database: db)
        let noGeometry = try parkatlas(["stats", uri], timeout: 30)
        XCTAssertEqual(noGeometry.status, 3)
        XCTAssertTrue(noGeometry.stderr.contains("no geometry column \"geom\""), noGeometry.stderr)
    }

    /// The server stops while `stats` is reading: exit 3 with the server's message, no hang.
    func testServerGoingAwayMidReadIsExitCode3() throws {
        let (_, uri) = try database()
        // Each row costs 5 ms in the database, so the read is still going when the server stops.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["stats", uri, "--where", "pg_sleep(0.005) IS NOT NULL"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        sleep(2)
        XCTAssertTrue(process.isRunning, "the read should still be going")
        try server.stopImmediately()
        defer { try? server.start() }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        XCTAssertFalse(process.isRunning, "parkatlas hangs after the server went away")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 3, message)
        XCTAssertTrue(message.contains("terminat") || message.contains("closed") || message.contains("connection"), message)
        XCTAssertFalse(message.contains(server.password))
    }
}
