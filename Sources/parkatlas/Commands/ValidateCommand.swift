import ArgumentParser
import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import LayoutModel

/// `parkatlas validate [DATASET]`: every schema and geometry problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Report every schema and geometry problem of a dataset at once.",
        discussion: """
            Exit code 3 when any error is found (warnings alone exit 0).

            With --fix OUT, a copy of the dataset with repaired geometry (repeated vertices removed, invalid \
            polygons made valid, rings oriented per RFC 7946) and every property kept is written to OUT.

            The dataset format: docs/dataset.md and GeoData/README.md in the repository.
            """)

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Write a repaired copy of the dataset into this folder.")
    var fix: String?

    func validate() throws {
        if output.format == .csv { throw ValidationError("validate prints table or json") }
    }

    func run() throws {
        let result = try dataset.load(allowErrors: true, quiet: true, keepFeatures: fix != nil)
        if let fix { try writeRepaired(result, to: fix) }
        switch output.format {
        case .json:
            let json: JSONValue = .object([
                "ok": .bool(!result.hasErrors),
                "dataset": .string(dataset.dataset),
                "errors": .integer(Int64(result.errorCount)),
                "warnings": .integer(Int64(result.warningCount)),
                "problems": .array(result.problems.map { .object($0.jsonObject) }),
            ])
            try ReportOutput.emit(json: json, options: output)
        default:
            try ReportOutput.emit(table(result), options: output)
        }
        if result.hasErrors { throw ExitCode(ExitStatus.badInput.rawValue) }
    }

    private func table(_ result: DatasetLoadResult) -> String {
        let d = result.dataset
        var out = "\(dataset.dataset): \(d.districts.count) districts, \(d.parks.count) parks, "
        out += "\(d.parcels.count) parcels, \(d.enterprises.count) enterprises\n"
        if result.problems.isEmpty { return out + "OK: no problems\n" }
        var t = TextTable(headers: ["severity", "file", "index", "id", "property", "reason"])
        t.rightAligned = [2]
        for p in result.problems {
            t.rows.append([p.severity.rawValue, p.file, p.index.map(String.init) ?? "", p.id ?? "", p.property ?? "", p.reason])
        }
        out += t.render()
        out += "\(result.errorCount) errors, \(result.warningCount) warnings\n"
        return out
    }

    private func writeRepaired(_ result: DatasetLoadResult, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (file, collection) in result.repairedFiles {
                try GeoJSONFile.write(collection, to: folder + "/" + file)
            }
            let policy = dataset.dataset + "/" + DatasetFile.policy
            if FileManager.default.fileExists(atPath: policy) {
                let bytes = try GeoJSONFile.readBytes(path: policy)
                try AtomicFileWriter.write(to: folder + "/" + DatasetFile.policy) { sink in
                    try sink.write(text: String(decoding: bytes, as: UTF8.self))
                }
            }
        } catch {
            throw CommandFailure.badInput("cannot write the repaired dataset to \(folder): \(error)")
        }
    }
}
