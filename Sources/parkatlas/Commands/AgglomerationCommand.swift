import ArgumentParser
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas agglomeration [DATASET]`: location quotients, Herfindahl indices,
/// Ellison–Glaeser γ and co-location quotients of industries over parks.
struct AgglomerationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agglomeration",
        abstract: "Industry agglomeration: LQ, HHI, Ellison–Glaeser γ, co-location quotients.",
        discussion: """
            Units are the parks (an enterprise belongs to the smallest park containing it, a sub-park before its \
            parent) plus one unit "outside" for enterprises in no park. Industries are GB/T 4754 codes cut to \
            --level: 2 = division (大类, e.g. C39), 3 = group (中类, C397), 4 = class (小类, C3974); a code coarser \
            than the level counts under itself.

            The measure e is employees (default), output (output_wan) or count; an enterprise lacking it is \
            excluded from LQ, HHI and γ and counted. HHI of an industry is normalised with N = number of units \
            (all parks + outside); a park's mix HHI with N = number of industries.

            Co-location quotients (Leslie & Kronenfeld 2011) use every located enterprise (they count points), \
            nearest neighbours in the metric CRS, tied neighbours sharing the count. With --permutations N, \
            labels are shuffled N times (seeded by --seed) and p is one-sided for attraction: p = (#{perm CLQ ≥ \
            observed} + 1)/(N + 1).

            Definitions: docs/analyses.md §3 in the repository. Terms are explained in README.md#glossary in the \
            repository.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, parsing: .unconditional, help: "Industry level: 2 division, 3 group, 4 class.")
    var level: Int = 2

    @Option(name: .long, help: "Measure of an enterprise's weight: employees, output (output_wan), tax (tax_wan) or count.")
    var measure: AgglomerationMeasure = .employees

    @Option(name: .long, parsing: .unconditional, help: "Label permutations for the co-location p-values (0 = none).")
    var permutations: Int = 0

    @Option(name: .long, parsing: .unconditional, help: "Seed of the permutations.")
    var seed: UInt64 = 0

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if ![2, 3, 4].contains(level) { throw ValidationError("--level must be 2, 3 or 4") }
        if !(0...99_999).contains(permutations) { throw ValidationError("--permutations must be ≥ 0 (at most 99,999)") }
    }

    func run() throws {
        let data = try dataset.load(quiet: output.quiet, layers: [.enterprises]).dataset
        guard data.hasEnterprises, !data.enterprises.isEmpty else {
            throw CommandFailure.badInput("\(dataset.dataset): no enterprises to analyse (enterprises.geojson missing or empty)")
        }
        guard let extent = data.boundingBox else { throw CommandFailure.badInput("\(dataset.dataset): empty dataset") }
        let analysis: AgglomerationAnalysis
        do {
            analysis = try AgglomerationAnalysis(
                dataset: data, frame: try MetricFrame(extent: extent), level: IndustryLevel(rawValue: level)!, measure: measure,
                permutations: permutations, seed: seed, threads: dataset.threads.resolved)
        } catch let error as AnalysisError {
            throw CommandFailure.badInput(error.description)
        }
        try ReportOutput.emit(
            output, leftOut: [data], table: { AgglomerationReport.table(analysis, dataset: data) },
            json: { AgglomerationReport.json(analysis, dataset: data) }, csv: { AgglomerationReport.csv(analysis) })
    }
}

extension AgglomerationMeasure: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
