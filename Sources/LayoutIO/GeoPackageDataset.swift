import Foundation
import GDAL
import GeoCore
import GeoJSON
import LayoutModel
import PROJ

/// A whole dataset in one GeoPackage (docs/import.md, "Formats"): layers
/// `districts`, `parks`, `parcels`, `enterprises`, and an optional table
/// `policy` whose one row holds the policy JSON in a text column.
///
/// Each layer becomes the FeatureCollection the GeoJSON file of the same name
/// would give, so the loader's repair, decoding and checks run unchanged:
/// coordinates lon/lat (reprojected from the layer's CRS when it is another),
/// text fields of the JSON subtype (arrays such as `main_industries`) parsed
/// back into JSON values, booleans as booleans, nulls as nulls.
public final class GeoPackageDataset {
    public let path: String
    let dataset: VectorDataset
    /// Threads a large layer is read on (`ParallelLayerRead`).
    public let threads: Int

    /// Whether `path` names a GeoPackage file (by extension) rather than a dataset folder.
    public static func isGeoPackage(_ path: String) -> Bool { VectorFormat(path: path) == .geoPackage }

    public init(path: String, threads: Int = 2) throws {
        self.path = path
        self.threads = threads
        do {
            dataset = try VectorDataset.open(path, drivers: ["GPKG"])
        } catch {
            throw InputError.vector(error)
        }
    }

    /// The layer name for a dataset file name: `parks.geojson` → `parks`.
    public static func layerName(_ file: String) -> String {
        file.hasSuffix(".geojson") ? String(file.dropLast(".geojson".count)) : file
    }

    /// Where a problem of dataset file `file` is in this GeoPackage, for messages:
    /// `parks.geojson` → `mianyang.gpkg layer parks`, `policy.json` → `mianyang.gpkg table policy`.
    public func place(of file: String) -> String {
        let name = (path as NSString).lastPathComponent
        if file == DatasetFile.policy { return DatasetProblem.place(file: name, layer: "policy", kind: "table") }
        return DatasetProblem.place(file: name, layer: Self.layerName(file))
    }

    public func hasLayer(_ file: String) -> Bool { dataset.layerNames.contains(Self.layerName(file)) }

    /// The features of the layer for `file`, as lon/lat GeoJSON-like features.
    public func read(_ file: String, datum: Datum) throws -> FeatureCollection {
        let name = Self.layerName(file)
        do {
            let contents = try ParallelLayerRead.read(dataset, layer: name, threads: threads)
            var options = VectorInputOptions(layer: name)
            options.datum = datum
            var collection = try VectorInput.normalise(
                contents, path: path, layer: name, format: .geoPackage, options: options, encoding: .notApplicable
            ).collection
            let jsonFields = contents.fields.filter { $0.subtype == .json }.map(\.name)
            if !jsonFields.isEmpty {
                for i in collection.features.indices {
                    for field in jsonFields {
                        guard let text = collection.features[i].properties?[field]?.stringValue,
                              let value = try? JSONText.parse(text) else { continue }
                        collection.features[i].properties?[field] = value
                    }
                }
            }
            return collection
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }

    /// The policy JSON text of the `policy` table (its first row's first text column), nil when there is no such table.
    public func policyText() throws -> String? {
        guard dataset.layerNames.contains("policy") else { return nil }
        do {
            let table = try dataset.layer(named: "policy")
            let rows = try table.readFeatures().features
            guard let first = rows.first else {
                throw GDALError.badField(path: path, layer: "policy", fid: nil, field: "*", message: "the policy table has no row")
            }
            if rows.count > 1 {
                throw GDALError.badField(path: path, layer: "policy", fid: nil, field: "*", message: "the policy table must hold one row, it has \(rows.count)")
            }
            guard let text = first.properties?.members.compactMap(\.value.stringValue).first else {
                throw GDALError.badField(path: path, layer: "policy", fid: nil, field: "*", message: "the policy row has no text column holding the JSON")
            }
            return text
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }
}
