import Foundation
import GeoCore
import LayoutIO
import LayoutModel
import TestSupport
import XCTest

/// Base of the PostGIS tests: the shared real server (TestSupport's `PostgresServer`),
/// the reference dataset's folder, and running the built `parkatlas`.
class PostGISTestCase: LeakCheckedTestCase {
    var server: PostgresServer!

    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try PostgresServer.get()
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var mianyang: String { packageRoot.appendingPathComponent("GeoData/mianyang").path }

    /// Loads a dataset (folder or URI) keeping every feature as read.
    func load(_ source: String, filter: DatasetFilter = DatasetFilter()) throws -> DatasetLoadResult {
        try DatasetLoader.load(folder: source, options: .init(threads: 2, keepsFeatures: true, filter: filter))
    }

    /// A new database holding `folder`'s dataset in schema `schema` (written by `PostGISWriter`).
    func database(with folder: String = PostGISTestCase.mianyang, schema: String = "city") throws -> (name: String, uri: String) {
        let name = try server.createDatabase("t")
        let uri = server.uri(database: name, schema: schema)
        let loaded = try load(folder)
        let policy = FileManager.default.fileExists(atPath: folder + "/policy.json")
            ? try String(contentsOfFile: folder + "/policy.json", encoding: .utf8) : nil
        try PostGISWriter.writeDataset(loaded.repairedFiles, policyText: policy, to: uri)
        return (name, uri)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDir, bundleDir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("parkatlas")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return packageRoot.appendingPathComponent(".build/debug/parkatlas").path
    }

    /// Runs `parkatlas` with a time limit (a hang fails the test instead of blocking it).
    func parkatlas(_ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pa-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("pa-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("parkatlas \(arguments.prefix(2).joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A database holding Mianyang and a shifted copy of it under other ids and district codes
    /// (every row tagged with a `city` column).
    func twoCityDatabase() throws -> (String, String) {
        let (db, uri) = try database()
        var sql = ""
        for table in ["districts", "parks", "parcels", "enterprises"] {
            sql += "ALTER TABLE city.\(table) ADD COLUMN city text NOT NULL DEFAULT 'mianyang';"
        }
        // The copy: 8 degrees east, ids prefixed with X, district codes 99….
        sql += """
            INSERT INTO city.districts SELECT fid + 1000, '99' || code, name || '（乙）', kind, ST_Translate(geom, 8, 0), 'other' FROM city.districts;
            INSERT INTO city.parks SELECT fid + 1000, 'X' || id, name, level, '99' || district, 'X' || parent, main_industries,
                featured_industries, featured_status, chemical_park, ST_Translate(geom, 8, 0), 'other' FROM city.parks;
            INSERT INTO city.parcels SELECT fid + 100000, 'X' || id, land_use, status, floor_area_m2, footprint_m2, investment_wan, tax_wan,
                'X' || enterprise, ST_Translate(geom, 8, 0), 'other' FROM city.parcels;
            INSERT INTO city.enterprises SELECT fid + 100000, 'X' || id, name, industry, output_wan, tax_wan, employees, above_scale,
                ST_Translate(geom, 8, 0), 'other' FROM city.enterprises;
            ANALYZE;
            SELECT pg_stat_statements_reset();
            """
        try server.psql(sql, database: db)
        return (db, uri)
    }
}
