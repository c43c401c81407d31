import Foundation
import GeoCore
import LayoutIO
import LayoutModel
import PostgreSQL
import TestSupport
import XCTest

/// Reading and writing a dataset in a real PostGIS, checked against the same
/// dataset as a folder (the verified path) and against psql in the test database.
final class PostGISDatasetTests: PostGISTestCase {
    /// folder → PostGIS → features: every feature, geometry, id and property identical, in order.
    func testRoundTripKeepsEveryFeatureAndProperty() throws {
        let (db, uri) = try database()
        let folder = try load(Self.mianyang)
        let fromDB = try load(uri)
        XCTAssertEqual(fromDB.repairedFiles.map(\.file), folder.repairedFiles.map(\.file))
        for ((file, a), (_, b)) in zip(folder.repairedFiles, fromDB.repairedFiles) {
            XCTAssertEqual(a.features.count, b.features.count, file)
            XCTAssertGreaterThan(a.features.count, 0, file)
            for (k, (fa, fb)) in zip(a.features, b.features).enumerated() where fa != fb {
                XCTFail("\(file) feature \(k) differs:\n\(fa)\n\(fb)")
                break
            }
            // The last feature and its last property, explicitly.
            XCTAssertEqual(a.features.last, b.features.last, file)
            // Independent count from psql.
            let table = GeoPackageDataset.layerName(file)
            XCTAssertEqual(try server.psql("SELECT count(*) FROM city.\(table)", database: db), String(a.features.count))
        }
        XCTAssertEqual(fromDB.dataset.parks, folder.dataset.parks)
        XCTAssertEqual(fromDB.dataset.parcels, folder.dataset.parcels)
        XCTAssertEqual(fromDB.dataset.enterprises, folder.dataset.enterprises)
        // The same problems, each named by its table instead of its file.
        let redactedURI = uri.replacingOccurrences(of: server.password, with: "***")
        XCTAssertEqual(fromDB.problems.map(\.file), folder.problems.map { redactedURI + " table " + GeoPackageDataset.layerName($0.file) })
        XCTAssertEqual(fromDB.problems.map(\.reason), folder.problems.map(\.reason))
        XCTAssertEqual(fromDB.problems.map(\.index), folder.problems.map(\.index))
        XCTAssertEqual(fromDB.dataset.folder, uri.replacingOccurrences(of: server.password, with: "***"))
    }

    /// The tables are typed, keyed, indexed and analysed (read back with psql).
    func testWrittenTablesHaveTypesKeysIndexesAndStatistics() throws {
        let (db, _) = try database()
        let types = try server.psql(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns "
                + "WHERE table_schema = 'city' AND column_name IN ('code', 'id', 'employees', 'tax_wan', 'chemical_park', 'main_industries', 'geom') "
                + "ORDER BY 1", database: db)
        XCTAssertEqual(types.split(separator: "\n"), [
            "districts.code:text", "districts.geom:USER-DEFINED", "enterprises.employees:bigint", "enterprises.geom:USER-DEFINED",
            "enterprises.id:text", "enterprises.tax_wan:double precision", "parcels.geom:USER-DEFINED", "parcels.id:text",
            "parcels.tax_wan:double precision", "parks.chemical_park:boolean", "parks.geom:USER-DEFINED", "parks.id:text",
            "parks.main_industries:jsonb",
        ])
        let keys = try server.psql(
            "SELECT tc.table_name || ':' || kcu.column_name FROM information_schema.table_constraints tc "
                + "JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name) "
                + "WHERE tc.table_schema = 'city' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY 1", database: db)
        XCTAssertEqual(keys.split(separator: "\n"), ["districts:code", "enterprises:id", "parcels:id", "parks:id"])
        let gist = try server.psql(
            "SELECT tablename FROM pg_indexes WHERE schemaname = 'city' AND indexdef LIKE '%USING gist (geom)%' ORDER BY 1", database: db)
        XCTAssertEqual(gist.split(separator: "\n"), ["districts", "enterprises", "parcels", "parks"])
        let analysed = try server.psql(
            "SELECT count(*) FROM pg_stats WHERE schemaname = 'city' AND tablename = 'enterprises' AND attname = 'industry'", database: db)
        XCTAssertEqual(analysed, "1")
        XCTAssertEqual(try server.psql("SELECT DISTINCT ST_SRID(geom) FROM city.parcels", database: db), "4326")
    }

    /// A second write replaces the tables (no duplicate rows), and a failing write leaves the old ones.
    func testWriteReplacesAndFailedWriteLeavesTheOldDataset() throws {
        let (db, uri) = try database()
        let loaded = try load(Self.mianyang)
        try PostGISWriter.writeDataset(loaded.repairedFiles, policyText: nil, to: uri)
        let parks = loaded.repairedFiles.first { $0.file == DatasetFile.parks }!.collection.features.count
        XCTAssertEqual(try server.psql("SELECT count(*) FROM city.parks", database: db), String(parks))
        // Duplicate park ids: the primary key fails, the whole transaction is rolled back.
        var files = loaded.repairedFiles
        let k = files.firstIndex { $0.file == DatasetFile.parks }!
        files[k].collection.features.append(files[k].collection.features[0])
        XCTAssertThrowsError(try PostGISWriter.writeDataset(files, policyText: nil, to: uri)) { error in
            XCTAssertTrue(String(describing: error).contains("primary key"), "\(error)")
        }
        XCTAssertEqual(try server.psql("SELECT count(*) FROM city.parks", database: db), String(parks))
        XCTAssertEqual(try server.psql("SELECT count(*) FROM city.enterprises", database: db), String(loaded.dataset.enterprises.count))
    }

    /// `--where` and `--bbox` on a two-city database: the other city's rows are never received.
    func testWhereAndBBoxAreEvaluatedInTheDatabase() throws {
        let (db, uri) = try twoCityDatabase()
        let total = try server.psql("SELECT count(*) FROM city.enterprises", database: db)
        let mianyangRows = try server.psql("SELECT count(*) FROM city.enterprises WHERE city = 'mianyang'", database: db)
        let folder = try load(Self.mianyang)
        XCTAssertEqual(mianyangRows, String(folder.dataset.enterprises.count))
        XCTAssertGreaterThan(Int(total)!, Int(mianyangRows)! + 1000)

        let source = try PostGISDataset(uri: uri, filter: DatasetFilter(whereSQL: "city = 'mianyang'"))
        let enterprises = try source.read(DatasetFile.enterprises, datum: .wgs84)
        XCTAssertEqual(source.rowsReceived["enterprises"], Int(mianyangRows))
        XCTAssertEqual(enterprises.features.map { $0[property: "id"] }, folder.repairedFiles.last!.collection.features.map { $0[property: "id"] })

        // The server's own statistics (pg_stat_statements): the FETCHes of the cursor returned exactly those rows.
        let fetched = try server.psql(
            "SELECT sum(rows) FROM pg_stat_statements WHERE query LIKE 'FETCH % FROM \"parkatlas_enterprises\"' "
                + "AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())", database: db)
        XCTAssertEqual(fetched, mianyangRows)

        // The whole dataset through the loader: identical to the folder's.
        let filtered = try load(uri, filter: DatasetFilter(whereSQL: "city = 'mianyang'"))
        // Everything but the added `city` column is the folder's.
        XCTAssertEqual(filtered.dataset.enterprises.map { var e = $0; e.extraProperties = JSONObject(); return e }, Array(folder.dataset.enterprises))
        XCTAssertEqual(filtered.dataset.parcels.map { var p = $0; p.extraProperties = JSONObject(); return p }, folder.dataset.parcels)
        XCTAssertEqual(filtered.dataset.enterprises.map { $0.extraProperties["city"] }, Array(repeating: .string("mianyang"), count: folder.dataset.enterprises.count))
        XCTAssertEqual(filtered.dataset.districts.map(\.code), folder.dataset.districts.map(\.code))

        // --where applies to the tables having every column it names (asked of the server).
        XCTAssertEqual(try PostGISDataset(uri: uri, filter: DatasetFilter(whereSQL: "industry LIKE 'C%'")).whereTables, ["enterprises"])
        XCTAssertEqual(try PostGISDataset(uri: uri, filter: DatasetFilter(whereSQL: "district = '510703'")).whereTables, ["districts", "parks"])
        XCTAssertEqual(try PostGISDataset(uri: uri, filter: DatasetFilter(whereSQL: "status = 'idle' AND tax_wan > 0")).whereTables, ["parcels"])
        XCTAssertThrowsError(try PostGISDataset(uri: uri, filter: DatasetFilter(whereSQL: "industry LIKE 'C%' AND status = 'idle'"))) { error in
            XCTAssertTrue(String(describing: error).contains("does not exist"), "\(error)")
        }

        // A box around Mianyang (the other city is far away), through the GiST index.
        let boxed = try PostGISDataset(uri: uri, filter: DatasetFilter(bbox: (103.5, 30.5, 106.0, 33.0)))
        let inBox = try boxed.read(DatasetFile.enterprises, datum: .wgs84)
        XCTAssertEqual(inBox.features.count, Int(mianyangRows))
        let expectedInBox = try server.psql(
            "SELECT count(*) FROM city.enterprises WHERE geom && ST_MakeEnvelope(103.5, 30.5, 106.0, 33.0, 4326)", database: db)
        XCTAssertEqual(String(inBox.features.count), expectedInBox)
    }
}
