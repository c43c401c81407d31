import Foundation
import GDAL
import GeoCore
@testable import LayoutIO
import LayoutModel
import XCTest

/// `parkatlas import` validates the dataset folder it writes in memory (`InMemoryDataset`)
/// and maps rows in parallel chunks. References: `DatasetLoader.load` of the folder it wrote
/// (what `validate` reports), and the one-chunk, one-thread mapping.
final class ImportValidationTests: GDALTestCase {
    /// GeoData/mianyang-raw/mapping.json with absolute sources, parks without main industries
    /// (a warning on each of the 14 parks) and the enterprises of FID < 2000 only.
    func variantMapping() throws -> ImportMapping {
        let raw = Self.packageRoot.appendingPathComponent("GeoData/mianyang-raw")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: raw.appendingPathComponent("mapping.json"))) as! [String: Any]
        for (key, value) in json {
            if var layer = value as? [String: Any], let source = layer["source"] as? String {
                layer["source"] = raw.appendingPathComponent(source).path
                if key == "parks" {
                    var fields = layer["fields"] as! [String: Any]
                    fields["main_industries"] = ["value": [Any]()]
                    layer["fields"] = fields
                }
                if key == "enterprises" { layer["where"] = "FID < 2000" }
                json[key] = layer
            } else if key == "policy", let policy = value as? String {
                json[key] = raw.appendingPathComponent(policy).path
            }
        }
        let path = try temporaryDirectory().appendingPathComponent("mapping.json")
        try JSONSerialization.data(withJSONObject: json).write(to: path)
        return try ImportMapping.read(path: path.path)
    }

    func testInMemoryValidationEqualsLoadingTheWrittenFolder() throws {
        let out = try temporaryDirectory().appendingPathComponent("imported").path
        let result = try DatasetImport.run(mapping: variantMapping(), output: out)
        XCTAssertEqual(result.errorCount, 0, result.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(result.written, out)
        let validation = try XCTUnwrap(result.validation)
        let written = try DatasetLoader.load(folder: out, options: .init(keepsFeatures: false))
        XCTAssertEqual(validation.problems, written.problems)
        XCTAssertEqual(validation.problems.count, 14)
        XCTAssertEqual(validation.problems.filter { $0.property == "main_industries" && $0.severity == .warning }.count, 14)
        let (a, b) = (validation.dataset, written.dataset)
        XCTAssertEqual([a.districts.count, a.parks.count, a.parcels.count], [12, 14, 4126])
        XCTAssertEqual([a.districts.count, a.parks.count, a.parcels.count, a.enterprises.count],
                       [b.districts.count, b.parks.count, b.parcels.count, b.enterprises.count])
        XCTAssertEqual(a.enterprises.count, result.layers.first { $0.target == .enterprises }?.mapped)
        XCTAssertLessThan(a.enterprises.count, 2874)
        XCTAssertEqual(a.enterprises, b.enterprises)
        XCTAssertEqual(a.parcels.map(\.id), b.parcels.map(\.id))
        XCTAssertEqual(a.parcels.map(\.extraProperties), b.parcels.map(\.extraProperties))
        // --check: the same validation, nothing written.
        let check = try DatasetImport.run(mapping: variantMapping(), output: nil)
        XCTAssertEqual(check.validation?.problems, written.problems)
        XCTAssertNil(check.written)
    }

    /// Problems found while mapping in chunks of 100 rows on two threads are those of one pass:
    /// the same grouped problems, counts and first rows, in the same order.
    func testChunkedMappingReportsAsOnePass() throws {
        var mapping = try variantMapping()
        // Industry codes without their crosswalk values: many rows unmapped, spread over every chunk.
        for k in mapping.layers.indices where mapping.layers[k].target == .enterprises {
            for f in mapping.layers[k].fields.indices where mapping.layers[k].fields[f].target == "industry" {
                mapping.layers[k].fields[f].values = nil
            }
        }
        let saved = DatasetImport.mappingChunkSize
        defer { DatasetImport.mappingChunkSize = saved }
        DatasetImport.mappingChunkSize = 1_000_000
        let onePass = try DatasetImport.run(mapping: mapping, output: nil, threads: 1)
        DatasetImport.mappingChunkSize = 100
        let chunked = try DatasetImport.run(mapping: mapping, output: nil, threads: 2)
        XCTAssertGreaterThan(onePass.errorCount, 0)
        XCTAssertTrue(onePass.problems.contains { $0.count > 100 }, onePass.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(chunked.problems, onePass.problems)
    }
}
