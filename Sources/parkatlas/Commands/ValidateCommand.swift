import ArgumentParser
import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import LayoutModel
import PostgreSQL
import Reporting

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

    @Option(name: .long, help: "Write a repaired copy of the dataset into this folder, or into postgresql://…?schema=S (tables replaced in one transaction).")
    var fix: String?

    func run() throws {
        let result = try dataset.load(allowErrors: true, quiet: true, keepFeatures: fix != nil)
        if let fix { try writeRepaired(result, to: fix) }
        let report = ValidationReport(dataset: dataset.dataset, result: result)
        try ReportOutput.emit(output, leftOut: [result.dataset], table: report.table, json: report.json, csv: report.csv)
        if result.hasErrors { throw ExitCode(ExitStatus.badInput.rawValue) }
    }

    private func writeRepaired(_ result: DatasetLoadResult, to folder: String) throws {
        let source = DatabaseURIs.original(dataset.dataset)
        if PostgresURI.isURI(folder) {
            // Into a PostGIS schema: typed tables, keys, GiST indexes, ANALYZE, one transaction.
            let display = DatabaseURIs.register(folder)
            do {
                try PostGISWriter.writeDataset(result.repairedFiles, policyText: try policyText(of: source), to: folder)
            } catch {
                throw CommandFailure.badInput("cannot write the repaired dataset to \(display): \(error)")
            }
            return
        }
        if PostgresURI.isURI(source) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (file, collection) in result.repairedFiles {
                    try GeoJSONFile.write(collection, to: folder + "/" + file)
                }
                if let text = try policyText(of: source) {
                    try JSONText.write(try JSONText.parse(text), to: folder + "/" + DatasetFile.policy)
                }
            } catch {
                throw CommandFailure.badInput("cannot write the repaired dataset to \(folder): \(error)")
            }
            return
        }
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

    /// The policy JSON of a dataset folder (policy.json) or a PostGIS schema (table policy); nil when it has none.
    private func policyText(of source: String) throws -> String? {
        if PostgresURI.isURI(source) { return try PostGISDataset(uri: source).policyText() }
        let path = source + "/" + DatasetFile.policy
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return String(decoding: try GeoJSONFile.readBytes(path: path), as: UTF8.self)
    }
}
