import Dispatch
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
            let whole: Part?
            if let ranges = try ParallelLayerRead.fidRanges(dataset, layer: name, threads: threads), let fid = layer.fidColumn,
               let low = ranges.first?.lowerBound, let high = ranges.last?.upperBound,
               high - low <= 2 * Int64(layer.featureCount) + 4096 {
                whole = try decodeRanges(ranges, low: low, fid: fid, layer: name, file: file)
            } else {
                // One stream: a small layer, one thread, or FIDs so sparse that one slot per FID
                // (`decodeRanges`) would waste memory.
                var part = Part()
                part.values.reserveCapacity(layer.featureCount)
                whole = try Self.decodeParcels(layer, file: file, into: &part) ? part : nil
            }
            guard let whole else { return nil }
            return (DatasetDecoding.Decoded(values: whole.values, problems: whole.decodeProblems, rejectedIDs: whole.rejectedIDs),
                    whole.repairProblems)
        } catch let error as GDALError {
            throw InputError.vector(error)
        }
    }

    /// The FID ranges decoded on one thread each, the parcels written straight into the one
    /// array that holds them all: thread k fills the slots from `ranges[k].lowerBound - low`
    /// on (a range of n FIDs holds at most n rows), then the parts are moved together
    /// (no copy when each range is full, as with consecutive FIDs) and renumbered. So no
    /// parcel is copied or retained again to join the parts. Nil when a part cannot be read
    /// this way (`decodeParcels`), and the caller reads the layer the general way.
    private func decodeRanges(
        _ ranges: [Range<Int64>], low: Int64, fid: String, layer name: String, file: String
    ) throws -> Part? {
        let span = Int(ranges[ranges.count - 1].upperBound - low)
        let path = self.path
        var outcome: Result<Part?, any Error> = .success(nil)
        let values = [Parcel](unsafeUninitializedCapacity: span) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            let slots = UnsafeMutableBufferPointer<Result<Part?, any Error>?>.allocate(capacity: ranges.count)
            slots.initialize(repeating: nil)
            defer {
                slots.deinitialize()
                slots.deallocate()
            }
            nonisolated(unsafe) let out = slots
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                var part = Part(sink: base + Int(ranges[k].lowerBound - low), capacity: ranges[k].count)
                do {
                    let own = try ParallelLayerRead.openLayer(path: path, layer: name, filter: ParallelLayerRead.filter(fid: fid, ranges[k]))
                    if try Self.decodeParcels(own, file: file, into: &part), !part.overflowed {
                        out[k] = .success(part)
                    } else {
                        part.clear()
                        out[k] = .success(nil)
                    }
                } catch {
                    part.clear()
                    out[k] = .failure(error)
                }
            }
            var parts: [Part] = []
            var failure: (any Error)?
            for k in 0..<ranges.count {
                switch out[k]! {
                case .success(let part?): parts.append(part)
                case .success(nil): break
                case .failure(let error): if failure == nil { failure = error }
                }
            }
            guard parts.count == ranges.count else {
                // All or nothing: what the other threads wrote is dropped; the first error in
                // range order is thrown, else the layer is read the general way.
                for var part in parts { part.clear() }
                outcome = failure.map { .failure($0) } ?? .success(nil)
                initialized = 0
                return
            }
            var whole = Part()
            var end = 0
            for (k, part) in parts.enumerated() {
                let start = Int(ranges[k].lowerBound - low)
                if start != end { (base + end).moveInitialize(from: base + start, count: part.written) }
                if whole.rows > 0 { for i in end..<(end + part.written) { base[i].source.index += whole.rows } }
                whole.appendProblems(part, offset: whole.rows)
                end += part.written
            }
            initialized = end
            outcome = .success(whole)
        }
        guard var whole = try outcome.get() else { return nil }
        whole.values = values
        return whole
    }

    /// What one thread decoded; indices from 0 within its FID range. The parcels go to
    /// `values`, or, when the part has a `sink`, are written to the slots from `sink` on.
    struct Part: @unchecked Sendable {
        var rows = 0
        var values: [Parcel] = []
        var repairProblems: [DatasetProblem] = []
        var decodeProblems: [DatasetProblem] = []
        var rejectedIDs: [String] = []
        /// Uninitialized slots for `capacity` parcels (owned by `decodeRanges`'s array), or nil.
        private(set) var sink: UnsafeMutablePointer<Parcel>?
        private(set) var capacity = 0
        /// Parcels written to `sink`.
        private(set) var written = 0
        /// More parcels than `capacity` came: the part cannot stand.
        private(set) var overflowed = false

        init() {}

        init(sink: UnsafeMutablePointer<Parcel>, capacity: Int) {
            self.sink = sink
            self.capacity = capacity
        }

        mutating func add(_ parcel: Parcel) {
            guard let sink else { return values.append(parcel) }
            // A range of n FIDs holds at most n rows when FIDs are unique, as a GeoPackage
            // table's are; anything else (a view repeating FIDs) overflows and is read the general way.
            guard written < capacity else { return overflowed = true }
            (sink + written).initialize(to: parcel)
            written += 1
        }

        /// Everything dropped (the parcels written to `sink` deinitialized), to read again.
        mutating func clear() {
            if let sink { sink.deinitialize(count: written) }
            self = sink.map { Part(sink: $0, capacity: capacity) } ?? Part()
        }

        /// The problems and rejected ids of the part that follows `offset` rows.
        mutating func appendProblems(_ part: Part, offset: Int) {
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

    /// One stream's batches decoded into `part`; false when the stream cannot stand for the layer.
    private static func decodeParcels(_ layer: VectorLayer, file: String, into part: inout Part) throws -> Bool {
        final class Box: @unchecked Sendable { var part: Part; init(_ part: Part) { self.part = part } }
        // Moved into the box, so that its arrays stay uniquely referenced and grow in place.
        let box = Box(part)
        part = Part()
        defer { part = box.part }
        return try layer.forEachBatch(batchSize: batchRows) { batch in
            decode(batch, file: file, into: &box.part)
        }
    }

    /// One batch repaired and decoded into `part` (row indices continue from `part.rows`).
    private static func decode(_ batch: FeatureBatch, file: String, into part: inout Part) {
        let columns = ParcelColumns(names: batch.names).bind(batch.columns)
        for row in 0..<batch.count {
            let index = part.rows + row
            decode(
                index: index, geometry: batch.geometries[row], file: file, into: &part, feature: { batch.feature(row) },
                parcel: { columns.parcel(row: row, geometry: $0, file: file, index: index) })
        }
        part.rows += batch.count
    }

    /// One row repaired and decoded into `part` as `DatasetLoader` would: `parcel` decodes the
    /// row column-wise (nil when it needs `Parcel.decode`), `feature` builds it as a feature
    /// (only for a row with a problem).
    @inline(__always)
    private static func decode(
        index: Int, geometry: Geometry?, file: String, into part: inout Part,
        feature: () -> Feature, parcel: (Geometry?) -> Parcel?
    ) {
        var geometry = geometry
        var repairs: [DatasetProblem] = []
        if let g = geometry, g.isPolygonal {
            // Most polygons are valid: repair without an id, and only when something is
            // reported build the feature to name it (the id DatasetLoader.repair gives).
            var outcome = GeometryRepair.repairPolygonal(g, file: file, index: index, id: nil)
            if !outcome.problems.isEmpty {
                outcome = GeometryRepair.repairPolygonal(g, file: file, index: index, id: DatasetLoader.featureID(feature()))
                repairs = outcome.problems
                if let repaired = outcome.geometry { geometry = repaired }
            }
        }
        if repairs.isEmpty, let value = parcel(geometry) {
            part.add(value)
            return
        }
        part.repairProblems += repairs
        var whole = feature()
        whole.geometry = geometry
        let before = part.decodeProblems.count
        if let value = Parcel.decode(whole, file: file, index: index, problems: &part.decodeProblems) {
            part.add(value)
        } else if let id = part.decodeProblems[before...].lazy.compactMap(\.id).first {
            part.rejectedIDs.append(id)
        }
    }
}
