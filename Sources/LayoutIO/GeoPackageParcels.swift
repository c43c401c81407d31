import GDAL
import GeoCore
import LayoutModel
import PROJ

extension GeoPackageDataset {
    /// The parcels of the `parcels` layer, read, repaired and decoded as `DatasetLoader` does
    /// for any dataset (read → `GeometryRepair` → `Parcel.decode`), but straight from GDAL's
    /// record batches: each thread reads a contiguous FID range (`ParallelLayerRead`),
    /// repairs each polygon right after its WKB is decoded (GEOS context of that thread) and
    /// decodes the row with `ParcelColumns`, building a `Feature` only for a row that has a
    /// problem (then `Parcel.decode` reports it, exactly as for a GeoJSON file).
    ///
    /// Same values and problems as reading the layer with `read(_:datum:)`, repairing with
    /// `DatasetLoader.repair` and decoding with `DatasetDecoding.parcels`: repair problems
    /// (in feature order) come before decoding problems, as there.
    ///
    /// Nil when the layer cannot take this path, and the caller reads it the general way:
    /// coordinates not in lon/lat, a datum to convert, a JSON-subtype field (parsed back
    /// into JSON by `read`), a boolean field or a curved geometry (see `VectorLayer.forEachBatch`).
    public func decodedParcels(file: String = DatasetFile.parcels, datum: Datum) throws -> (
        decoded: DatasetDecoding.Decoded<Parcel>, repairProblems: [DatasetProblem]
    )? {
        let name = Self.layerName(file)
        guard datum == .wgs84 else { return nil }
        do {
            let layer = try dataset.layer(named: name)
            guard let crs = layer.crs, VectorInput.isLonLat(crs, given: crs.definition),
                  !layer.fields.contains(where: { $0.subtype == .json })
            else { return nil }
            // Straight from SQLite where the table is plain (`GeoPackageDirectRead`); a range
            // holding a row that is not is read again through GDAL's Arrow stream.
            let direct = Self.directReading ? GeoPackageDirectRead(layer) : nil
            let parts: [Part?]
            if let ranges = try ParallelLayerRead.fidRanges(dataset, layer: name, threads: threads), let fid = layer.fidColumn {
                let path = self.path
                parts = try ParallelLayerRead.perform(count: ranges.count) { k in
                    if let direct, let part = try Self.decodeParcels(direct, fids: ranges[k], file: file) { return part }
                    let own = try ParallelLayerRead.openLayer(path: path, layer: name, filter: ParallelLayerRead.filter(fid: fid, ranges[k]))
                    return try Self.decodeParcels(own, file: file)
                }
            } else if let direct, let part = try Self.decodeParcels(direct, fids: nil, file: file) {
                parts = [part]
            } else {
                parts = [try Self.decodeParcels(layer, file: file)]
            }
            var remaining = parts
            // Taken out of the array, so that `whole` is the only owner and grows in place.
            guard !remaining.isEmpty, var whole = remaining[0] else { return nil }
            remaining[0] = nil
            for k in remaining.indices.dropFirst() {
                guard let part = remaining[k] else { return nil }
                remaining[k] = nil
                whole.append(part, offset: whole.rows)
            }
            return (DatasetDecoding.Decoded(values: whole.values, problems: whole.decodeProblems, rejectedIDs: whole.rejectedIDs),
                    whole.repairProblems)
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }

    /// What one thread decoded; indices from 0 within its FID range.
    struct Part: Sendable {
        var rows = 0
        var values: [Parcel] = []
        var repairProblems: [DatasetProblem] = []
        var decodeProblems: [DatasetProblem] = []
        var rejectedIDs: [String] = []

        mutating func append(_ part: Part, offset: Int) {
            let start = values.count
            values += part.values
            // Shifted in place: no copy of a parcel beyond the append.
            for i in start..<values.count { values[i].source.index += offset }
            for var problem in part.repairProblems {
                problem.index = problem.index.map { $0 + offset }
                repairProblems.append(problem)
            }
            for var problem in part.decodeProblems {
                problem.index = problem.index.map { $0 + offset }
                decodeProblems.append(problem)
            }
            rejectedIDs += part.rejectedIDs
            rows += part.rows
        }
    }

    /// Rows per record batch: small enough that a batch's columns stay in cache and their
    /// memory is reused from batch to batch instead of being mapped and faulted in anew.
    nonisolated(unsafe) static var batchRows = 8_192

    /// Whether plain tables are read straight from SQLite (`GeoPackageDirectRead`); false
    /// reads every range through GDAL's Arrow stream (for the tests and the benchmark's comparison).
    nonisolated(unsafe) public static var directReading = true

    /// One stream's batches decoded; nil when the stream cannot stand for the layer.
    private static func decodeParcels(_ layer: VectorLayer, file: String) throws -> Part? {
        final class Box: @unchecked Sendable { var part = Part() }
        let box = Box()
        let complete = try layer.forEachBatch(batchSize: batchRows) { batch in
            decode(batch, file: file, into: &box.part)
        }
        return complete ? box.part : nil
    }

    /// The rows of FID range `fids` (all when nil) read straight from SQLite and decoded; nil
    /// when a row is not plain, and the range is read through GDAL instead.
    private static func decodeParcels(_ direct: GeoPackageDirectRead, fids: Range<Int64>?, file: String) throws -> Part? {
        var part = Part()
        let complete = direct.forEachBatch(fids: fids, batchSize: batchRows) { batch in
            decode(batch, file: file, into: &part)
        }
        return complete ? part : nil
    }

    /// One batch repaired and decoded into `part` (row indices continue from `part.rows`).
    private static func decode(_ batch: FeatureBatch, file: String, into part: inout Part) {
        let columns = ParcelColumns(names: batch.names)
        for row in 0..<batch.count {
            let index = part.rows + row
            var geometry = batch.geometries[row]
            var repairs: [DatasetProblem] = []
            if let g = geometry, g.isPolygonal {
                // Most polygons are valid: repair without an id, and only when something is
                // reported build the feature to name it (the id DatasetLoader.repair gives).
                var outcome = GeometryRepair.repairPolygonal(g, file: file, index: index, id: nil)
                if !outcome.problems.isEmpty {
                    outcome = GeometryRepair.repairPolygonal(
                        g, file: file, index: index, id: DatasetLoader.featureID(batch.feature(row)))
                    repairs = outcome.problems
                    if let repaired = outcome.geometry { geometry = repaired }
                }
            }
            if repairs.isEmpty, let parcel = columns.parcel(batch.columns, row: row, geometry: geometry, file: file, index: index) {
                part.values.append(parcel)
                continue
            }
            part.repairProblems += repairs
            var feature = batch.feature(row)
            feature.geometry = geometry
            let before = part.decodeProblems.count
            if let parcel = Parcel.decode(feature, file: file, index: index, problems: &part.decodeProblems) {
                part.values.append(parcel)
            } else if let id = part.decodeProblems[before...].lazy.compactMap(\.id).first {
                part.rejectedIDs.append(id)
            }
        }
        part.rows += batch.count
    }
}
