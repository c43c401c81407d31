import ArgumentParser
import Foundation
import LayoutIO
import LayoutModel
import Reporting
import PROJ

/// The DATASET argument: a dataset folder, `GeoData/mianyang` when left out (docs/cli.md).
struct DatasetArgument: ParsableArguments {
    /// The reference dataset, relative to the repository root.
    static let defaultDataset = "GeoData/mianyang"

    @Argument(help: "Dataset folder, or a GeoPackage (.gpkg) holding its layers.")
    var dataset: String = defaultDataset

    @OptionGroup var datum: DatumOption
    @OptionGroup var threads: ThreadsOption

    /// Loads the dataset; load failures and data errors become exit code 3 with every problem listed.
    /// - Parameters:
    ///   - layers: the optional layers the command uses (see `DatasetLoader.Options.layers`).
    ///   - keepFeatures: keep the features as read (`repairedFiles`), for commands that write
    ///     them back with every input property; others let the loader free them early.
    func load(allowErrors: Bool = false, quiet: Bool = false, layers: DatasetLayers = .all, keepFeatures: Bool = false) throws -> DatasetLoadResult {
        try Self.load(
            folder: dataset, datum: datum.datum, threads: threads.resolved, allowErrors: allowErrors, quiet: quiet,
            layers: layers, keepFeatures: keepFeatures)
    }

    /// Loads the dataset in `folder`; the one path every command (and `compare`'s two snapshots) takes.
    /// - Parameter datum: `--datum` when given; nil lets policy.json decide.
    static func load(
        folder: String, datum: Datum?, threads: Int, allowErrors: Bool = false, quiet: Bool = false,
        layers: DatasetLayers = .all, keepFeatures: Bool = false
    ) throws -> DatasetLoadResult {
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
