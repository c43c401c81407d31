import Foundation
import GDAL
import GeoCore
import LayoutIO
import XCTest

/// Writing every writable format, then reading it back twice: with ParkAtlas's reader, and with
/// fiona (its own bundled GDAL) through Tests/Reference/gdal_read_back.py when fiona is installed
/// (`pip install fiona`); without fiona that half is skipped, the ParkAtlas half still runs.
final class FormatWritingTests: GDALTestCase {
    static let features: [Feature] = {
        let square = Polygon(
            exterior: CoordinateSequence(xy: [(104.70, 31.45), (104.72, 31.45), (104.72, 31.47), (104.70, 31.47), (104.70, 31.45)]),
            holes: [CoordinateSequence(xy: [(104.705, 31.455), (104.705, 31.46), (104.71, 31.46), (104.71, 31.455), (104.705, 31.455)])])
        let triangle = Polygon(exterior: CoordinateSequence(xy: [(104.75, 31.5), (104.76, 31.5), (104.76, 31.51), (104.75, 31.5)]))
        let other = Polygon(exterior: CoordinateSequence(xy: [(104.77, 31.5), (104.78, 31.5), (104.78, 31.52), (104.77, 31.52), (104.77, 31.5)]))
        return [
            Feature(geometry: .polygon(square), properties: [
                "id": .string("P01-0001"), "name": .string("绵阳高新区「电子」园"), "floor": .double(12345.5), "count": .integer(9_007_199_254_740_993),
                "built": .bool(true), "note": .null]),
            Feature(geometry: .multiPolygon([triangle, other]), properties: [
                "id": .string("P01-0002"), "name": .string("游仙经济开发区, \"二期\""), "floor": .double(0.25), "count": .integer(-3),
                "built": .bool(false), "note": .string("闲置")]),
        ]
    }()

    func testEveryWritableFormatRoundTrips() throws {
        let dir = try temporaryDirectory()
        for ext in ["shp", "gpkg", "gdb", "fgb", "csv"] {
            let path = dir.appendingPathComponent("out.\(ext)").path
            try VectorOutput.write(FeatureCollection(features: Self.features), to: path, layer: "parcels")
            let options = VectorInputOptions(layer: ext == "gpkg" || ext == "gdb" ? "parcels" : nil,
                                             points: ext == "csv" ? .wkt("WKT") : nil)
            let read = try VectorInput.read(path: path, options: options)
            XCTAssertEqual(read.collection.features.count, 2, ext)
            // FlatGeobuf's spatial index may reorder features: match them by id.
            for source in Self.features {
                let id = source.properties?["id"]
                guard let back = read.collection.features.first(where: { $0.properties?["id"] == id }) else {
                    XCTFail("\(ext): \(String(describing: id)) missing"); continue
                }
                for m in source.properties! {
                    var got = back.properties?[m.key]
                    // CSV keeps its declared types through the .csvt; booleans are integers in a Shapefile.
                    if case .bool(let b) = m.value, case .integer(let i)? = got { got = .bool(i != 0) }
                    if m.value == .null {
                        XCTAssertTrue(got == nil || got == .null || got == .string(""), "\(ext) \(m.key): \(String(describing: got))")
                    } else {
                        XCTAssertTrue(got.map { $0.semanticallyEquals(m.value) } ?? false, "\(ext) \(m.key): \(String(describing: got)) ≠ \(m.value)")
                    }
                }
                let (t1, c1) = try normalizedCoordinates(source.geometry!)
                let (t2, c2) = try normalizedCoordinates(back.geometry!)
                XCTAssertEqual(t2 == "Polygon" && t1 == "Polygon" ? t1 : t2.replacingOccurrences(of: "Multi", with: ""),
                               t1.replacingOccurrences(of: "Multi", with: ""), ext)
                if t1 == t2 { assertCoordinates(c2, c1, tolerance: 1e-12, ext) }
            }
            if ext == "shp" {
                let cpg = try String(contentsOfFile: dir.appendingPathComponent("out.cpg").path, encoding: .utf8)
                XCTAssertEqual(cpg.trimmingCharacters(in: .whitespacesAndNewlines), "UTF-8")
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.prj").path))
            }
            try checkWithFiona(path, layer: ext == "gpkg" || ext == "gdb" ? "parcels" : nil, ext: ext)
        }
        // Nothing but the outputs: no temporary folder left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [])
    }

    /// fiona reads the names, the 64-bit integer and the areas as written.
    func checkWithFiona(_ path: String, layer: String?, ext: String) throws {
        let script = GDALTestCase.packageRoot.appendingPathComponent("Tests/Reference/gdal_read_back.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, path] + (layer.map { [$0] } ?? [])
        let pipe = Pipe(), err = Pipe()
        process.standardOutput = pipe
        process.standardError = err
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 { throw XCTSkip("fiona is not installed: the independent read-back is skipped") }
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        let rows = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        XCTAssertEqual(rows.count, 2, ext)
        for source in Self.features {
            let id = source.properties!["id"]!.stringValue!
            guard let row = rows.first(where: { $0["id"] as? String == id }) else { XCTFail("\(ext): fiona misses \(id)"); continue }
            XCTAssertEqual(row["name"] as? String, source.properties!["name"]!.stringValue, ext)
            let count = row["count"]
            // FileGDB as GDAL 3.6 writes it has no 64-bit integer type: the value is stored as a double.
            let exact = ext == "gdb" ? Int64(Double(source.properties!["count"]!.integerValue!)) : source.properties!["count"]!.integerValue
            XCTAssertEqual((count as? NSNumber)?.int64Value ?? Int64((count as? String) ?? ""), exact, ext)
            let area = abs(source.geometry!.polygons.reduce(0) { s, p in
                s + abs(p.rings[0].signedDoubleArea) / 2 - p.rings.dropFirst().reduce(0) { $0 + abs($1.signedDoubleArea) / 2 } })
            // FileGDB snaps coordinates to its XY resolution (1e-9 degree).
            XCTAssertEqual((row["area"] as! NSNumber).doubleValue, area, accuracy: ext == "gdb" ? area * 1e-9 : 1e-15, ext)
        }
    }

    /// A Shapefile holds one geometry type: mixed types are refused and nothing is written.
    func testRefusedWriteLeavesNothing() throws {
        let dir = try temporaryDirectory()
        var features = Self.features
        features.append(Feature(geometry: .point(Position(104.7, 31.4)), properties: ["id": .string("E1")]))
        let path = dir.appendingPathComponent("mixed.shp").path
        XCTAssertThrowsError(try VectorOutput.write(FeatureCollection(features: features), to: path)) { error in
            XCTAssertTrue("\(error)".contains("mixed.shp"), "\(error)")
            XCTAssertTrue("\(error)".contains("Point"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
