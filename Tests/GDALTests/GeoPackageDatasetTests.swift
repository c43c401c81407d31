import Foundation
import GDAL
import GeoCore
import LayoutIO
import LayoutModel
import XCTest

/// A dataset held in one GeoPackage loads into the same model as the folder it was written from.
///
/// Reference: `python3 Tests/Reference/gdal_dataset_gpkg.py GeoData/mianyang Tests/Fixtures/gdal/mianyang.gpkg`
/// (pyogrio; list properties stored as JSON text declared application/json in gpkg_data_columns).
final class GeoPackageDatasetTests: GDALTestCase {
    func testMianyangGeoPackageDecodesLikeTheFolder() throws {
        let folder = try DatasetLoader.load(folder: Self.packageRoot.appendingPathComponent("GeoData/mianyang").path)
        let package = try DatasetLoader.load(folder: Self.fixture("mianyang.gpkg"))
        // The same problems, each named by the GeoPackage and its layer instead of the file.
        let placed = folder.problems.map { p -> DatasetProblem in
            var q = p
            q.file = p.file == DatasetFile.policy ? "mianyang.gpkg table policy" : "mianyang.gpkg layer " + GeoPackageDataset.layerName(p.file)
            return q
        }
        XCTAssertEqual(package.problems.map(\.description), placed.map(\.description))
        // Every decoded value equal; geometries equal in GEOS normal form (ring start and orientation may differ).
        func same<T>(_ a: [T], _ b: [T], geometry: (T) -> Geometry, _ what: String) throws {
            XCTAssertEqual(a.count, b.count, what)
            for (x, y) in zip(a, b) {
                var mx = Mirror(reflecting: x).children.filter { $0.label != "geometry" }.map { "\($0.label ?? ""): \($0.value)" }
                var my = Mirror(reflecting: y).children.filter { $0.label != "geometry" }.map { "\($0.label ?? ""): \($0.value)" }
                if mx != my { mx = mx.filter { !my.contains($0) }; my = my.filter { !mx.contains($0) } }
                XCTAssertEqual(mx, my, what)
                // pyogrio writes a layer mixing Polygon and MultiPolygon as MultiPolygon: one part is the same polygon.
                func single(_ g: Geometry) -> Geometry { if case .multiPolygon(let ps) = g, ps.count == 1 { .polygon(ps[0]) } else { g } }
                let gx = try normalizedCoordinates(single(geometry(x))), gy = try normalizedCoordinates(single(geometry(y)))
                XCTAssertEqual(gx.0, gy.0, what)
                XCTAssertEqual("\(gx.1)", "\(gy.1)", what)
            }
        }
        try same(package.dataset.districts, folder.dataset.districts, geometry: \.geometry, "districts")
        try same(package.dataset.parks, folder.dataset.parks, geometry: \.geometry, "parks")
        try same(package.dataset.parcels, folder.dataset.parcels, geometry: \.geometry, "parcels")
        XCTAssertEqual(package.dataset.enterprises, folder.dataset.enterprises)
        // The values the GDAL 3.6 Arrow boolean bug would flip, and the JSON lists.
        XCTAssertEqual(package.dataset.parks.filter(\.chemicalPark).map(\.id), ["P02", "P02A"])
        XCTAssertEqual(package.dataset.parks.count, 14)
    }

    /// A parks layer of points is reported as the GeoJSON one would be, naming the layer and the features.
    func testNonPolygonalParksLayerIsAnError() throws {
        let dir = try temporaryDirectory()
        let folder = Self.packageRoot.appendingPathComponent("GeoData/mianyang").path
        let loaded = try DatasetLoader.load(folder: folder)
        var layers: [(name: String, collection: FeatureCollection)] = []
        for (file, collection) in loaded.repairedFiles {
            var c = collection
            if file == DatasetFile.parks {
                for i in c.features.indices {
                    let box = c.features[i].geometry!.boundingBox!
                    c.features[i].geometry = .point(Position(box.minX, box.minY))
                }
            }
            layers.append((GeoPackageDataset.layerName(file), c))
        }
        let path = dir.appendingPathComponent("points.gpkg").path
        try VectorOutput.write(layers: layers, to: path)
        let result = try DatasetLoader.load(folder: path)
        let parkErrors = result.problems.filter { $0.file == "points.gpkg layer parks" && $0.severity == .error }
        XCTAssertEqual(parkErrors.count, 14, result.problems.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(parkErrors.allSatisfy { $0.property == "geometry" }, parkErrors.map(\.description).joined(separator: "\n"))
        // Named by file and layer, not parks.geojson: the fifth park of GeoData/mianyang/parks.geojson is P03.
        XCTAssertEqual(parkErrors[4].description,
                       "points.gpkg layer parks, feature 4 (id P03) geometry: error: expected Polygon or MultiPolygon, found Point")
        XCTAssertFalse(result.problems.contains { $0.file.hasSuffix(".geojson") }, result.problems.map(\.description).joined(separator: "\n"))
    }
}
