import ArgumentParser
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas check [DATASET]`: the layout-consolidation findings of
/// docs/analyses.md §4, as a readable report, stable JSON (docs/cli.md `check`) or CSV,
/// and with `--out FILE.geojson` a map of the findings styled by severity.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Layout-consolidation findings with a verdict per park.",
        discussion: """
            Thresholds come from the dataset's policy.json, or from --policy FILE: its `checks` section \
            (defaults for keys it leaves out) replaces the dataset's; a bad file exits 3 naming the file and \
            every problem. The dataset's own policy.json is still read and must be valid, and it alone sets the \
            coordinate datum (or --datum).

            Exit code 1 when a finding at or above --fail-on exists (default error; never = always 0 unless the \
            run fails).

            --out FILE.geojson writes one feature per finding (every field as a property, plus simplestyle keys: \
            error red, warning orange, info blue) and still prints the report; any other --out path receives the \
            report itself. Distances are planar metres in the local metric frame printed as `crs`; areas are \
            ellipsoidal (GRS80).

            The rules: docs/analyses.md §4 in the repository. Terms are explained in README.md#glossary in the \
            repository.
            """)

    /// The lowest severity that makes the exit code 1.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never

        var severity: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .never: nil
            }
        }
    }

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "A policy.json whose thresholds replace the dataset's.")
    var policy: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when findings at or above this exist: error, warning or never.")
    var failOn: FailOn = .error

    func run() throws {
        let thresholds = try policy.map(Self.readPolicy)?.checks
        let data = try dataset.load(quiet: output.quiet).dataset
        let report: CheckReport
        do {
            report = try LayoutChecks.run(dataset: data, thresholds: thresholds, threads: dataset.threads.resolved)
        } catch let error as AnalysisError {
            throw CommandFailure.badInput("\(dataset.dataset): \(error)")
        }
        let render = CheckRendering(dataset: dataset.dataset, report: report, districtNames: DistrictNames.of(data))
        if let path = output.out, path.lowercased().hasSuffix(".geojson") {
            do {
                try GeoJSONFile.write(render.featureCollection(), to: path)
            } catch {
                throw CommandFailure.badInput("cannot write \(path): \(error)")
            }
            var toStdout = output
            toStdout.out = nil
            try emit(render, options: toStdout, data: data)
        } else {
            try emit(render, options: output, data: data)
        }
        if let threshold = failOn.severity, report.hasFindings(atLeast: threshold) {
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }

    private func emit(_ render: CheckRendering, options: OutputOptions, data: Dataset) throws {
        try ReportOutput.emit(options, leftOut: [data], table: render.table, json: render.json, csv: render.csv)
    }

    /// Reads `--policy FILE`; every problem (unknown key, wrong type, impossible value) is exit 3 naming the file.
    static func readPolicy(_ path: String) throws -> Policy {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.badCommandLine("--policy \(path): no such file")
        }
        let json: JSONValue
        do {
            json = try JSONText.parse(contentsOfFile: path)
        } catch {
            throw CommandFailure.badInput("\(path): \(error)")
        }
        guard let object = json.objectValue else {
            throw CommandFailure.badInput("\(path): a policy file must hold a JSON object, found \(json.typeName)")
        }
        let (policy, errors) = Policy.decode(object)
        guard errors.isEmpty else {
            throw CommandFailure.badInput(
                "\(path): \(errors.count) problem\(errors.count == 1 ? "" : "s") in the policy file:\n"
                    + errors.map { "  \(path): \($0.key): \($0.reason)" }.joined(separator: "\n"))
        }
        return policy
    }
}
