import ArgumentParser
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas evaluate DATASET [--previous OLD]`: the featured-park scorecard
/// (docs/analyses.md §6 特色园区动态评估).
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Featured-park scorecard: keep, warn, withdraw or certify, with every criterion.",
        discussion: """
            Every park with a featured_status is scored against the policy's `featured` thresholds (defaults): \
            leading-industry output share ≥ 0.70 (output of the park's enterprises in its main + featured \
            industries ÷ its enterprises' output; an enterprise belongs to the smallest park covering it); \
            high-tech output share ≥ 0.25 (featured.high_tech_industries, default C27 C35 C37 C39 C40 C3841); \
            industrial building coefficient ≥ 0.30 (as in stats); and with --previous, revenue-per-mu growth ≥ \
            0.07: Σ output ÷ Σ land (亩) of the park's enterprises present in both years with land in both, this \
            year over last year, minus 1.

            A value at exactly the threshold passes; a value that cannot be formed (no output, no land) fails. \
            Verdicts: certified meeting all → keep; missing one → warning; missing two or more → \
            recommend_withdrawal; cultivating meeting all → recommend_certification, otherwise \
            continue_cultivating.

            JSON (--format json), stable keys:
              {"dataset", "previous" (null without --previous),
               "thresholds": {"leading_industry_share", "high_tech_share",
                              "high_tech_industries", "industrial_building_coefficient",
                              "revenue_per_mu_growth"},
               "summary": {"keep", "warning", "recommend_withdrawal",
                           "recommend_certification", "continue_cultivating"},
               "parks": [{"id", "name", "featured_status", "verdict", "verdict_zh",
                          "failed",
                          "criteria": [{"criterion", "name_zh", "name_en", "value",
                                        "threshold", "pass"}]}]}

            Definitions: docs/analyses.md §6 in the repository.
            """)

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "The previous year's dataset folder (adds revenue-per-mu growth).") var previous: String?

    func run() throws {
        let data = try dataset.load(quiet: output.quiet).dataset
        let before = try previous.map {
            try CompareCommand.load($0, datum: dataset.datum, threads: dataset.threads, quiet: output.quiet)
        }
        if let previous, let before {
            try SnapshotPlausibility.check(oldName: previous, old: before, newName: dataset.dataset, new: data, quiet: output.quiet)
        }
        let cards = try FeaturedParkEvaluation.evaluate(dataset: data, previous: before, threads: dataset.threads.resolved)
        let report = EvaluationReport(dataset: dataset.dataset, previous: previous, cards: cards, policy: data.policy.featured)
        try ReportOutput.emit(output, leftOut: [data] + (before.map { [$0] } ?? []), table: report.table, json: report.json, csv: report.csv)
    }
}
