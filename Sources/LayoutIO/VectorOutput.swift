import Foundation
import GDAL
import GeoCore

/// Writes a feature collection to a Shapefile, GeoPackage, FileGDB, FlatGeobuf or CSV
/// file chosen by the path's extension, atomically (see `VectorWriter`).
/// `.geojson`/`.geojsonl` stay with the project's own GeoJSON writer.
public enum VectorOutput {
    /// Whether `path`'s extension names a format written through GDAL.
    public static func handles(_ path: String) -> Bool { VectorFormat(path: path)?.isWritable ?? false }

    /// The extensions written through GDAL, for messages.
    public static var extensions: String { VectorFormat.writableExtensions }

    /// Writes `collection` as one layer (named `layer`, default: the file's base name).
    /// - Parameter crs: the coordinates' CRS (default lon/lat WGS84), any definition GDAL reads.
    public static func write(_ collection: FeatureCollection, to path: String, layer: String? = nil, crs: String = "EPSG:4326") throws {
        let name = layer ?? ((URL(fileURLWithPath: path).lastPathComponent as NSString).deletingPathExtension)
        do {
            try VectorWriter.write([.init(name: name, features: collection.features)], to: path, crs: crs)
        } catch {
            throw InputError.vector(error)
        }
    }

    /// Writes several named layers to one GeoPackage or FileGDB.
    public static func write(layers: [(name: String, collection: FeatureCollection)], to path: String, crs: String = "EPSG:4326") throws {
        do {
            try VectorWriter.write(layers.map { .init(name: $0.name, features: $0.collection.features) }, to: path, crs: crs)
        } catch {
            throw InputError.vector(error)
        }
    }

    /// A layer made one row at a time: `feature(i)` for i in 0..<count (GDAL's own type, so the
    /// rows reach the writer without a copy of each layer description).
    public typealias RowLayer = VectorWriter.RowLayer

    /// Writes several row layers to one GeoPackage or FileGDB, streamed: no layer is held
    /// as a feature collection. `progress` gets the count of rows written so far.
    /// `threads` workers make the rows' schema (`feature` is then called from several threads).
    public static func write(
        rows layers: [RowLayer], to path: String, crs: String = "EPSG:4326", threads: Int = 1, progress: ((Int) -> Void)? = nil
    ) throws {
        do {
            try VectorWriter.write(rows: layers, to: path, crs: crs, threads: threads, progress: progress)
        } catch {
            throw InputError.vector(error)
        }
    }
}
