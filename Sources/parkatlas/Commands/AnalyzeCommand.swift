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

/// `parkatlas analyze [DATASET] --out DIR [--previous OLD] [--db URI]`: the main job. Runs every
/// analysis once, in process, and writes a self-contained HTML report, GeoJSON
/// layers, CSV tables and a stable `summary.json` into DIR, and/or every result
/// table into a PostGIS schema (`--db`). With `--db` alone nothing is written to
/// disk: a run per city on a shared database needs no local folder (docs/postgis.md).
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
            findings.geojson, results.gpkg (all five layers), map_*.svg, parks/<id>.html (a page per park), and with --previous \
            compare.json and evaluate.json.

            At scale (each file written once, streamed): per-feature tables (per-enterprise Gi*, cluster membership, per-mu \
            rows, findings) are always in CSV files and in results.gpkg. The JSON reports carry a per-feature array only \
            while it has at most \(AnalyzeOutputRule.defaultRowLimit) rows; above, it is left out and the report's \
            per_feature_tables names the CSV file and GeoPackage layer holding it (cluster points then go to \
            cluster_points.csv). A GeoJSON layer file is written while the layer has at most \(AnalyzeOutputRule.defaultRowLimit) \
            features; larger layers are only in results.gpkg. summary.json lists both in outputs_at_scale and cuts its \
            lists at 1000 entries (see truncated), so it stays small at any size.

            Progress goes to stderr when it is a terminal: per step a line redrawn in place, a bar (percentage, \
            done/total, elapsed seconds) where the step counts its work, then the step's time.

            Exit 3 when the dataset has errors: validation.json and summary.json are still written (so the \
            problems can be read), no analysis is run and no report.html is written. Findings do not change the \
            exit code (use --fail-on of the check command).

            With --db, every result table and a runs row also go into that PostGIS schema in one \
            transaction (docs/postgis.md). --db without --out writes nothing to disk: the results are in the \
            database only (a dataset with errors then exits 3 listing them, and no run is written); the maps, \
            report.html and park pages are not made.

            The report's glossary and README.md#glossary in the repository explain its terms.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, help: "Output folder (created if missing); may be left out with --db.")
    var out: String?

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

    /// `--envelope` as the library's method; `validate()` has rejected any other value.
    private var envelopeMethod: EnvelopeMethod { EnvelopeMethod(rawValue: envelope) ?? .auto }

    mutating func validate() throws {
        if let db, !PostgresURI.isURI(db) { throw ValidationError("--db must be a postgresql:// URI, not \(db)") }
        if EnvelopeMethod(rawValue: envelope) == nil { throw ValidationError("--envelope must be simulation, analytic or auto") }
        if out == nil && db == nil { throw ValidationError("give --out DIR, --db postgresql://…?schema=R, or both") }
    }

    func run() throws {
        let started = Date()
        let progress = StepProgress(enabled: Console.stderrIsTerminal && !quiet)
        let threads = dataset.threads.resolved
        let name = dataset.dataset
        guard let out else {
            try runIntoDatabaseOnly(started: started, progress: progress)
            return
        }
        let files = AnalysisOutputFolder(folder: out)

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
            results = try FullAnalysis.run(dataset: data, threads: threads, envelope: envelopeMethod, observer: progress)
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
        try reporting { try writeFolder(output, into: files, progress: progress, threads: threads, timings: timings) }
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

    /// Every file of DIR after the analyses: the tables, the maps, report.html, the park pages and
    /// summary.json. results.gpkg goes on being written on a worker thread (with --threads > 1)
    /// while the maps and pages are made; summary.json waits for it.
    private func writeFolder(
        _ output: AnalysisOutput, into files: AnalysisOutputFolder, progress: StepProgress, threads: Int,
        timings: [(step: String, seconds: Double)]
    ) throws {
        let gpkgRows = output.rowsToWrite(.geoPackage)
        let gpkgCounter = RowCounter()
        let overlapped = threads > 1
        let count: (@Sendable (Int) -> Void)? = progress.counter
        var countGeoPackage: (@Sendable (Int) -> Void)? = count
        if overlapped && count != nil {
            let intoCounter: @Sendable (Int) -> Void = { n in gpkgCounter.add(n) }
            countGeoPackage = intoCounter
        }
        let tableRows = output.rowsToWrite(overlapped ? .files : .all)
        let pending: PendingTables = try progress.step("write tables", total: tableRows, unit: .rows) {
            try output.startTables(to: files, threads: threads, progress: count, geoPackageProgress: countGeoPackage)
        }
        do {
            let maps = try progress.step("maps") { try output.maps() }
            for map in maps { try files.text("map_\(map.name).svg", map.svg) }
            // One atlas for the report's city sections and the park pages.
            let atlas = try progress.step("report.html") {
                let atlas = output.atlas()
                try files.text("report.html", output.reportHTML(maps: maps, atlas: atlas))
                return atlas
            }
            let pageWritten: (() -> Void)? = count.map { add in { add(1) } }
            try progress.step("park pages", total: output.data.parks.count, unit: .pages) {
                try output.writeParkPages(to: files, atlas: atlas, pageWritten: pageWritten)
            }
        } catch {
            // Not before results.gpkg is finished (or removed): nothing is left half written.
            try? pending.finish()
            throw error
        }
        if overlapped {
            let poll: @Sendable () -> Int = { gpkgCounter.value }
            try progress.step("results.gpkg", total: gpkgRows, unit: .rows, poll: poll) { try pending.finish() }
            // The step above is the wait for its end; it was written beside the maps and pages.
            if let seconds = pending.writingSeconds {
                progress.note(String(format: "results.gpkg written on its own thread in %.2f s", seconds))
            }
        } else {
            try pending.finish()
        }
        try files.json("summary.json", output.summary(files: files.written + ["summary.json"], timings: timings))
    }

    /// `--db` without `--out`: the analyses and the run into the database, nothing on disk.
    private func runIntoDatabaseOnly(started: Date, progress: StepProgress) throws {
        guard let db else { return }
        let name = dataset.dataset
        // Errors exit 3 listing them (there is no validation.json to point to).
        let loaded = try progress.step("validate") { try dataset.load(quiet: true) }
        let results: FullAnalysis
        do {
            results = try FullAnalysis.run(dataset: loaded.dataset, threads: dataset.threads.resolved, envelope: envelopeMethod, observer: progress)
        } catch let error as AnalysisError {
            throw CommandFailure.badInput("\(name): \(error)")
        }
        var yearOnYear: (previousName: String, result: YearOnYear)?
        if let previous {
            yearOnYear = try progress.step("compare + evaluate") {
                let old = try CompareCommand.load(previous, datum: dataset.datum, threads: dataset.threads, quiet: true)
                try SnapshotPlausibility.check(oldName: previous, old: old, newName: name, new: loaded.dataset, quiet: quiet)
                return (previous, try YearOnYear.run(current: loaded.dataset, previous: old, threads: dataset.threads.resolved))
            }
        }
        let output = AnalysisOutput(name: name, loaded: loaded, results: results, yearOnYear: yearOnYear)
        try progress.step("database") { try writeRun(output, to: db, started: started) }
        progress.finish("results in \(DatabaseURIs.register(db))")
    }

    /// The run into `--db`: all result tables and the runs row in one transaction (`AnalysisDatabase`).
    private func writeRun(_ output: AnalysisOutput, to db: String, started: Date) throws {
        let display = DatabaseURIs.register(db)
        var parameters: JSONObject = ["threads": .integer(Int64(dataset.threads.resolved))]
        parameters["envelope"] = .string(envelopeMethod.rawValue)
        if let out { parameters["out"] = .string(out) }
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
