import Foundation
import XCTest

/// A GeoPackage holding the dataset's layers is a DATASET for every command.
///
/// Reference: `python3 Tests/Reference/gdal_dataset_gpkg.py GeoData/mianyang Tests/Fixtures/gdal/mianyang.gpkg`
/// (pyogrio) wrote the GeoPackage from the folder; `stats --format json` must give the folder's numbers.
final class GeoPackageDatasetCommandTests: XCTestCase {
    func testStatsOfTheGeoPackageEqualStatsOfTheFolder() throws {
        let gpkg = "Tests/Fixtures/gdal/mianyang.gpkg"
        let folder = try CLIRunner.run(["stats", "GeoData/mianyang", "--format", "json"])
        let package = try CLIRunner.run(["stats", gpkg, "--format", "json"], environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(folder.status, 0, folder.stderr)
        XCTAssertEqual(package.status, 0, package.stderr)
        XCTAssertTrue(package.stderr.contains("live handles: GEOS 0, PROJ 0, GDAL 0"), package.stderr)
        XCTAssertGreaterThan(folder.stdout.count, 1000)
        // Only the dataset's own path differs.
        XCTAssertEqual(package.stdout.replacingOccurrences(of: "\"\(gpkg)\"", with: "\"GeoData/mianyang\""), folder.stdout)
    }

    func testExportAndConvertWriteByExtension() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gpkg = dir.appendingPathComponent("map.gpkg").path
        let export = try CLIRunner.run(["export", "GeoData/mianyang", "--out", gpkg, "--layers", "parcels"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let shp = dir.appendingPathComponent("parks.shp").path
        let convert = try CLIRunner.run(["convert", "GeoData/mianyang/parks.geojson", shp, "--to", "EPSG:4544"])
        XCTAssertEqual(convert.status, 0, convert.stderr)
        for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("parks.\(ext)").path), ext)
        }
        // A missing DATASET path is a command-line error; a GeoPackage without the layers is bad data.
        XCTAssertEqual(try CLIRunner.run(["stats", dir.appendingPathComponent("none.gpkg").path]).status, 2)
        let noLayers = try CLIRunner.run(["stats", gpkg])
        XCTAssertEqual(noLayers.status, 3, noLayers.stderr)
        XCTAssertTrue(noLayers.stderr.contains("required layer districts is missing"), noLayers.stderr)
    }
}
