import CGDAL
import Foundation
import Dispatch
import GeoCore

/// Reads one layer of a GeoPackage on several threads: GDAL's rule is one
/// thread per dataset handle, so each worker opens the file itself and reads
/// a contiguous FID range through its own Arrow stream
/// (`OGR_L_SetAttributeFilter("fid" >= a AND "fid" < b)`, which the GeoPackage
/// driver hands to SQLite as a rowid range). The parts are joined in FID
/// order, which is the order a single stream gives (a GeoPackage table is
/// read in rowid order), so the result equals `VectorLayer.readFeatures()`.
///
/// Why: a stream is decoded (WKB, values, checks) on the thread that reads it,
/// and that decoding is most of the time; GDAL's own GeoPackage Arrow reader
/// (Debian's 3.6.2 has `OGRGeoPackageTableLayer::GetNextArrowArray`, which fills
/// the Arrow buffers inside SQLite and prefetches the next batch on a thread of
/// its own) is about a fifth of it. With two cores, two streams over half the
/// rows each take about half the time.
public enum ParallelLayerRead {
    /// Layers smaller than this are read by one stream (opening the file again costs ~1 ms).
    public static let minimumFeatures = 20_000

    /// The whole layer `name` of `dataset` (a GeoPackage opened read-only), read on up to
    /// `threads` threads. One stream on `dataset` itself for small layers, a layer without
    /// an FID column, another driver, or `threads` ≤ 1.
    public static func read(_ dataset: VectorDataset, layer name: String, threads: Int) throws -> LayerContents {
        guard let filters = try parts(dataset, layer: name, threads: threads) else {
            return try dataset.layer(named: name).readFeatures()
        }
        let contents = try run(path: dataset.path, layer: name, filters: filters) { layer in try layer.readFeatures() }
        var whole = LayerContents(features: [], fields: contents[0].fields, crs: contents[0].crs, warnings: [])
        whole.features.reserveCapacity(contents.reduce(0) { $0 + $1.features.count })
        for part in contents {
            whole.features += part.features
            whole.warnings += part.warnings
        }
        return whole
    }

    /// The attribute filters that split layer `name` into contiguous FID ranges, one per
    /// thread, in FID order; nil when the layer should be read by one stream (see `read`).
    public static func parts(_ dataset: VectorDataset, layer name: String, threads: Int) throws(GDALError) -> [String]? {
        guard let ranges = try fidRanges(dataset, layer: name, threads: threads),
              let fid = try dataset.layer(named: name).fidColumn else { return nil }
        return ranges.map { filter(fid: fid, $0) }
    }

    /// The contiguous FID ranges `low ≤ fid < high`, one per thread, in FID order, that
    /// `parts` filters on; nil when the layer should be read by one stream (see `read`).
    public static func fidRanges(_ dataset: VectorDataset, layer name: String, threads: Int) throws(GDALError) -> [Range<Int64>]? {
        let layer = try dataset.layer(named: name)
        guard threads > 1, dataset.driverName == "GPKG", let fid = layer.fidColumn, layer.featureCount >= minimumFeatures,
              let (low, high) = try dataset.integerRange(of: fid, in: name), high > low
        else { return nil }
        let count = min(threads, 8)
        // Bounds low = b0 < b1 < … < b_count = high + 1; part k reads b_k ≤ fid < b_(k+1).
        let span = high - low + 1
        let bounds = (0...count).map { low + span * Int64($0) / Int64(count) }
        return (0..<count).map { bounds[$0]..<bounds[$0 + 1] }
    }

    /// The attribute filter of one FID range.
    public static func filter(fid: String, _ range: Range<Int64>) -> String {
        let column = VectorDataset.quoted(fid)
        return "\(column) >= \(range.lowerBound) AND \(column) < \(range.upperBound)"
    }

    /// `body(k)` for k in `0..<count`, each on its own thread; results in order.
    /// Throws the first part's error.
    public static func perform<T: Sendable>(count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: count) { k in
            out[k] = Result { () throws -> T in try body(k) }
        }
        var results: [T] = []
        for k in 0..<count { results.append(try out[k]!.get()) }
        return results
    }

    /// `body` on layer `name` of the GeoPackage at `path` once per filter, each on its own
    /// thread with its own dataset handle and that attribute filter set; results in filter order.
    /// Throws the first part's error (a `GDALError` from GDAL).
    public static func run<T: Sendable>(
        path: String, layer name: String, filters: [String], _ body: @Sendable (VectorLayer) throws -> T
    ) throws -> [T] {
        try perform(count: filters.count) { k in try body(openLayer(path: path, layer: name, filter: filters[k])) }
    }

    /// Layer `name` of the GeoPackage at `path` on a dataset handle of its own, with that attribute filter set.
    public static func openLayer(path: String, layer name: String, filter: String) throws -> VectorLayer {
        let own = try VectorDataset.open(path, drivers: ["GPKG"])
        let layer = try own.layer(named: name)
        try layer.setAttributeFilter(filter)
        return layer
    }
}

extension VectorLayer {
    /// The name of the layer's FID column (`"fid"` in a GeoPackage); nil when the format has none.
    public var fidColumn: String? {
        guard let raw = OGR_L_GetFIDColumn(pointer) else { return nil }
        let name = String(cString: raw)
        return name.isEmpty ? nil : name
    }
}

extension VectorDataset {
    /// `"name"` with inner quotes doubled (an SQL identifier).
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// MIN and MAX of an integer column of a table (`GDALDatasetExecuteSQL`, the driver's own SQL);
    /// nil when the table is empty.
    func integerRange(of column: String, in table: String) throws(GDALError) -> (Int64, Int64)? {
        let h = try requireOpen()
        GDALCall.reset()
        // Two subqueries: SQLite answers a lone MIN or MAX of the rowid from the b-tree's ends,
        // but `SELECT MIN(x), MAX(x)` scans the whole table (25 ms for 150,000 parcels).
        let (c, t) = (Self.quoted(column), Self.quoted(table))
        let sql = "SELECT (SELECT MIN(\(c)) FROM \(t)), (SELECT MAX(\(c)) FROM \(t))"
        guard let result = GDALDatasetExecuteSQL(h, sql, nil, nil) else {
            throw .library(operation: "GDALDatasetExecuteSQL(\(sql))", path: path, message: GDALCall.message())
        }
        defer { GDALDatasetReleaseResultSet(h, result) }
        OGR_L_ResetReading(result)
        guard let raw = OGR_L_GetNextFeature(result) else { return nil }
        let feature = FeatureOwner(taking: raw)
        guard OGR_F_IsFieldSetAndNotNull(feature.pointer, 0) != 0, OGR_F_IsFieldSetAndNotNull(feature.pointer, 1) != 0 else {
            return nil
        }
        return (OGR_F_GetFieldAsInteger64(feature.pointer, 0), OGR_F_GetFieldAsInteger64(feature.pointer, 1))
    }
}
