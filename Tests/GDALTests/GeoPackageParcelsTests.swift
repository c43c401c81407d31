import CGDAL
import Foundation
import GDAL
import GEOS
import GeoCore
@testable import LayoutIO
import LayoutModel
import XCTest

/// The parcels of a GeoPackage dataset decoded straight from record batches
/// (`GeoPackageDataset.decodedParcels`, used by `DatasetLoader` when features are not kept)
/// give what the general path gives (features read, repaired, then `Parcel.decode`): same
/// parcels, same problems in the same order. The reference is the general path, checked
/// itself against the GeoJSON folder by `GeoPackageDatasetTests`.
final class GeoPackageParcelsTests: GDALTestCase {
    /// Mianyang's layers, with 24,000 parcels (enough for one FID range per thread) made from
    /// Mianyang's own, a few of them broken in each way `Parcel.decode` and the repair report.
    func testBatchDecodingEqualsTheGeneralPath() throws {
        let folder = Self.packageRoot.appendingPathComponent("GeoData/mianyang").path
        let loaded = try DatasetLoader.load(folder: folder)
        var layers: [(name: String, collection: FeatureCollection)] = []
        for (file, collection) in loaded.repairedFiles where file != DatasetFile.parcels {
            layers.append((GeoPackageDataset.layerName(file), collection))
        }
        let source = loaded.repairedFiles.first { $0.0 == DatasetFile.parcels }!.1.features
        var parcels: [Feature] = []
        for k in 0..<24_000 {
            var f = source[k % source.count]
            f.properties?["id"] = .string("X\(k)")
            f.properties?["note"] = k % 3 == 0 ? .string("n\(k)") : .null
            switch k {
            case 5: f.properties?["status"] = .string("已建成")  // a Chinese label
            case 6: f.properties?["id"] = .string("")  // an empty id
            case 7: f.properties?["floor_area_m2"] = .double(-1)
            case 8: f.properties?["land_use"] = .string("9999")  // unknown code, kept
            case 9: f.properties?["enterprise"] = .string("")
            case 10: f.geometry = nil
            case 11: f.geometry = .polygon(Polygon(exterior: CoordinateSequence([  // a bow-tie, made valid
                Position(104.70, 31.40), Position(104.71, 31.41), Position(104.71, 31.40), Position(104.70, 31.41), Position(104.70, 31.40)])))
            case 12: f.geometry = .polygon(Polygon(exterior: CoordinateSequence([  // a repeated vertex
                Position(104.70, 31.40), Position(104.71, 31.40), Position(104.71, 31.40), Position(104.71, 31.41), Position(104.70, 31.40)])))
            case 13: f.geometry = .polygon(Polygon(exterior: CoordinateSequence([  // latitude first
                Position(31.40, 104.70), Position(31.40, 104.71), Position(31.41, 104.71), Position(31.40, 104.70)])))
            case 14: f.properties?["id"] = .string("X12")  // a duplicate id
            case 23_990: f.properties?["status"] = .string("idel")  // in the second FID range
            case 23_991: f.geometry = .polygon(Polygon(exterior: CoordinateSequence([  // a spike (collinear backtrack)
                Position(104.70, 31.40), Position(104.72, 31.40), Position(104.71, 31.40), Position(104.71, 31.41), Position(104.70, 31.40)])))
            default: break
            }
            parcels.append(f)
        }
        layers.append(("parcels", FeatureCollection(features: parcels)))
        let path = try temporaryDirectory().appendingPathComponent("many.gpkg").path
        try VectorOutput.write(layers: layers, to: path)

        // The batch path is taken, on two FID ranges.
        let package = try GeoPackageDataset(path: path, threads: 2)
        let batches = try XCTUnwrap(try package.decodedParcels(datum: .wgs84))
        XCTAssertEqual(try ParallelLayerRead.parts(package.dataset, layer: "parcels", threads: 2)?.count, 2)
        XCTAssertGreaterThan(batches.decoded.values.count, 23_980)

        // The general read on two FID ranges gives the single stream's features, in order.
        let split = try ParallelLayerRead.read(package.dataset, layer: "parcels", threads: 2).features
        let single = try package.dataset.layer(named: "parcels").readFeatures().features
        XCTAssertEqual(split.count, 24_000)
        XCTAssertEqual(split, single)

        let general = try DatasetLoader.load(folder: path, options: .init(threads: 2, keepsFeatures: true))
        for threads in [1, 2] {
            let fast = try DatasetLoader.load(folder: path, options: .init(threads: threads, keepsFeatures: false))
            XCTAssertEqual(fast.problems, general.problems, "threads \(threads)")
            XCTAssertEqual(fast.dataset.parcels, general.dataset.parcels, "threads \(threads)")
        }
        // Each kind of break is reported (the general path's messages, by feature index).
        let indices = Set(general.problems.filter { $0.file.hasSuffix("layer parcels") }.compactMap(\.index))
        for k in [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 23_990, 23_991] { XCTAssertTrue(indices.contains(k), "feature \(k)") }
    }

    /// FID ranges with gaps (deleted rows) and a range left empty: each thread's parcels are
    /// written into one shared array from the slot of its range's first FID, then moved
    /// together and renumbered (`decodeRanges`); the result equals the general path's.
    func testRangesWithGapsEqualTheGeneralPath() throws {
        let folder = Self.packageRoot.appendingPathComponent("GeoData/mianyang").path
        let loaded = try DatasetLoader.load(folder: folder)
        var layers: [(name: String, collection: FeatureCollection)] = []
        for (file, collection) in loaded.repairedFiles where file != DatasetFile.parcels {
            layers.append((GeoPackageDataset.layerName(file), collection))
        }
        let source = loaded.repairedFiles.first { $0.0 == DatasetFile.parcels }!.1.features
        var parcels: [Feature] = []
        for k in 0..<30_000 {
            var f = source[k % source.count]
            f.properties?["id"] = .string("G\(k)")
            if k == 20_001 { f.properties?["status"] = .string("idel") }  // a problem after the gaps
            parcels.append(f)
        }
        layers.append(("parcels", FeatureCollection(features: parcels)))
        let path = try temporaryDirectory().appendingPathComponent("gaps.gpkg").path
        try VectorOutput.write(layers: layers, to: path)
        // Gaps: every third row of the first half and FIDs 15,001-20,000 (FIDs run 1...30,000).
        GDALAllRegister()
        let handle = try XCTUnwrap(GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), nil, nil, nil))
        for sql in ["DELETE FROM parcels WHERE fid % 3 = 0 AND fid <= 15000", "DELETE FROM parcels WHERE fid > 15000 AND fid <= 20000"] {
            if let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) { GDALDatasetReleaseResultSet(handle, result) }
        }
        GDALClose(handle)

        let package = try GeoPackageDataset(path: path, threads: 2)
        XCTAssertEqual(try ParallelLayerRead.fidRanges(package.dataset, layer: "parcels", threads: 2), [1..<15001, 15001..<30001])
        let general = try DatasetLoader.load(folder: path, options: .init(threads: 2, keepsFeatures: true))
        XCTAssertEqual(general.dataset.parcels.count, 19_999)  // 20,000 rows, one rejected
        for threads in [1, 2, 3] {
            let fast = try DatasetLoader.load(folder: path, options: .init(threads: threads, keepsFeatures: false))
            XCTAssertEqual(fast.problems, general.problems, "threads \(threads)")
            XCTAssertEqual(fast.dataset.parcels, general.dataset.parcels, "threads \(threads)")
        }
        // The parcel after the gaps is numbered by its place in the layer (row 10,000 + 1).
        XCTAssertTrue(general.problems.contains { $0.index == 10_001 && $0.reason.contains("idel") }, "\(general.problems.prefix(5))")
    }

    /// The proof of validity never accepts a polygon GEOS finds invalid, and accepts the simple rings.
    /// Reference: GEOS `isValid` on each polygon (random rings on a 4×4 grid: many touch, cross or backtrack).
    func testValidPolygonProofAgreesWithGEOS() throws {
        var rng = SplitMix64(seed: 14)
        var proved = 0, validInGEOS = 0
        for _ in 0..<4000 {
            let n = 3 + Int(rng.next() % 6)
            var points = (0..<n).map { _ in Position(Double(rng.next() % 4), Double(rng.next() % 4)) }
            points.append(points[0])
            let g = Geometry.polygon(Polygon(exterior: CoordinateSequence(points)))
            let valid = try GeometryHandle(g).validityProblem() == nil
            if valid { validInGEOS += 1 }
            if ValidPolygonProof.proves(g) {
                proved += 1
                XCTAssertTrue(valid, "proved valid but GEOS finds it invalid: \(points)")
            }
        }
        XCTAssertGreaterThan(proved, 100)
        XCTAssertGreaterThan(validInGEOS, proved - 1)
        let square = Geometry.polygon(Polygon(exterior: CoordinateSequence([
            Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1), Position(0, 0)])))
        XCTAssertTrue(ValidPolygonProof.proves(square))
        let bowTie = Geometry.polygon(Polygon(exterior: CoordinateSequence([
            Position(0, 0), Position(1, 1), Position(1, 0), Position(0, 1), Position(0, 0)])))
        XCTAssertFalse(ValidPolygonProof.proves(bowTie))
        // Touching itself at a vertex (GEOS: Ring Self-intersection).
        let touching = Geometry.polygon(Polygon(exterior: CoordinateSequence([
            Position(0, 0), Position(2, 0), Position(1, 1), Position(2, 2), Position(0, 2), Position(1, 1), Position(0, 0)])))
        XCTAssertFalse(ValidPolygonProof.proves(touching))
        XCTAssertNotNil(try GeometryHandle(touching).validityProblem())
    }
}
