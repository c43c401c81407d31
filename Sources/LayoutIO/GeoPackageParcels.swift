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
            let parts: [Part?]
            if let filters = try ParallelLayerRead.parts(dataset, layer: name, threads: threads) {
                parts = try ParallelLayerRead.run(path: path, layer: name, filters: filters) { layer in
                    try Self.decodeParcels(layer, file: file)
                }
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

    /// One stream's batches decoded; nil when the stream cannot stand for the layer.
    private static func decodeParcels(_ layer: VectorLayer, file: String) throws -> Part? {
        final class Box: @unchecked Sendable { var part = Part() }
        let box = Box()
        let complete = try layer.forEachBatch(batchSize: batchRows) { batch in
            let columns = ParcelColumns(names: batch.names)
            for row in 0..<batch.count {
                let index = box.part.rows + row
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
                    box.part.values.append(parcel)
                    continue
                }
                box.part.repairProblems += repairs
                var feature = batch.feature(row)
                feature.geometry = geometry
                let before = box.part.decodeProblems.count
                if let parcel = Parcel.decode(feature, file: file, index: index, problems: &box.part.decodeProblems) {
                    box.part.values.append(parcel)
                } else if let id = box.part.decodeProblems[before...].lazy.compactMap(\.id).first {
                    box.part.rejectedIDs.append(id)
                }
            }
            box.part.rows += batch.count
        }
        return complete ? box.part : nil
    }
}
