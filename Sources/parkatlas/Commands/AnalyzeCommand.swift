import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import PostgreSQL
import Reporting

/// `parkatlas analyze [DATASET] --out DIR [--previous OLD]`: the main job. Runs every
/// analysis once, in process, and writes a self-contained HTML report, GeoJSON
/// layers, CSV tables and a stable `summary.json` into DIR.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: every analysis at once, written as an HTML report, GeoJSON, CSV and summary.json.",
        discussion: """
            Runs validate, stats (level 2, with the per-mu table), cluster (DBSCAN per industry division, eps \
            500 m, min_points 5; K envelope from 99 CSR simulations, seed 1, for groups of up to \
            \(EnvelopeMethod.autoThreshold) enterprises and analytic above: --envelope auto, the default), hotspots (Gi* of output_wan, band 1000 m), \
            agglomeration (divisions, employees) and check; with --previous also compare and evaluate.

            Writes into DIR, every file atomically: report.html (no network resources), summary.json, \
            validation.json, stats.json, stats_classes.csv, per_mu.csv, cluster.json, hotspots.json, \
            hotspots.csv, agglomeration.json, agglomeration.csv, check.json, findings.csv, districts.geojson, \
            parks.geojson, parcels.geojson, enterprises.geojson (with cluster and Gi* attributes), \
            findings.geojson, map_*.svg, parks/<id>.html (a page per park), and with --previous compare.json and evaluate.json. Progress (one line \
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

    @Option(name: .long, help: ArgumentHelp(
        "Also write every result table, with run_id, and a runs row into this PostGIS schema, in one transaction.",
        valueName: "postgresql://…?schema=R"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "CSR envelope of Ripley's K: simulation (99 patterns), analytic (exact CSR variance, normal band) or auto "
            + "(simulation up to \(EnvelopeMethod.autoThreshold) points in a group, analytic above).",
        valueName: "simulation|analytic|auto"))
    var envelope: String = "auto"

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    mutating func validate() throws {
        if let db, !PostgresURI.isURI(db) { throw ValidationError("--db must be a postgresql:// URI, not \(db)") }
        if EnvelopeMethod(rawValue: envelope) == nil { throw ValidationError("--envelope must be simulation, analytic or auto") }
    }

    func run() throws {
        let started = Date()
        let progress = StepProgress(enabled: Console.stderrIsTerminal && !quiet)
        let files = AnalysisOutputFolder(folder: out)
        let threads = dataset.threads.resolved
        let name = dataset.dataset

        // Loaded before the folder is made: a wrong dataset path leaves no empty folder behind.
        let loaded = try progress.step("validate") { try dataset.load(allowErrors: true, quiet: true) }
        try reporting {
            try files.create()
            try files.json("validation.json", ValidationReport(dataset: name, result: loaded).json())
        }
        if loaded.hasErrors {
            try reporting { try files.json("summary.json", AnalysisOutput.failedSummary(name: name, loaded: loaded, files: files.written + ["summary.json"])) }
            throw CommandFailure.badInput("\(name): \(Plural.count(loaded.errorCount, "error")) in the dataset; see \(files.path("validation.json"))")
        }
        let data = loaded.dataset
        let results: FullAnalysis
        do {
            results = try FullAnalysis.run(dataset: data, threads: threads, envelope: EnvelopeMethod(rawValue: envelope)!, observer: progress)
        } catch let error as AnalysisError {
            throw CommandFailure.badInput("\(name): \(error)")
        }
        // summary.json's timings_s: loading and the analyses (writing is timed on the terminal only).
        let timings = progress.timings
        var yearOnYear: (previousName: String, result: YearOnYear)?
        if let previous {
            yearOnYear = try progress.step("compare + evaluate") {
                let old = try CompareCommand.load(previous, datum: dataset.datum, threads: dataset.threads, quiet: true)
                try SnapshotPlausibility.check(oldName: previous, old: old, newName: name, new: data, quiet: quiet)
                return (previous, try YearOnYear.run(current: data, previous: old, threads: threads))
            }
        }
        let output = AnalysisOutput(name: name, loaded: loaded, results: results, yearOnYear: yearOnYear)
        try reporting {
            try progress.step("write tables") { try output.writeTables(to: files) }
            let maps = try progress.step("maps") { try output.maps() }
            for map in maps { try files.text("map_\(map.name).svg", map.svg) }
            try progress.step("report.html") { try files.text("report.html", output.reportHTML(maps: maps)) }
            try progress.step("park pages") { try output.writeParkPages(to: files) }
            try files.json("summary.json", output.summary(files: files.written + ["summary.json"], timings: timings))
        }
        if let db {
            try progress.step("database") { try writeRun(output, to: db, started: started) }
        }
        progress.finish("\(files.written.count) files in \(out)")
        if !quiet && !Console.stderrIsTerminal {
            // Not a terminal: one line for logs.
            print("\(out): \(files.written.count) files (report.html, summary.json, …)")
        } else if !quiet {
            print("\(out)/report.html")
        }
    }

    /// The run into `--db`: all result tables and the runs row in one transaction (`AnalysisDatabase`).
    private func writeRun(_ output: AnalysisOutput, to db: String, started: Date) throws {
        let display = DatabaseURIs.register(db)
        var parameters: JSONObject = ["threads": .integer(Int64(dataset.threads.resolved)), "out": .string(out)]
        if let previous { parameters["previous"] = .string(DatabaseURIs.register(previous)) }
        if let whereSQL = dataset.database.whereSQL { parameters["where"] = .string(whereSQL) }
        if let bbox = dataset.database.bbox { parameters["bbox"] = .string(bbox) }
        // Test hook: hold the transaction open before COMMIT (to kill the process there).
        let delay = ProcessInfo.processInfo.environment["PARKATLAS_TEST_DB_COMMIT_DELAY"].flatMap(Double.init)
        do {
            let runID = try AnalysisDatabase.write(
                output, to: db, started: started, toolkitVersion: ParkAtlasCommand.configuration.version, parameters: parameters,
                beforeCommit: delay.map { seconds in { Thread.sleep(forTimeInterval: seconds) } })
            if !quiet { FileHandle.standardError.write(Data("parkatlas: \(display): results written as run \(runID)\n".utf8)) }
        } catch {
            throw CommandFailure.badInput("cannot write the results to \(display): \(error)")
        }
    }

    /// Writing failures are about the output the user named: reported with the file, exit 3.
    private func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ReportingError {
            throw CommandFailure.badInput(error.description)
        }
    }
}
