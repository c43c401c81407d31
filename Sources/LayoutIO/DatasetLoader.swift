import Foundation
import GeoCore
import GeoJSON
import LayoutModel
import PROJ

/// The optional layers of a dataset, for reading only what a command needs.
public struct DatasetLayers: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let parcels = DatasetLayers(rawValue: 1)
    public static let enterprises = DatasetLayers(rawValue: 2)
    public static let all: DatasetLayers = [.parcels, .enterprises]
}

/// Loads a dataset folder (docs/dataset.md) and reports every problem at once.
///
/// Order of work per file: read (honouring a legacy `crs` member and the
/// datum), repair polygon geometry with GEOS (repeated vertices, make-valid),
/// decode the properties into the model, then check references across files.
/// A malformed file is reported with its line and column and loading goes on
/// with the other files, so one run shows every problem. A geometry that is
/// valid JSON but not valid GeoJSON (an unclosed ring, a position with one
/// number) is an error of that feature alone, with its line and column, and
/// the rest of the file is read. Only problems that make a feature unusable
/// drop it; each is reported as an error.
public enum DatasetLoader {
    public struct Options: Sendable {
        /// Overrides policy.json's `coordinate_system` when set (`--datum`).
        public var datum: Datum?
        /// Worker threads for geometry repair.
        public var threads: Int
        /// The optional layers to read; districts, parks and the policy are always read.
        /// A command reads only what it uses (a million enterprises: a 273 MB file, held
        /// while read, then ~130 MB as an `EnterpriseTable`);
        /// `validate` reads everything, so only it sees every cross-file problem.
        public var layers: DatasetLayers
        /// Keep each file's features as read (`DatasetLoadResult.repairedFiles`). When false,
        /// a file's generic features are freed as soon as they are decoded into the model,
        /// so they never sit beside the analysis (about half the peak memory at 10⁶ enterprises).
        public var keepsFeatures: Bool

        /// `--where`/`--bbox` of a PostgreSQL dataset (pushed down to the database); must be empty for a folder.
        public var filter: DatasetFilter

        public init(
            datum: Datum? = nil, threads: Int = 2, layers: DatasetLayers = .all, keepsFeatures: Bool = true,
            filter: DatasetFilter = DatasetFilter()
        ) {
            self.filter = filter
            self.datum = datum
            self.threads = threads
            self.layers = layers
            self.keepsFeatures = keepsFeatures
        }
    }

    /// Loads a dataset folder, a GeoPackage file (`*.gpkg`) holding the dataset's layers
    /// (see `GeoPackageDataset`), or a PostGIS schema given as a `postgresql://…?schema=S`
    /// URI (see `PostGISDataset`); all give the same result for the same data.
    /// The dataset's name (`Dataset.folder`) is then the URI with its password as `***`.
    public static func load(folder: String, options: Options = Options()) throws -> DatasetLoadResult {
        var isDirectory: ObjCBool = false
        let package: (any DatasetTableSource)?
        var folder = folder
        if PostGISDataset.isURI(folder) {
            let database = try PostGISDataset(uri: folder, filter: options.filter)
            folder = database.uri.redacted
            package = database
        } else if !options.filter.isEmpty {
            throw InputError.notADataset(folder: folder, reason: "--where and --bbox need a PostgreSQL dataset (postgresql://…?schema=S)")
        } else if GeoPackageDataset.isGeoPackage(folder), FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
           !isDirectory.boolValue {
            package = try GeoPackageDataset(path: folder, threads: options.threads)
        } else {
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError.notADataset(folder: folder, reason: "no such folder")
            }
            package = nil
        }
        return load(package: package, folder: folder, options: options)
    }

    /// Loads a dataset that is already in memory (`import`'s collections, about to be written as a
    /// dataset folder): the same checks and messages as loading that folder after writing it,
    /// without writing and parsing it again.
    static func load(inMemory source: InMemoryDataset, folder: String, options: Options) -> DatasetLoadResult {
        load(package: source, folder: folder, options: options)
    }

    private static func load(package: (any DatasetTableSource)?, folder: String, options: Options) -> DatasetLoadResult {
        var problems: [DatasetProblem] = []
        let memory = package as? InMemoryDataset

        // policy.json first: it may name the datum of the coordinates.
        var policy = Policy()
        let policyPath = path(folder, DatasetFile.policy)
        var policyText: String?
        if let package {
            do {
                policyText = try package.policyText()
            } catch {
                problems.append(fileProblem(DatasetFile.policy, String(describing: error)))
            }
        }
        let hasPolicy = package == nil ? FileManager.default.fileExists(atPath: policyPath) : policyText != nil
        if hasPolicy {
            do {
                let json = try policyText.map { try JSONText.parse($0, fileName: memory == nil ? folder + " table policy" : policyPath) }
                    ?? JSONText.parse(contentsOfFile: policyPath)
                if let object = json.objectValue {
                    let decoded = Policy.decode(object)
                    policy = decoded.policy
                    problems += decoded.errors.map(\.datasetProblem)
                } else {
                    problems.append(fileProblem(DatasetFile.policy, "policy.json must hold a JSON object, found \(json.typeName)"))
                }
            } catch {
                problems.append(fileProblem(DatasetFile.policy, String(describing: error)))
            }
        }
        let datum = options.datum ?? Datum(name: policy.coordinateSystem.rawValue) ?? .wgs84

        func read(_ file: String, required: Bool, polygonal: Bool) -> (FeatureCollection, featureErrors: [GeoJSONError])? {
            if let package {
                guard package.hasLayer(file) else {
                    if required, memory != nil {
                        problems.append(fileProblem(file, "required file is missing"))
                    } else if required {
                        let kind = package is PostGISDataset ? "table" : "layer"
                        problems.append(fileProblem(file, "required \(kind) \(GeoPackageDataset.layerName(file)) is missing from \(folder)"))
                    }
                    return nil
                }
                do {
                    var collection = try package.read(file, datum: datum)
                    if polygonal { problems += repair(&collection, file: file, threads: options.threads) }
                    return (collection, [])
                } catch {
                    problems.append(fileProblem(file, String(describing: error)))
                    return nil
                }
            }
            let p = path(folder, file)
            guard FileManager.default.fileExists(atPath: p) else {
                if required { problems.append(fileProblem(file, "required file is missing")) }
                return nil
            }
            do {
                let input = try LonLatInput.read(path: p, datum: datum, collectingFeatureErrors: true)
                var collection = input.collection
                if polygonal { problems += repair(&collection, file: file, threads: options.threads) }
                return (collection, input.featureErrors)
            } catch let error as InputError {
                problems.append(fileProblem(file, error.description))
            } catch {
                problems.append(fileProblem(file, String(describing: error)))
            }
            return nil
        }

        // Each file is decoded right after it is read, and its generic features are
        // dropped then unless kept, so at most one file's features are alive at a time.
        var repaired: [(String, FeatureCollection)] = []
        func decode<Value>(
            _ file: String, required: Bool, polygonal: Bool, wanted: Bool = true,
            _ decoder: (FeatureCollection) -> DatasetDecoding.Decoded<Value>
        ) -> (values: [Value], present: Bool, rejected: Set<String>) {
            guard wanted, let (collection, featureErrors) = read(file, required: required, polygonal: polygonal) else { return ([], false, []) }
            let decoded = decoder(collection)
            problems += merging(featureErrors, into: decoded.problems, file: file)
            if options.keepsFeatures { repaired.append((file, collection)) }
            return (decoded.values, true, Set(decoded.rejectedIDs))
        }
        let districts = decode(DatasetFile.districts, required: true, polygonal: true) { DatasetDecoding.districts($0, threads: options.threads) }
        let parks = decode(DatasetFile.parks, required: true, polygonal: true) { DatasetDecoding.parks($0, threads: options.threads) }
        var parcels: (values: [Parcel], present: Bool, rejected: Set<String>) = ([], false, [])
        if options.layers.contains(.parcels), !options.keepsFeatures, let gpkg = package as? GeoPackageDataset,
           gpkg.hasLayer(DatasetFile.parcels), let fast = try? gpkg.decodedParcels(datum: datum) {
            // Straight from GDAL's record batches, repaired and decoded per thread; same result.
            // (A failure gives nil here and the general path below reports it.)
            problems += fast.repairProblems + fast.decoded.problems
            parcels = (fast.decoded.values, true, Set(fast.decoded.rejectedIDs))
        } else {
            parcels = decode(
                DatasetFile.parcels, required: false, polygonal: true, wanted: options.layers.contains(.parcels)) { DatasetDecoding.parcels($0, threads: options.threads) }
        }
        var enterprises: (values: EnterpriseTable, present: Bool, rejected: Set<String>) = ([], false, [])
        if options.layers.contains(.enterprises) {
            // Point features need no repair, so when they need not be kept either they are
            // decoded in batches while the file is parsed (peak memory: the file and the model).
            let streamed = options.keepsFeatures || datum != .wgs84 || package != nil
                ? nil : streamEnterprises(path(folder, DatasetFile.enterprises), threads: options.threads, problems: &problems)
            if let streamed {
                enterprises = (streamed.table, true, Set(streamed.rejectedIDs))
            } else {
                let decoded = decode(DatasetFile.enterprises, required: false, polygonal: false) {
                    DatasetDecoding.enterprises($0, threads: options.threads)
                }
                // Named by their first value's file (a GeoPackage or database names its table), so
                // no row needs its own.
                let file = decoded.values.first?.source.file ?? DatasetFile.enterprises
                enterprises = (EnterpriseTable(decoded.values, sourceFile: file), decoded.present, decoded.rejected)
            }
        }
        problems += DatasetCrossCheck.problems(
            districts: districts.values, parks: parks.values, parcels: parcels.values,
            enterprises: enterprises.present ? enterprises.values : nil,
            rejected: .init(districtCodes: districts.rejected, parkIDs: parks.rejected, enterpriseIDs: enterprises.rejected))

        var dataset = Dataset(
            folder: folder, districts: districts.values, parks: parks.values, parcels: parcels.values,
            enterprises: enterprises.values, policy: policy, hasParcels: parcels.present,
            hasEnterprises: enterprises.present, hasPolicyFile: hasPolicy)
        problems += FarOutsideFeatures.separate(&dataset)
        var found = ordered(problems)
        // In a GeoPackage or a PostGIS schema the problems are in layers or tables, not files:
        // name the file or database and the layer or table.
        if let package {
            for k in found.indices { found[k].file = package.place(of: found[k].file) }
        }
        return DatasetLoadResult(dataset: dataset, problems: found, repairedFiles: repaired)
    }

    /// Decodes `enterprises.geojson` while it is parsed, never holding all its
    /// generic features: `GeoJSONReader.forEachFeatureBatch` parses on
    /// `threads` threads and each batch is decoded on the thread that parsed
    /// it (with indices from 0, shifted here to the file's), plain features
    /// straight from their bytes into table columns (`EnterpriseBatchBuilder`),
    /// the others by `Enterprise.decode`. Nil (nothing added
    /// to `problems`) when the file is missing or not a lon/lat
    /// FeatureCollection document: the caller then reads it the ordinary way,
    /// which reports or converts as usual.
    static func streamEnterprises(
        _ path: String, threads: Int, problems: inout [DatasetProblem]
    ) -> (table: EnterpriseTable, rejectedIDs: [String])? {
        guard FileManager.default.fileExists(atPath: path), let bytes = try? GeoJSONFile.readBytes(path: path),
              GeoJSONSequence.detectFormat(bytes) == .document
        else { return nil }
        return streamEnterprises(bytes: bytes, fileName: path, threads: threads, problems: &problems)
    }

    /// `streamEnterprises(_:threads:problems:)` on a file's bytes.
    public static func streamEnterprises(
        bytes: [UInt8], fileName: String, threads: Int, problems: inout [DatasetProblem]
    ) -> (table: EnterpriseTable, rejectedIDs: [String])? {
        var table = EnterpriseTable(sourceFile: DatasetFile.enterprises)
        var expected = 0
        var found: [DatasetProblem] = []
        var rejected: [String] = []
        var featureErrors: [GeoJSONError] = []
        do {
            guard let header = try GeoJSONReader().forEachFeatureBatch(
                bytes, fileName: fileName, threads: threads,
                makeBuilder: { EnterpriseBatchBuilder(file: DatasetFile.enterprises) },
                announce: {
                    expected = $0
                    table.reserveCapacity($0)
                },
                consume: { first, part in
                    if table.isEmpty, expected > part.table.count, part.table.count > 0 {
                        // The arena's size guessed from the first batch, with a margin, instead of doublings.
                        let perRow = Double(part.table.arenaBytes) / Double(part.table.count)
                        table.reserveCapacity(expected, arenaBytes: Int(perRow * Double(expected) * 1.05) + 4096)
                    }
                    table.append(table: part.table, indexOffset: first)
                    for var problem in part.problems {
                        problem.index = problem.index.map { $0 + first }
                        found.append(problem)
                    }
                    rejected += part.rejectedIDs
                },
                featureErrors: { featureErrors.append($0) })
            else { return nil }
            // A projected CRS declared after the features: read again the ordinary way.
            if let crs = header.crs, !LonLatInput.isLonLatName(crs) { return nil }
        } catch {
            return nil
        }
        table.shrinkToFit()
        problems += merging(featureErrors, into: found, file: DatasetFile.enterprises)
        return (table, rejected)
    }

    /// The decoder's problems with the reader's feature errors put in: a
    /// feature whose geometry could not be read (see
    /// `LonLatCollection.featureErrors`) reached the decoder with a null
    /// geometry, so its "geometry is null" problem, which carries the
    /// feature's id, gets the reader's reason with line and column instead.
    static func merging(_ featureErrors: [GeoJSONError], into problems: [DatasetProblem], file: String) -> [DatasetProblem] {
        guard !featureErrors.isEmpty else { return problems }
        var pending: [Int: GeoJSONError] = [:]
        for error in featureErrors {
            if let index = error.location?.featureIndex { pending[index] = error }
        }
        var merged = problems
        for k in merged.indices where merged[k].property == "geometry" {
            guard let index = merged[k].index, let error = pending.removeValue(forKey: index) else { continue }
            merged[k].reason = featureErrorReason(error)
        }
        // Not reached with the shipped decoders (each reports a null geometry); kept so nothing is lost.
        for (index, error) in pending.sorted(by: { $0.key < $1.key }) {
            merged.append(DatasetProblem(
                file: file, index: index, id: nil, property: "geometry", severity: .error, reason: featureErrorReason(error)))
        }
        return merged
    }

    /// `unclosed polygon ring (first and last positions differ) at line 4, column 46`.
    static func featureErrorReason(_ error: GeoJSONError) -> String {
        guard let location = error.location else { return error.message }
        return "\(error.message) at line \(location.line), column \(location.column)"
    }

    /// Repairs the polygonal geometries of `collection` in place; returns the warnings.
    static func repair(_ collection: inout FeatureCollection, file: String, threads: Int) -> [DatasetProblem] {
        var items: [(geometry: Geometry, index: Int, id: String?)] = []
        for (i, f) in collection.features.enumerated() {
            guard let g = f.geometry, g.isPolygonal else { continue }
            items.append((g, i, featureID(f)))
        }
        let outcomes = GeometryRepair.repairAll(items, file: file, threads: threads)
        var problems: [DatasetProblem] = []
        for (item, outcome) in zip(items, outcomes) {
            problems += outcome.problems
            if let g = outcome.geometry { collection.features[item.index].geometry = g }
        }
        return problems
    }

    /// The id a problem report names: the `id` (or district `code`) property, else the Feature id.
    static func featureID(_ feature: Feature) -> String? {
        if let id = feature[property: "id"]?.stringValue { return id }
        if let code = feature[property: "code"]?.stringValue { return code }
        return feature.id?.description
    }

    /// Problems sorted by file (dataset order), then feature index; stable otherwise.
    static func ordered(_ problems: [DatasetProblem]) -> [DatasetProblem] {
        let fileOrder = [DatasetFile.policy, DatasetFile.districts, DatasetFile.parks, DatasetFile.parcels, DatasetFile.enterprises]
        func rank(_ p: DatasetProblem) -> (Int, Int) {
            (fileOrder.firstIndex(of: p.file) ?? fileOrder.count, p.index ?? -1)
        }
        return problems.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    static func path(_ folder: String, _ file: String) -> String {
        folder.hasSuffix("/") ? folder + file : folder + "/" + file
    }

    static func fileProblem(_ file: String, _ reason: String) -> DatasetProblem {
        DatasetProblem(file: file, index: nil, id: nil, property: nil, severity: .error, reason: reason)
    }
}
