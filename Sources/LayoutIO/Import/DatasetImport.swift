import Foundation
import GDAL
import GeoCore
import GeoJSON
import LayoutModel
import PROJ

/// What one source gave.
public struct ImportedLayer: Sendable {
    public var target: ImportTarget
    public var source: String
    public var layer: String
    /// Features read (after `where`) and features mapped into the dataset.
    public var read: Int
    public var mapped: Int
    /// The source CRS (nil for a table's points in lon/lat), the datum converted, the encoding used.
    public var crs: String?
    public var datum: Datum
    public var encoding: VectorFile.EncodingSource
}

/// The outcome of `DatasetImport.run`.
public struct ImportResult: Sendable {
    public var mapping: String
    public var layers: [ImportedLayer]
    /// Mapping problems, grouped (same problem on many features: one entry with the count).
    public var problems: [ImportProblem]
    /// The dataset as `validate` sees it; nil when mapping failed.
    public var validation: DatasetLoadResult?
    /// Where the dataset was written; nil for `--check` or on failure.
    public var written: String?

    public var errorCount: Int { problems.count(where: { $0.severity == .error }) }
    public var hasErrors: Bool { errorCount > 0 || (validation?.hasErrors ?? false) }
}

/// `parkatlas import` (docs/import.md): reads every source of a mapping file, maps
/// fields and codes into the dataset contract, reprojects to lon/lat, converts
/// GCJ-02/BD-09 where declared, repairs polygons as the loader does, writes the
/// dataset (folder or `.gpkg`) and validates it as `validate` does. Everything is
/// written to a temporary place first and moved into place only when there is no
/// error; on failure nothing is left behind.
public enum DatasetImport {
    /// - Parameters:
    ///   - output: a dataset folder or a `.gpkg` file; nil maps and validates without writing (`--check`).
    /// - Throws: only for failures outside the data (a temporary folder that cannot be made);
    ///   every problem of the mapping or the sources is in the result.
    public static func run(mapping: ImportMapping, output: String?, threads: Int = 2) throws -> ImportResult {
        let timings = StageTimings(enabled: ProcessInfo.processInfo.environment["PARKATLAS_IMPORT_TIMINGS"] != nil)
        defer { timings.report() }
        var problems = ImportProblems()
        var layers: [ImportedLayer] = []
        var collections: [(ImportTarget, FeatureCollection)] = []
        for spec in mapping.layers {
            let name = (spec.source as NSString).lastPathComponent
            do {
                let (info, collection, found) = try importLayer(spec, threads: threads, timings: timings)
                problems.append(contentsOf: found)
                layers.append(info)
                collections.append((spec.target, collection))
            } catch let error as ImportError {
                problems.add(.error, file: spec.source, layer: spec.layer, reason: Self.reason(error, source: spec.source))
            } catch let error as InputError {
                problems.add(.error, file: spec.source, layer: spec.layer, reason: Self.reason(error, spec: spec))
            } catch {
                problems.add(.error, file: name, layer: spec.layer, reason: String(describing: error))
            }
        }
        var policyText: String?
        if let policy = mapping.policy {
            if let data = FileManager.default.contents(atPath: policy) {
                policyText = String(decoding: data, as: UTF8.self)
            } else {
                problems.add(.error, file: policy, layer: nil, reason: "the policy file named by the mapping does not exist")
            }
        }
        var result = ImportResult(mapping: mapping.path, layers: layers, problems: problems.list, validation: nil, written: nil)
        if result.errorCount > 0 { return result }

        // Write to a temporary place beside the output, validate, then move it into place.
        let isPackage = output.map(GeoPackageDataset.isGeoPackage) ?? false
        let finalPath = output ?? mapping.path
        let url = URL(fileURLWithPath: finalPath)
        var validation: DatasetLoadResult
        var written = ""
        var temporaryFolder: URL?
        defer { if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) } }
        if output != nil {
            let folder = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            temporaryFolder = folder
            written = isPackage ? folder.appendingPathComponent(url.lastPathComponent).path : folder.path
        }
        if isPackage {
            // A GeoPackage changes what it stores (column types, NULL for absent keys, multi-part
            // layers): validate what was written, read back.
            var packaged = collections.map { (name: $0.0.rawValue, collection: $0.1) }
            if let policyText {
                packaged.append((name: "policy", collection: FeatureCollection(features: [
                    Feature(geometry: nil, properties: ["json": .string(policyText)])])))
            }
            try timings.measure("write") { try VectorOutput.write(layers: packaged, to: written) }
            collections.removeAll()
            validation = try timings.measure("validate (read back)") {
                try DatasetLoader.load(folder: written, options: .init(threads: threads, keepsFeatures: false))
            }
        } else {
            // A dataset folder holds exactly what is in memory (GeoJSON keeps every value and
            // coordinate), so it is validated in memory: the same checks and messages as
            // loading the folder, without parsing a million features again.
            if output != nil {
                try timings.measure("write") {
                    for (target, collection) in collections {
                        try DatasetWriter.write(collection.features, file: target.file, in: written)
                    }
                    if let policyText {
                        try AtomicFileWriter.write(to: written + "/" + DatasetFile.policy) { try $0.write(text: policyText) }
                    }
                }
            }
            var layers: [String: FeatureCollection] = [:]
            for (target, collection) in collections { layers[target.file] = collection }
            collections.removeAll()
            let source = InMemoryDataset(layers: layers, policy: policyText)
            layers.removeAll()
            let folder = output == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("parkatlas-import-check").path : written
            validation = timings.measure("validate (in memory)") {
                DatasetLoader.load(inMemory: source, folder: folder, options: .init(threads: threads, keepsFeatures: false))
            }
        }
        validation.dataset.folder = output ?? mapping.path
        result.validation = validation
        if validation.hasErrors || output == nil { return result }

        let fm = FileManager.default
        if isPackage {
            if fm.fileExists(atPath: finalPath) { _ = try fm.replaceItemAt(url, withItemAt: URL(fileURLWithPath: written)) }
            else { try fm.moveItem(atPath: written, toPath: finalPath) }
        } else {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: finalPath, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw ImportError.source(file: finalPath, layer: nil, reason: "exists and is not a folder")
                }
                // Replace the dataset files one by one (each rename is atomic); stale layers go.
                for file in [DatasetFile.districts, DatasetFile.parks, DatasetFile.parcels, DatasetFile.enterprises, DatasetFile.policy] {
                    let target = finalPath + "/" + file, source = written + "/" + file
                    if fm.fileExists(atPath: source) {
                        if rename(source, target) != 0 { throw ImportError.source(file: target, layer: nil, reason: "cannot move into place") }
                    } else if fm.fileExists(atPath: target) {
                        try fm.removeItem(atPath: target)
                    }
                }
            } else {
                try fm.moveItem(atPath: written, toPath: finalPath)
                temporaryFolder = nil
            }
        }
        result.written = finalPath
        return result
    }

    static func reason(_ error: ImportError, source: String) -> String {
        let text = error.description
        return text.hasPrefix(source + ": ") ? String(text.dropFirst(source.count + 2)) : text
    }

    static func reason(_ error: InputError, spec: ImportMapping.LayerSpec) -> String {
        var text = error.description
        if text.hasPrefix(spec.source + ": ") { text = String(text.dropFirst(spec.source.count + 2)) }
        if case .vector(.unknownCRS) = error {
            text += "; give \"crs\" for this layer in the mapping (or in \"defaults\"), e.g. \"EPSG:4544\" for CGCS2000 / 3-degree Gauss-Kruger CM 105E"
        }
        return text
    }

    /// Rows mapped per chunk (a test sets it small to check that chunks join as one pass would).
    nonisolated(unsafe) static var mappingChunkSize = 16_384

    /// Reads and maps one layer.
    static func importLayer(
        _ spec: ImportMapping.LayerSpec, threads: Int, timings: StageTimings = StageTimings(enabled: false)
    ) throws -> (ImportedLayer, FeatureCollection, ImportProblems) {
        let stage = spec.target.rawValue
        let format = VectorFormat(path: spec.source)
        let isTable = spec.points != nil
        try checkEncoding(spec, format: format)
        // A table's points are built below; a WKT column GDAL already read as geometry is used as read.
        let options = VectorInputOptions(layer: spec.layer, whereClause: spec.whereClause, encoding: spec.encoding,
                                         crs: isTable ? (spec.pointsCRS ?? spec.crs) : spec.crs, points: nil, datum: spec.datum)
        let input: VectorInputLayer
        if format == nil {
            throw ImportError.source(file: spec.source, layer: nil, reason:
                "not a format import reads (.shp, .gpkg, .gdb, .fgb, .csv, .xlsx, .dxf)")
        }
        input = try timings.measure("\(stage): read (GDAL, reprojection)") { try VectorInput.read(path: spec.source, options: options) }
        let file = (spec.source as NSString).lastPathComponent
        let layerName = input.layer
        let unit = format == .csv || format == .xlsx ? "row" : "feature FID"
        // XLSX FIDs are sheet rows (header = row 1); CSV FIDs count data lines from 1 (header = line 1).
        let isCSV = format == .csv
        let item: @Sendable (Int64) -> Int64 = { isCSV ? $0 + 1 : $0 }

        // Every source field the mapping names must exist.
        let fieldNames = input.fields.map(\.name)
        var named: [(String, String)] = spec.fields.compactMap { f in
            if case .field(let n) = f.source { return (n, f.target) }
            return nil
        }
        if case .columns(let x, let y) = spec.points { named += [(x, "points.x"), (y, "points.y")] }
        if case .wkt(let w) = spec.points { named.append((w, "points.wkt")) }
        for n in spec.keep ?? [] { named.append((n, "keep")) }
        for (name, target) in named where !fieldNames.contains(name) {
            let hint = Suggestion.nearest(to: name, among: fieldNames).map { "did you mean \"\($0)\"? " } ?? ""
            throw ImportError.source(file: file, layer: layerName, reason:
                "no field \"\(name)\" (mapped to \(target)); \(hint)the layer's fields: \(fieldNames.joined(separator: ", "))")
        }
        let mappedNames = Set(named.map(\.0))
        let targetNames = Set(spec.target.fields.map(\.name))
        var problems = ImportProblems()
        var kept = spec.keep ?? fieldNames.filter { !mappedNames.contains($0) }
        for name in kept where targetNames.contains(name) {
            problems.add(.warning, file: file, layer: layerName, field: name, reason:
                "not kept: its name is a property of the dataset contract that the mapping does not fill from it (map it in \"fields\" or leave it out of \"keep\")")
        }
        kept.removeAll { targetNames.contains($0) }

        let mappingStart = Date()
        // Rows are mapped in chunks on `threads` threads (rows are independent); the chunks'
        // features and problems are joined in row order, so the result is the sequential one.
        let sourceFeatures = input.collection.features
        let chunkSize = mappingChunkSize
        let chunkCount = (sourceFeatures.count + chunkSize - 1) / chunkSize
        struct Chunk: Sendable {
            var features: [Feature] = []
            var fids: [Int64] = []
            var pointProblems = ImportProblems()
            var mapperProblems = ImportProblems()
        }
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        let template = ImportLayerMapper(spec: spec, file: file, layer: layerName, unit: unit, item: item, kept: kept)
        chunks.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            ParallelRanges.forEach(count: chunkCount, threads: threads, minimumChunk: 1) { range in
                for c in range {
                    var chunk = Chunk()
                    var mapper = template
                    let rows = (c * chunkSize)..<min(sourceFeatures.count, (c + 1) * chunkSize)
                    chunk.features.reserveCapacity(rows.count)
                    chunk.fids.reserveCapacity(rows.count)
                    for index in rows {
                        let source = sourceFeatures[index]
                        let fid: Int64 = if case .integer(let i) = source.id { i } else { Int64(index) }
                        guard let properties = mapper.properties(of: source.properties, fid: fid) else { continue }
                        var geometry = source.geometry
                        if let points = spec.points, geometry == nil {
                            guard let g = point(source, points, file: file, layer: layerName, row: item(fid), problems: &chunk.pointProblems) else {
                                continue
                            }
                            geometry = g
                        }
                        chunk.features.append(Feature(geometry: geometry, properties: properties))
                        chunk.fids.append(fid)
                    }
                    chunk.mapperProblems = mapper.problems
                    out[c] = chunk
                }
            }
        }
        var features: [Feature] = []
        features.reserveCapacity(chunks.reduce(0) { $0 + $1.features.count })
        var fids: [Int64] = []
        fids.reserveCapacity(features.capacity)
        var mapperProblems = ImportProblems()
        for c in chunks.indices {
            features += chunks[c].features
            fids += chunks[c].fids
            problems.merge(chunks[c].pointProblems)
            mapperProblems.merge(chunks[c].mapperProblems)
            chunks[c] = Chunk()
        }
        problems.append(contentsOf: mapperProblems)
        var collection = FeatureCollection(features: features)

        // Points from columns: reproject and convert the datum as VectorInput does for layers.
        var crsUsed = input.sourceCRS
        if spec.points != nil && input.sourceCRS == nil {
            let crs = spec.pointsCRS ?? spec.crs ?? "EPSG:4326"
            crsUsed = crs
            if !(LonLatInput.isLonLatName(crs.uppercased()) || crs.lowercased() == "wgs84") {
                collection = try LonLatInput.reproject(collection, from: crs, to: .wgs84, fileName: "\(file) layer \(layerName)")
            }
            if spec.datum != .wgs84 {
                for i in collection.features.indices {
                    collection.features[i].geometry = collection.features[i].geometry.map { spec.datum.toWGS84($0) }
                }
            }
        }

        timings.add("\(stage): map fields and points", since: mappingStart)
        let checkStart = Date()
        // Geometry kind, coordinate range, repair.
        var usable = [Bool](repeating: true, count: collection.features.count)
        for (i, f) in collection.features.enumerated() {
            let row = item(fids[i])
            guard let g = f.geometry else {
                problems.add(.error, file: file, layer: layerName, unit: unit, item: row, target: "geometry", reason: "the feature has no geometry")
                usable[i] = false
                continue
            }
            let ok = spec.target.isPolygonal ? g.isPolygonal : { if case .point = g { true } else { false } }()
            if !ok {
                problems.add(.error, file: file, layer: layerName, unit: unit, item: row, target: "geometry", reason:
                    "the geometry is a \(g.typeName); \(spec.target.rawValue) need \(spec.target.isPolygonal ? "Polygon or MultiPolygon" : "Point") geometries")
                usable[i] = false
                continue
            }
            if let bad = outOfRange(g) {
                let columns = if case .columns(let x, let y) = spec.points { " (from \(x), \(y))" } else { "" }
                problems.add(.error, file: file, layer: layerName, unit: unit, item: row, target: "geometry", reason:
                    "coordinates \(bad)\(columns) are not a longitude/latitude after conversion from \(crsUsed ?? "the layer's CRS"): out of range (swapped columns, or another CRS?)")
                usable[i] = false
            }
        }
        if spec.target.isPolygonal && !problems.list.contains(where: { $0.severity == .error }) {
            let repairs = DatasetLoader.repair(&collection, file: spec.target.file, threads: threads)
            for p in repairs {
                let row = p.index.map { item(fids[$0]) }
                problems.add(p.severity == .error ? .error : .warning, file: file, layer: layerName, unit: unit, item: row,
                             target: "geometry", reason: p.reason)
            }
        }
        timings.add("\(stage): check and repair geometry", since: checkStart)
        let info = ImportedLayer(
            target: spec.target, source: spec.source, layer: layerName, read: input.collection.features.count,
            mapped: usable.count(where: { $0 }), crs: crsUsed, datum: spec.datum, encoding: input.encoding)
        return (info, collection, problems)
    }

    /// A row's point from its columns; nil (the row left out, with a warning or an error) when it has none.
    static func point(
        _ feature: Feature, _ points: ImportMapping.Points, file: String, layer: String, row: Int64, problems: inout ImportProblems
    ) -> Geometry? {
        let p = feature.properties
        switch points {
        case .columns(let xName, let yName):
            let xv = p?[xName], yv = p?[yName]
            if ImportValues.isEmpty(xv) && ImportValues.isEmpty(yv) {
                problems.add(.warning, file: file, layer: layer, unit: "row", item: row, field: "\(xName), \(yName)", reason:
                    "no coordinates (both empty): the row is left out")
                return nil
            }
            func number(_ v: JSONValue?, _ name: String) -> Double? {
                guard let v, !ImportValues.isEmpty(v) else {
                    problems.add(.error, file: file, layer: layer, unit: "row", item: row, field: name, reason: "empty coordinate (the other one is given)")
                    return nil
                }
                if let d = v.doubleValue, d.isFinite { return d }
                if let s = v.stringValue, let d = ImportValues.number(s) { return d }
                problems.add(.error, file: file, layer: layer, unit: "row", item: row, field: name, value: ImportValues.key(v), reason: "not a number")
                return nil
            }
            let x = number(xv, xName), y = number(yv, yName)
            guard let x, let y else { return nil }
            return .point(Position(x, y))
        case .wkt(let name):
            guard let text = p?[name]?.stringValue, !CodeCrosswalk.trimmedSpaces(text).isEmpty else {
                problems.add(.warning, file: file, layer: layer, unit: "row", item: row, field: name, reason: "no geometry (empty WKT): the row is left out")
                return nil
            }
            do {
                let g = try VectorInput.point(feature, .wkt(name), path: file, layer: layer)
                return g
            } catch {
                problems.add(.error, file: file, layer: layer, unit: "row", item: row, field: name, reason: "not WKT: \(error)")
                return nil
            }
        }
    }

    /// The first position out of ±180/±90 (or not finite), as text.
    static func outOfRange(_ g: Geometry) -> String? {
        if case .point(let p) = g {
            return p.x.isFinite && p.y.isFinite && abs(p.x) <= 180 && abs(p.y) <= 90 ? nil : "(\(p.x), \(p.y))"
        }
        var found: String?
        g.forEachSequence { s in
            guard found == nil else { return }
            for i in 0..<s.count {
                let x = s.x(i), y = s.y(i)
                if !(x.isFinite && y.isFinite && abs(x) <= 180 && abs(y) <= 90) {
                    found = "(\(x), \(y))"
                    return
                }
            }
        }
        return found
    }

    /// A Shapefile without `.cpg` whose declared encoding contradicts its bytes.
    static func checkEncoding(_ spec: ImportMapping.LayerSpec, format: VectorFormat?) throws {
        guard format == .shapefile, let declared = spec.encoding,
              VectorFile.existingCompanion(spec.source, "cpg") == nil,
              let dbf = VectorFile.existingCompanion(spec.source, "dbf")
        else { return }
        let utf8Declared = ["UTF-8", "UTF8"].contains(declared.uppercased())
        let isUTF8 = VectorFile.dbfRecordsAreUTF8(dbf)
        if utf8Declared && !isUTF8 {
            throw ImportError.source(file: (spec.source as NSString).lastPathComponent, layer: nil, reason:
                "the mapping says \"encoding\": \"\(declared)\", but the DBF's text is not valid UTF-8 and there is no .cpg; it looks like GBK/GB18030 (Chinese Windows): set \"encoding\": \"GBK\" (or leave \"encoding\" out to detect it)")
        }
    }
}
