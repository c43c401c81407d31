import Foundation
import GDAL
import LayoutIO
import XCTest

/// Bad inputs give one clear error naming the file (and layer, FID, field where they apply).
final class BadInputTests: GDALTestCase {
    /// A copy of sample.shp's files without those with the extensions in `drop`.
    func shapefile(dropping drop: [String]) throws -> String {
        let dir = try temporaryDirectory()
        for ext in ["shp", "shx", "dbf", "prj", "cpg"] where !drop.contains(ext) {
            try FileManager.default.copyItem(atPath: Self.fixture("sample.\(ext)"), toPath: dir.appendingPathComponent("sample.\(ext)").path)
        }
        return dir.appendingPathComponent("sample.shp").path
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    func testMissingShxAndDbfAreNamed() throws {
        let noShx = try shapefile(dropping: ["shx"])
        XCTAssertEqual(message { try VectorInput.read(path: noShx) },
                       "\(noShx): the companion file sample.shx is missing: it holds the index of the shapes; without it the geometries cannot be read")
        let noDbf = try shapefile(dropping: ["dbf"])
        XCTAssertEqual(message { try VectorInput.read(path: noDbf) },
                       "\(noDbf): the companion file sample.dbf is missing: it holds the attributes; without it no field can be read")
    }

    func testShapefileWithoutPrjNeedsACRS() throws {
        let path = try shapefile(dropping: ["prj"])
        XCTAssertEqual(message { try VectorInput.read(path: path) },
                       "\(path): layer sample: unknown coordinate reference system: the Shapefile has no .prj and no CRS was given")
        // Given, it reads.
        XCTAssertEqual(try VectorInput.read(path: path, options: .init(crs: "EPSG:4326")).collection.features.count, 3)
    }

    func testBadCoordinateNamesRowAndColumn() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("bad.csv").path
        try "name,lon,lat\nA,104.7,31.4\nB,东经104度,31.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let text = message { try VectorInput.read(path: path, options: .init(crs: "EPSG:4326", points: .columns(x: "lon", y: "lat"))) }
        XCTAssertTrue(text.hasPrefix("\(path): layer bad, feature FID 2, field lon: not a number"), text)
        let missing = message { try VectorInput.read(path: path, options: .init(crs: "EPSG:4326", points: .columns(x: "经度", y: "lat"))) }
        XCTAssertTrue(missing.contains("field 经度: no such column (columns: name, lon, lat)"), missing)
    }

    func testUnknownLayerListsTheLayers() throws {
        let path = Self.fixture("mianyang.gpkg")
        XCTAssertEqual(message { try VectorInput.read(path: path, options: .init(layer: "zd")) },
                       "\(path): no layer \"zd\" (layers: districts, parks, parcels, enterprises)")
    }
}
