import ArgumentParser
import Foundation
import LayoutIO
import LayoutModel
import Reporting
import PostgreSQL
import PROJ

/// The DATASET argument: a dataset folder, `GeoData/mianyang` when left out (docs/cli.md).
struct DatasetArgument: ParsableArguments {
    /// The reference dataset, relative to the repository root.
    static let defaultDataset = "GeoData/mianyang"

    @Argument(help: "Dataset folder, a GeoPackage (.gpkg) holding its layers, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME?schema=S.")
    var dataset: String = defaultDataset

    @OptionGroup var datum: DatumOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var database: DatabaseFilterOptions

    /// Keeps a password given in a PostgreSQL URI out of every message and report: from here on
    /// `dataset` is the URI with `***` for the password (see `DatabaseURIs`).
    mutating func validate() throws {
        dataset = DatabaseURIs.register(dataset)
        if !database.filter.isEmpty && !PostGISDataset.isURI(DatabaseURIs.original(dataset)) {
            throw ValidationError("--where and --bbox need a PostgreSQL dataset (postgresql://…?schema=S), not \(dataset)")
        }
    }

    /// Loads the dataset; load failures and data errors become exit code 3 with every problem listed.
    /// - Parameters:
    ///   - layers: the optional layers the command uses (see `DatasetLoader.Options.layers`).
    ///   - keepFeatures: keep the features as read (`repairedFiles`), for commands that write
    ///     them back with every input property; others let the loader free them early.
    func load(allowErrors: Bool = false, quiet: Bool = false, layers: DatasetLayers = .all, keepFeatures: Bool = false) throws -> DatasetLoadResult {
        try Self.load(
            folder: dataset, datum: datum.datum, threads: threads.resolved, allowErrors: allowErrors, quiet: quiet,
            layers: layers, keepFeatures: keepFeatures, filter: database.filter)
    }

    /// Loads the dataset in `folder`; the one path every command (and `compare`'s two snapshots) takes.
    /// - Parameter datum: `--datum` when given; nil lets policy.json decide.
    static func load(
        folder: String, datum: Datum?, threads: Int, allowErrors: Bool = false, quiet: Bool = false,
        layers: DatasetLayers = .all, keepFeatures: Bool = false, filter: DatasetFilter = DatasetFilter()
    ) throws -> DatasetLoadResult {
        let folder = DatabaseURIs.register(folder)
        if PostGISDataset.isURI(folder) {
            return try checked(loadDatabase(
                folder, options: .init(datum: datum, threads: threads, layers: layers, keepsFeatures: keepFeatures, filter: filter)),
                folder: folder, allowErrors: allowErrors, quiet: quiet)
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        // A GeoPackage file holding the dataset's layers is a dataset too (docs/import.md).
        let isPackage = exists && !isFolder.boolValue && GeoPackageDataset.isGeoPackage(folder)
        if !isPackage && (!exists || !isFolder.boolValue) {
            // A path on the command line that does not exist is a command-line error (2); a folder
            // that exists but is not a valid dataset is bad data (3).
            let what = FileManager.default.fileExists(atPath: folder) ? "is a file, not a dataset folder" : "no such folder"
            let hint = folder == defaultDataset
                ? " (no DATASET was given, and the default \(defaultDataset) is not in the current folder: give a dataset folder)"
                : ""
            throw CommandFailure.badCommandLine("\(folder): \(what)\(hint)")
        }
        let result: DatasetLoadResult
        do {
            result = try DatasetLoader.load(folder: folder, options: .init(datum: datum, threads: threads, layers: layers, keepsFeatures: keepFeatures))
        } catch let error as InputError {
            throw CommandFailure.badInput(error.description)
        }
        return try checked(result, folder: folder, allowErrors: allowErrors, quiet: quiet)
    }

    /// A PostGIS dataset: every failure to connect or read is bad input (exit 3), never a password in the message.
    static func loadDatabase(_ display: String, options: DatasetLoader.Options) throws -> DatasetLoadResult {
        do {
            return try DatasetLoader.load(folder: DatabaseURIs.original(display), options: options)
        } catch let error as PostgresError {
            throw CommandFailure.badInput(error.description)
        } catch let error as InputError {
            throw CommandFailure.badInput(error.description)
        }
    }

    /// Errors (unless allowed) become exit 3 listing them; warnings and left-out features are noted.
    static func checked(_ result: DatasetLoadResult, folder: String, allowErrors: Bool, quiet: Bool) throws -> DatasetLoadResult {
        if result.hasErrors && !allowErrors {
            let groups = DatasetProblem.grouped(result.problems.filter { $0.severity == .error })
            let lines = groups.prefix(50).map { "  " + $0.listing }
            var message = "\(folder): \(Plural.count(result.errorCount, "error")) in the dataset (run `parkatlas validate \(folder)` for all of them):\n"
            message += lines.joined(separator: "\n")
            throw CommandFailure.badInput(message)
        }
        if !quiet && result.warningCount > 0 {
            Console.warning("\(folder): \(Plural.count(result.warningCount, "warning")) (see `parkatlas validate`)")
        }
        if !quiet, !result.dataset.leftOut.isEmpty {
            Console.warning("\(folder): " + LeftOutNote.summary([result.dataset]))
        }
        return result
    }
}
