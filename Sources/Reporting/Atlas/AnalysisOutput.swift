import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The folder the main job writes into: every file atomically, the names
/// remembered for `summary.json`.
public final class AnalysisOutputFolder: @unchecked Sendable {
    public let folder: String
    private var names: [String] = []
    /// Guards `names`: the tables are written on two threads.
    private let lock = NSLock()

    public init(folder: String) { self.folder = folder }

    /// The files written so far, in the order of `summary.json`'s "files".
    public var written: [String] { lock.withLock { names } }

    public func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    public func create() throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportingError.cannotCreateFolder(path: folder, message: error.localizedDescription)
        }
    }

    public func text(_ name: String, _ text: String) throws {
        try guarded(name) { try AtomicFileWriter.write(to: path(name)) { sink in try sink.write(text: text) } }
    }

    /// A CSV file, starting with the UTF-8 byte order mark (see `CSVText.byteOrderMark`).
    public func csv(_ name: String, _ table: String) throws {
        try text(name, CSVText.byteOrderMark + table)
    }

    /// A CSV file written row by row (the byte order mark first), atomically.
    /// - Parameter onRows: told of rows written, in steps, for a progress bar.
    public func csv(_ name: String, record: Bool = true, onRows: ((Int) -> Void)? = nil, rows: (CSVStream) throws -> Void) throws {
        try guarded(name, record: record) {
            try AtomicFileWriter.write(to: path(name)) { sink in
                try sink.write(text: CSVText.byteOrderMark)
                let stream = CSVStream(sink: sink, onRows: onRows)
                try rows(stream)
                stream.finish()
            }
        }
    }

    /// An analysis report, with the count of features left out of it (as the command itself writes it).
    public func report(_ name: String, _ value: JSONValue, leftOut datasets: [Dataset], record: Bool = true) throws {
        try json(name, LeftOutNote.adding(to: value, datasets), record: record)
    }

    public func json(_ name: String, _ value: JSONValue, record: Bool = true) throws {
        try guarded(name, record: record) {
            let text = try JSONText.string(value, pretty: true) + "\n"
            try AtomicFileWriter.write(to: path(name)) { sink in try sink.write(text: text) }
        }
    }

    public func geojson(_ name: String, _ collection: FeatureCollection) throws {
        try guarded(name) { try GeoJSONFile.write(collection, to: path(name)) }
    }

    /// A GeoJSON FeatureCollection written one feature at a time, atomically: the same bytes
    /// as `geojson(_:_:)` of the same features.
    public func geojson(_ name: String, count: Int, record: Bool = true, onRows: ((Int) -> Void)? = nil, feature: (Int) throws -> Feature) throws {
        try guarded(name, record: record) {
            try AtomicFileWriter.write(to: path(name)) { sink in
                let writer = try FeatureCollectionWriter(sink: sink)
                for i in 0..<count {
                    try writer.write(try feature(i))
                    if (i + 1) % 4096 == 0 { onRows?(4096) }
                }
                try writer.finish()
                onRows?(count % 4096)
            }
        }
    }

    /// A GeoPackage (or any format GDAL writes, by extension) holding `layers`, lon/lat (EPSG:4326).
    public func vector(_ name: String, layers: [(name: String, collection: FeatureCollection)]) throws {
        try guarded(name) { try VectorOutput.write(layers: layers, to: path(name)) }
    }

    /// A GeoPackage of row layers, streamed (`VectorOutput.write(rows:)`).
    public func vector(
        _ name: String, rows layers: [VectorOutput.RowLayer], record: Bool = true, threads: Int = 1, progress: ((Int) -> Void)? = nil
    ) throws {
        try guarded(name, record: record) { try VectorOutput.write(rows: layers, to: path(name), threads: threads, progress: progress) }
    }

    /// Adds names to the list of written files (files written with `record: false`), in the order given.
    public func record(_ written: [String]) {
        lock.withLock { for name in written where !names.contains(name) { names.append(name) } }
    }

    private func guarded(_ name: String, record: Bool = true, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw ReportingError.cannotWrite(path: path(name), message: "\(error)")
        }
        if record { self.record([name]) }
    }
}

/// What `analyze` writes where, at any size (README "Main job", `analyze --help`):
///
/// - Per-feature tables (per-enterprise Gi*, cluster membership, per-mu rows, findings) are
///   always in CSV files (hotspots.csv, per_mu.csv, findings.csv; cluster_points.csv when the
///   points leave cluster.json) and in the layers of results.gpkg.
/// - The JSON reports (stats.json, cluster.json, hotspots.json, check.json) always carry their
///   summaries; a per-feature array is carried only while it has at most `rowLimit` rows.
///   Above, it is left out and the report's `per_feature_tables` names the CSV file and the
///   results.gpkg layer holding the rows (the idea of `--envelope auto`).
/// - A GeoJSON layer file (districts, parks, parcels, enterprises, findings) is written while
///   the layer has at most `rowLimit` features (web maps open no more); a larger layer is only
///   in results.gpkg, and summary.json's `outputs_at_scale` lists it.
/// Every file is written once, streamed row by row, atomically.
public enum AnalyzeOutputRule {
    /// 100,000 rows, the limit of `rowLimit` unless the environment sets another.
    public static let defaultRowLimit = 100_000

    /// The largest per-feature array kept in JSON and the largest GeoJSON layer file.
    /// `PARKATLAS_OUTPUT_ROW_LIMIT` (hidden, for tests on small synthetic cities) overrides it.
    public static var rowLimit: Int {
        if let text = ProcessInfo.processInfo.environment["PARKATLAS_OUTPUT_ROW_LIMIT"], let n = Int(text), n >= 0 { return n }
        return defaultRowLimit
    }
}

/// What the main job writes from its results: each analysis's JSON and CSV
/// tables (as the commands write them), the styled layers, the maps, the HTML
/// report and `summary.json`.
public struct AnalysisOutput {
    /// The dataset's name as the user gave it.
    public let name: String
    public let loaded: DatasetLoadResult
    public let results: FullAnalysis
    /// With a previous year: its name as given and the year-on-year results.
    public let yearOnYear: (previousName: String, result: YearOnYear)?

    public init(name: String, loaded: DatasetLoadResult, results: FullAnalysis, yearOnYear: (previousName: String, result: YearOnYear)?) {
        self.name = name
        self.loaded = loaded
        self.results = results
        self.yearOnYear = yearOnYear
    }

    public var data: Dataset { loaded.dataset }

    /// Every table and layer, each written once, streamed, atomically (`AnalyzeOutputRule`):
    /// stats, cluster, hotspots, agglomeration, check (JSON and CSV), the styled GeoJSON layers
    /// (those of at most `rowLimit` features), `results.gpkg` holding every layer (one file that
    /// opens in QGIS or ArcGIS), and with a previous year compare.json and evaluate.json.
    /// The files and their order in `files.written` are the same for any `threads`.
    /// - Parameters:
    ///   - rowLimit: `AnalyzeOutputRule.rowLimit`.
    ///   - progress: told of the rows written (from either thread), out of `rowsToWrite`.
    public func writeTables(
        to files: AnalysisOutputFolder, threads: Int = 1, rowLimit: Int = AnalyzeOutputRule.rowLimit,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws {
        let pending = try startTables(to: files, threads: threads, rowLimit: rowLimit, progress: progress, geoPackageProgress: progress)
        try pending.finish()
    }

    /// `writeTables` with results.gpkg still being written when it returns (with `threads` > 1):
    /// the GeoPackage, the longest file, is written on a worker thread while this thread writes
    /// the JSON, CSV and GeoJSON files and returns, so that the caller can draw the maps and the
    /// pages meanwhile. `finish()` waits for it (and throws its error); call it before
    /// summary.json. With one thread everything is written before this returns.
    /// - Parameters:
    ///   - progress: told of the rows of the JSON, CSV and GeoJSON files (`rowsToWrite(.files)`).
    ///   - geoPackageProgress: told of the GeoPackage rows (`rowsToWrite(.geoPackage)`), from the worker.
    public func startTables(
        to files: AnalysisOutputFolder, threads: Int = 1, rowLimit: Int = AnalyzeOutputRule.rowLimit,
        progress: (@Sendable (Int) -> Void)? = nil, geoPackageProgress: (@Sendable (Int) -> Void)? = nil
    ) throws -> PendingTables {
        let plan = OutputPlan(output: self, rowLimit: rowLimit)
        let pending = PendingTables()
        // The GDAL thread only reads the dataset and the results (values nobody changes meanwhile);
        // GDAL keeps its PROJ context per thread and frees it when the thread ends.
        let job = UncheckedJob {
            let started = DispatchTime.now().uptimeNanoseconds
            pending.error.catching { try plan.writeGeoPackage(to: files, threads: threads, progress: geoPackageProgress) }
            pending.writingSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        if threads > 1 {
            let worker = Thread {
                job.run()
                pending.done.signal()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        do {
            try plan.writeFiles(to: files, progress: progress)
            if threads <= 1 {
                job.run()
                pending.done.signal()
            }
        } catch {
            // A failed file: wait for the GeoPackage before reporting, so that nothing is still being written.
            if threads > 1 { pending.done.wait() }
            throw error
        }
        // Listed in the order of every earlier version, results.gpkg included (its error, if any, comes from finish()).
        files.record(plan.fileNames)
        if let (previousName, y) = yearOnYear {
            let compare = CompareRendering(oldName: previousName, newName: name, old: y.previous, new: data, comparison: y.comparison)
            try files.report("compare.json", compare.json(), leftOut: [y.previous, data])
            let evaluation = EvaluationReport(dataset: name, previous: previousName, cards: y.cards, policy: data.policy.featured)
            try files.report("evaluate.json", evaluation.json(), leftOut: [data, y.previous])
        }
        return pending
    }

    /// Which rows `rowsToWrite` counts.
    public enum TableRows: Sendable { case files, geoPackage, all }

    /// The rows `writeTables` reports through `progress`: the CSV and GeoJSON rows, the
    /// GeoPackage rows, or both.
    public func rowsToWrite(_ which: TableRows = .all, rowLimit: Int = AnalyzeOutputRule.rowLimit) -> Int {
        let plan = OutputPlan(output: self, rowLimit: rowLimit)
        switch which {
        case .files: return plan.fileRows
        case .geoPackage: return plan.geoPackageRows
        case .all: return plan.fileRows + plan.geoPackageRows
        }
    }

    /// What the outputs rule decided for this dataset, for summary.json: the layers only in
    /// results.gpkg and the per-feature arrays left out of the JSON reports (both empty for a
    /// city under the limit).
    public func scaleNote(rowLimit: Int = AnalyzeOutputRule.rowLimit) -> JSONValue? {
        OutputPlan(output: self, rowLimit: rowLimit).note
    }

    /// The four maps of the report as SVG documents (written as `map_<name>.svg` and embedded in the report).
    public func maps() throws -> [AnalyzeMaps.Map] {
        try AnalyzeMaps.render(results, data: data, name: name)
    }

    /// The self-contained HTML report, embedding `maps`.
    /// - Parameter atlas: `atlas()`, shared with `writeParkPages` (made here when not given).
    public func reportHTML(maps: [AnalyzeMaps.Map], atlas: AtlasPages? = nil) -> String {
        ReportPage(dataset: name, data: data, results: results, evaluation: yearOnYear, maps: maps, atlas: atlas).html()
    }

    /// The park pages' data (members per park, parcel index, findings per park), made once for
    /// the report's city sections and the pages: a pass over every enterprise, parcel and finding.
    public func atlas() -> AtlasPages {
        AtlasPages(data: data, results: results, yearOnYear: yearOnYear)
    }

    /// The park pages: parks/<id>.html for every park (sub-parks included), and the print
    /// atlas atlas.html (the city summary, then one park per printed page); each written atomically.
    /// - Parameter pageWritten: called after each park page (for a progress bar).
    public func writeParkPages(to files: AnalysisOutputFolder, atlas shared: AtlasPages? = nil, pageWritten: (() -> Void)? = nil) throws {
        let folder = files.path("parks")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportingError.cannotCreateFolder(path: folder, message: error.localizedDescription)
        }
        let atlas = shared ?? self.atlas()
        // One page at a time, on this thread: PROJ keeps a context per thread, and a worker
        // thread's would outlive the run (the handle check of the CLI tests counts it).
        var pages: [[String: Any]] = []
        let locators = try ParkMaps.Locators(data: data)
        for p in data.parks.indices {
            var page = try atlas.parkContext(p, printMap: true, locators: locators)
            try files.text(AtlasPages.file(data.parks[p].id), AtlasPages.library.render(page, withTemplate: "park") ?? "")
            // The atlas needs the printed map, not the page's: keep memory to one interactive map.
            page["mapSVG"] = nil
            page["locatorSVG"] = nil
            pages.append(page)
            pageWritten?()
        }
        try files.text("atlas.html", atlas.atlasPage(dataset: name, parks: pages))
    }

    /// `summary.json`: stable keys for scripts (see `AnalyzeSummary`).
    public func summary(files: [String], timings: [(step: String, seconds: Double)]) -> JSONValue {
        var summary = AnalyzeSummary(dataset: name, loaded: loaded, results: results, evaluation: yearOnYear, timings: timings)
        summary.outputsAtScale = scaleNote()
        return summary.json(files: files)
    }

    /// `summary.json` of a dataset with errors: counts and problems only, no analysis.
    public static func failedSummary(name: String, loaded: DatasetLoadResult, files: [String]) -> JSONValue {
        AnalyzeSummary(dataset: name, loaded: loaded).json(files: files)
    }
}

/// A block handed to one other thread and waited for: it only reads values nobody changes meanwhile.
private struct UncheckedJob: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// results.gpkg being written on a worker thread (`AnalysisOutput.startTables`).
public final class PendingTables: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    let error = ErrorBox()
    private var finished = false
    /// Seconds results.gpkg took to write, on its thread from start to end (set before `done` is
    /// signalled; read it after `finish()`): with a second thread the wait in `finish()` is only its tail.
    public internal(set) var writingSeconds: Double?

    /// Waits until results.gpkg is written; throws its error. Once only; later calls return at once.
    public func finish() throws {
        if !finished {
            done.wait()
            finished = true
        }
        if let error = error.error { throw error }
    }
}
