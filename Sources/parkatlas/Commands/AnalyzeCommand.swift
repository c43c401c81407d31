import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// `parkatlas analyze [DATASET] --out DIR [--previous OLD]`: the main job. Runs every
/// analysis once, in process, and writes a self-contained HTML report, GeoJSON
/// layers, CSV tables and a stable `summary.json` into DIR.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: every analysis at once, written as an HTML report, GeoJSON, CSV and summary.json.",
        discussion: """
            Runs validate, stats (level 2, with the per-mu table), cluster (DBSCAN per industry division, eps \
            500 m, min_points 5, 99 CSR simulations, seed 1), hotspots (Gi* of output_wan, band 1000 m), \
            agglomeration (divisions, employees) and check; with --previous also compare and evaluate.

            Writes into DIR, every file atomically: report.html (no network resources), summary.json, \
            validation.json, stats.json, stats_classes.csv, per_mu.csv, cluster.json, hotspots.json, \
            hotspots.csv, agglomeration.json, agglomeration.csv, check.json, findings.csv, districts.geojson, \
            parks.geojson, parcels.geojson, enterprises.geojson (with cluster and Gi* attributes), \
            findings.geojson, map_*.svg, and with --previous compare.json and evaluate.json. Progress (one line \
            per step with its time) goes to stderr when it is a terminal.

            Exit 3 when the dataset has errors: validation.json and summary.json are still written (so the \
            problems can be read), no analysis is run and no report.html is written. Findings do not change the \
            exit code (use --fail-on of the check command).

            The report's glossary and README.md#glossary in the repository explain its terms.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String

    @Option(name: .long, help: "The previous year's dataset folder (adds compare and evaluate).")
    var previous: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let progress = StepProgress(enabled: Console.stderrIsTerminal && !quiet)
        let files = AnalyzeFiles(folder: out)
        let threads = dataset.threads.resolved
        let name = dataset.dataset

        // Loaded before the folder is made: a wrong dataset path leaves no empty folder behind.
        let loaded = try progress.step("validate") { try dataset.load(allowErrors: true, quiet: true) }
        try files.createFolder()
        try files.json("validation.json", .object([
            "ok": .bool(!loaded.hasErrors), "dataset": .string(name),
            "errors": .integer(Int64(loaded.errorCount)), "warnings": .integer(Int64(loaded.warningCount)),
            "problems": .array(loaded.problems.map { .object($0.jsonObject) }),
        ]))
        if loaded.hasErrors {
            let summary = AnalyzeSummary(dataset: name, loaded: loaded)
            try files.json("summary.json", summary.json(files: files.written + ["summary.json"]))
            throw CommandFailure.badInput("\(name): \(Plural.count(loaded.errorCount, "error")) in the dataset; see \(files.path("validation.json"))")
        }
        let data = loaded.dataset
        guard let extent = data.boundingBox else { throw CommandFailure.badInput("\(name): empty dataset") }
        let results: AnalyzeResults
        do {
            results = try AnalyzeRunner(data: data, extent: extent, threads: threads, progress: progress).run()
        } catch let error as AnalysisError {
            throw CommandFailure.badInput("\(name): \(error)")
        }
        var evaluation: AnalyzeEvaluation?
        if let previous {
            evaluation = try progress.step("compare + evaluate") {
                try AnalyzeEvaluation.run(current: data, currentName: name, previousName: previous, dataset: dataset, quiet: quiet)
            }
        }
        try progress.step("write tables") { try writeTables(results, evaluation: evaluation, data: data, files: files) }
        let maps = try progress.step("maps") { try AnalyzeMaps.render(results, data: data, name: name) }
        for map in maps { try files.text("map_\(map.name).svg", map.svg) }
        try progress.step("report.html") {
            let html = ReportPage(dataset: name, data: data, results: results, evaluation: evaluation, maps: maps).html()
            try files.text("report.html", html)
        }
        let summary = AnalyzeSummary(dataset: name, loaded: loaded, results: results, evaluation: evaluation)
        try files.json("summary.json", summary.json(files: files.written + ["summary.json"]))
        progress.finish("\(files.written.count) files in \(out)")
        if !quiet && !Console.stderrIsTerminal {
            // Not a terminal: one line for logs.
            print("\(out): \(files.written.count) files (report.html, summary.json, …)")
        } else if !quiet {
            print("\(out)/report.html")
        }
    }

    private func writeTables(_ r: AnalyzeResults, evaluation: AnalyzeEvaluation?, data: Dataset, files: AnalyzeFiles) throws {
        let stats = StatsRendering(dataset: dataset.dataset, report: r.stats, benefit: r.benefit)
        try files.report("stats.json", data, stats.json())
        try files.csv("stats_classes.csv", stats.classCSV())
        try files.csv("per_mu.csv", stats.benefitCSV())
        try files.report("cluster.json", data, r.cluster.json())
        if let h = r.hotspots {
            try files.report("hotspots.json", data, HotspotsReport.json(h, enterprises: data.enterprises))
            try files.csv("hotspots.csv", HotspotsReport.csv(h, enterprises: data.enterprises))
        }
        if let a = r.agglomeration {
            try files.report("agglomeration.json", data, AgglomerationReport.json(a, dataset: data))
            try files.csv("agglomeration.csv", AgglomerationReport.csv(a))
        }
        let check = CheckRendering(dataset: dataset.dataset, report: r.check, districtNames: DistrictNames.of(data))
        try files.report("check.json", data, check.json())
        try files.csv("findings.csv", check.csv())
        try files.geojson("findings.geojson", check.featureCollection())
        try files.geojson("districts.geojson", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.districts(data)])))
        try files.geojson("parks.geojson", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.parks(data)])))
        try files.geojson("parcels.geojson", FeatureCollection(features: GeoJSONExport.features(for: [BaseLayers.parcels(data)])))
        try files.geojson("enterprises.geojson", EnterpriseAttributes.collection(data: data, results: r))
        if let evaluation {
            try files.report("compare.json", evaluation.previous, evaluation.compareJSON, data)
            try files.report("evaluate.json", data, evaluation.evaluateJSON, evaluation.previous)
        }
    }
}

/// Where `analyze` writes: every file atomically, the names remembered for summary.json.
final class AnalyzeFiles {
    let folder: String
    private(set) var written: [String] = []

    init(folder: String) { self.folder = folder }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    func createFolder() throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.badInput("cannot create \(folder): \(error.localizedDescription)")
        }
    }

    func text(_ name: String, _ text: String) throws {
        try guarded(name) { try AtomicFileWriter.write(to: path(name)) { sink in try sink.write(text: text) } }
    }

    /// A CSV file, starting with the UTF-8 byte order mark (see `CSVText.byteOrderMark`).
    func csv(_ name: String, _ table: String) throws {
        try text(name, CSVText.byteOrderMark + table)
    }

    /// An analysis report, with the count of features left out of it (as the command itself writes it).
    func report(_ name: String, _ data: Dataset, _ value: JSONValue, _ more: Dataset...) throws {
        try json(name, LeftOutNote.adding(to: value, [data] + more))
    }

    func json(_ name: String, _ value: JSONValue) throws {
        try text(name, try JSONText.string(value, pretty: true) + "\n")
    }

    func geojson(_ name: String, _ collection: FeatureCollection) throws {
        try guarded(name) { try GeoJSONFile.write(collection, to: path(name)) }
    }

    private func guarded(_ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw CommandFailure.badInput("cannot write \(path(name)): \(error)")
        }
        if !written.contains(name) { written.append(name) }
    }
}
