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

    func run() throws {
        let result = try dataset.load(allowErrors: true, quiet: true, keepFeatures: fix != nil)
        if let fix { try writeRepaired(result, to: fix) }
        let json: () -> JSONValue = {
            .object([
                "ok": .bool(!result.hasErrors),
                "dataset": .string(dataset.dataset),
                "errors": .integer(Int64(result.errorCount)),
                "warnings": .integer(Int64(result.warningCount)),
                "problems": .array(result.problems.map { .object($0.jsonObject) }),
            ])
        }
        // Every problem, one row each, as in the JSON.
        let csv: () -> String = {
            CSVText.table(
                header: ["severity", "file", "index", "id", "property", "reason"],
                rows: result.problems.map {
                    [$0.severity.rawValue, $0.file, $0.index.map(String.init) ?? "", $0.id ?? "", $0.property ?? "", $0.reason]
                })
        }
        try ReportOutput.emit(output, leftOut: [result.dataset], table: { table(result) }, json: json, csv: csv)
        if result.hasErrors { throw ExitCode(ExitStatus.badInput.rawValue) }
    }

    private func table(_ result: DatasetLoadResult) -> String {
        let d = result.dataset
        var out = "\(dataset.dataset): \(Plural.count(d.districts.count, "district")), \(Plural.count(d.parks.count, "park")), "
        out += "\(Plural.count(d.parcels.count, "parcel")), \(Plural.count(d.enterprises.count, "enterprise"))\n"
        if result.problems.isEmpty { return out + "OK: no problems\n" }
        var t = TextTable(headers: ["severity", "file", "index", "id", "property", "reason"])
        t.rightAligned = [2]
        // The same problem on many features is one row with the count (the JSON keeps every instance).
        for g in DatasetProblem.grouped(result.problems) {
            let p = g.first
            if g.count == 1 {
                t.rows.append([p.severity.rawValue, p.file, p.index.map(String.init) ?? "", p.id ?? "", p.property ?? "", p.reason])
            } else {
                t.rows.append([p.severity.rawValue, p.file, "", "", p.property ?? "", g.reason + " — " + g.featureCountText])
            }
        }
        out += t.render()
        out += "\(Plural.count(result.errorCount, "error")), \(Plural.count(result.warningCount, "warning"))\n"
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
