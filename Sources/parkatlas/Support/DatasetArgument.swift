import ArgumentParser
import Foundation
import LayoutIO

/// The DATASET argument: a dataset folder, `GeoData/mianyang` when left out (docs/cli.md).
struct DatasetArgument: ParsableArguments {
    @Argument(help: "Dataset folder.")
    var dataset: String = "GeoData/mianyang"

    @OptionGroup var datum: DatumOption
    @OptionGroup var threads: ThreadsOption

    /// Loads the dataset; load failures and data errors become exit code 3 with every problem listed.
    /// - Parameters:
    ///   - layers: the optional layers the command uses (see `DatasetLoader.Options.layers`).
    ///   - keepFeatures: keep the features as read (`repairedFiles`), for commands that write
    ///     them back with every input property; others let the loader free them early.
    func load(allowErrors: Bool = false, quiet: Bool = false, layers: DatasetLayers = .all, keepFeatures: Bool = false) throws -> DatasetLoadResult {
        let result: DatasetLoadResult
        do {
            let override = CommandLine.arguments.contains("--datum") ? datum.datum : nil
            result = try DatasetLoader.load(folder: dataset, options: .init(datum: override, threads: threads.resolved, layers: layers, keepsFeatures: keepFeatures))
        } catch let error as InputError {
            throw CommandFailure.badInput(error.description)
        }
        if result.hasErrors && !allowErrors {
            let lines = result.problems.filter { $0.severity == .error }.prefix(50).map { "  " + $0.description }
            var message = "\(dataset): \(result.errorCount) errors in the dataset (run `parkatlas validate \(dataset)` for all of them):\n"
            message += lines.joined(separator: "\n")
            throw CommandFailure.badInput(message)
        }
        if !quiet && result.warningCount > 0 {
            Console.warning("\(dataset): \(result.warningCount) warnings (see `parkatlas validate`)")
        }
        return result
    }
}
