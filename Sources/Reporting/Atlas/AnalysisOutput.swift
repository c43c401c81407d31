import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The folder the main job writes into: every file atomically, the names
/// remembered for `summary.json`.
public final class AnalysisOutputFolder {
    public let folder: String
    public private(set) var written: [String] = []

    public init(folder: String) { self.folder = folder }

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

    /// An analysis report, with the count of features left out of it (as the command itself writes it).
    public func report(_ name: String, _ value: JSONValue, leftOut datasets: [Dataset]) throws {
        try json(name, LeftOutNote.adding(to: value, datasets))
    }

    public func json(_ name: String, _ value: JSONValue) throws {
        try text(name, try JSONText.string(value, pretty: true) + "\n")
    }

    public func geojson(_ name: String, _ collection: FeatureCollection) throws {
        try guarded(name) { try GeoJSONFile.write(collection, to: path(name)) }
    }

    /// A GeoPackage (or any format GDAL writes, by extension) holding `layers`, lon/lat (EPSG:4326).
    public func vector(_ name: String, layers: [(name: String, collection: FeatureCollection)]) throws {
        try guarded(name) { try VectorOutput.write(layers: layers, to: path(name)) }
    }

    private func guarded(_ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw ReportingError.cannotWrite(path: path(name), message: "\(error)")
        }
        if !written.contains(name) { written.append(name) }
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

    /// Every table and layer: stats, cluster, hotspots, agglomeration, check (JSON and CSV),
    /// the styled GeoJSON layers, `results.gpkg` holding the same layers (one file that
    /// opens in QGIS or ArcGIS), and with a previous year compare.json and evaluate.json.
    public func writeTables(to files: AnalysisOutputFolder) throws {
        let r = results, data = data
        let stats = StatsRendering(dataset: name, report: r.stats, benefit: r.benefit)
        try files.report("stats.json", stats.json(), leftOut: [data])
        try files.csv("stats_classes.csv", stats.classCSV())
        try files.csv("per_mu.csv", stats.benefitCSV())
        try files.report("cluster.json", r.cluster.json(), leftOut: [data])
        if let h = r.hotspots {
            try files.report("hotspots.json", HotspotsReport.json(h, enterprises: data.enterprises), leftOut: [data])
            try files.csv("hotspots.csv", HotspotsReport.csv(h, enterprises: data.enterprises))
        }
        if let a = r.agglomeration {
            try files.report("agglomeration.json", AgglomerationReport.json(a, dataset: data), leftOut: [data])
            try files.csv("agglomeration.csv", AgglomerationReport.csv(a))
        }
        let check = CheckRendering(dataset: name, report: r.check, districtNames: DistrictNames.of(data))
        try files.report("check.json", check.json(), leftOut: [data])
        try files.csv("findings.csv", check.csv())
        let layers: [(name: String, collection: FeatureCollection)] = [
            ("districts", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.districts(data)]))),
            ("parks", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.parks(data)]))),
            ("parcels", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.parcels(data)]))),
            ("enterprises", EnterpriseAttributes.collection(data: data, results: r)),
            ("findings", check.featureCollection()),
        ]
        for layer in layers { try files.geojson("\(layer.name).geojson", layer.collection) }
        try files.vector("results.gpkg", layers: layers.filter { !$0.collection.features.isEmpty })
        if let (previousName, y) = yearOnYear {
            let compare = CompareRendering(oldName: previousName, newName: name, old: y.previous, new: data, comparison: y.comparison)
            try files.report("compare.json", compare.json(), leftOut: [y.previous, data])
            let evaluation = EvaluationReport(dataset: name, previous: previousName, cards: y.cards, policy: data.policy.featured)
            try files.report("evaluate.json", evaluation.json(), leftOut: [data, y.previous])
        }
    }

    /// The four maps of the report as SVG documents (written as `map_<name>.svg` and embedded in the report).
    public func maps() throws -> [AnalyzeMaps.Map] {
        try AnalyzeMaps.render(results, data: data, name: name)
    }

    /// The self-contained HTML report, embedding `maps`.
    public func reportHTML(maps: [AnalyzeMaps.Map]) -> String {
        ReportPage(dataset: name, data: data, results: results, evaluation: yearOnYear, maps: maps).html()
    }

    /// The park pages: parks/<id>.html for every park (sub-parks included), and the print
    /// atlas atlas.html (the city summary, then one park per printed page); each written atomically.
    public func writeParkPages(to files: AnalysisOutputFolder) throws {
        let folder = files.path("parks")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportingError.cannotCreateFolder(path: folder, message: error.localizedDescription)
        }
        let atlas = AtlasPages(data: data, results: results, yearOnYear: yearOnYear)
        // One page at a time, on this thread: PROJ keeps a context per thread, and a worker
        // thread's would outlive the run (the handle check of the CLI tests counts it).
        var pages: [[String: Any]] = []
        for p in data.parks.indices {
            var page = try atlas.parkContext(p, printMap: true)
            try files.text(AtlasPages.file(data.parks[p].id), AtlasPages.library.render(page, withTemplate: "park") ?? "")
            // The atlas needs the printed map, not the page's: keep memory to one interactive map.
            page["mapSVG"] = nil
            page["locatorSVG"] = nil
            pages.append(page)
        }
        try files.text("atlas.html", atlas.atlasPage(dataset: name, parks: pages))
    }

    /// `summary.json`: stable keys for scripts (see `AnalyzeSummary`).
    public func summary(files: [String], timings: [(step: String, seconds: Double)]) -> JSONValue {
        AnalyzeSummary(dataset: name, loaded: loaded, results: results, evaluation: yearOnYear, timings: timings).json(files: files)
    }

    /// `summary.json` of a dataset with errors: counts and problems only, no analysis.
    public static func failedSummary(name: String, loaded: DatasetLoadResult, files: [String]) -> JSONValue {
        AnalyzeSummary(dataset: name, loaded: loaded).json(files: files)
    }
}
