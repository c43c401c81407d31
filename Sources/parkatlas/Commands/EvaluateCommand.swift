import ArgumentParser
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

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
        let policy = data.policy.featured
        try ReportOutput.emit(
            output, leftOut: [data] + (before.map { [$0] } ?? []), table: { table(cards, policy: policy) },
            json: { json(cards, policy: policy) }, csv: { csv(cards) })
    }

    func json(_ cards: [FeaturedParkEvaluation.Scorecard], policy: FeaturedParkPolicy) -> JSONValue {
        var summary = JSONObject()
        for verdict in FeaturedParkEvaluation.Verdict.allCases {
            summary[verdict.rawValue] = .integer(Int64(cards.filter { $0.verdict == verdict }.count))
        }
        return .object([
            "dataset": .string(dataset.dataset),
            "previous": previous.map(JSONValue.string) ?? .null,
            "thresholds": .object([
                "leading_industry_share": .double(policy.leadingIndustryShare),
                "high_tech_share": .double(policy.highTechShare),
                "high_tech_industries": .array(policy.highTechIndustries.map { .string($0.value) }),
                "industrial_building_coefficient": .double(policy.buildingCoefficient),
                "revenue_per_mu_growth": .double(policy.revenuePerMuGrowth),
            ]),
            "summary": .object(summary),
            "parks": .array(cards.map { card in
                .object([
                    "id": .string(card.id), "name": .string(card.name), "featured_status": .string(card.status.rawValue),
                    "verdict": .string(card.verdict.rawValue), "verdict_zh": .string(card.verdict.nameZh),
                    "failed": .integer(Int64(card.failures)),
                    "criteria": .array(card.criteria.map { c in
                        .object(["criterion": .string(c.key.rawValue), "name_zh": .string(c.key.nameZh), "name_en": .string(c.key.nameEn),
                                 "value": StatsRendering.number(c.value), "threshold": .double(c.threshold), "pass": .bool(c.passed)])
                    }),
                ])
            }),
        ])
    }

    /// CSV: one row per park and criterion, with the park's verdict on each row.
    func csv(_ cards: [FeaturedParkEvaluation.Scorecard]) -> String {
        var rows: [[String]] = []
        for card in cards {
            for c in card.criteria {
                rows.append([card.id, card.name, card.status.rawValue, card.verdict.rawValue, card.verdict.nameZh, c.key.rawValue,
                             c.key.nameZh, CSVText.number(c.value), CSVText.number(c.threshold), c.passed ? "true" : "false"])
            }
        }
        return CSVText.table(
            header: ["park", "name", "featured_status", "verdict", "verdict_zh", "criterion", "criterion_zh", "value", "threshold", "pass"],
            rows: rows)
    }

    func table(_ cards: [FeaturedParkEvaluation.Scorecard], policy: FeaturedParkPolicy) -> String {
        var out = "Featured-park evaluation 特色园区动态评估: \(dataset.dataset)"
        out += previous.map { " (previous 上年: \($0))\n" } ?? " (no --previous: revenue-per-mu growth not assessed)\n"
        out += "High-tech industries 高新技术产业: " + policy.highTechIndustries.map(\.value).joined(separator: " ") + "\n\n"
        if cards.isEmpty { return out + "No park has a featured_status.\n" }
        for card in cards {
            out += "\(card.id) \(card.name) [\(card.status.nameZh) \(card.status.rawValue)] → "
            out += "\(card.verdict.nameZh) \(card.verdict.rawValue) (\(Plural.count(card.failures, "criterion", "criteria")) not met)\n"
            var t = TextTable(headers: ["criterion 指标", "value", "threshold", "result"])
            t.rightAligned = [1, 2]
            for c in card.criteria {
                let percent = c.key == .revenuePerMuGrowth
                let text = { (v: Double) in percent ? NumberText.fixed(v * 100, decimals: 1) + " %" : NumberText.fixed(v, decimals: 3) }
                t.rows.append(["\(c.key.nameZh) \(c.key.nameEn)", c.value.map(text) ?? "—", "≥ " + text(c.threshold),
                               c.passed ? "pass 达标" : "FAIL 未达标"])
            }
            out += t.render(indent: "  ") + "\n"
        }
        var s = TextTable(headers: ["verdict 结论", "parks"])
        for verdict in FeaturedParkEvaluation.Verdict.allCases {
            let ids = cards.filter { $0.verdict == verdict }.map(\.id)
            if !ids.isEmpty { s.rows.append(["\(verdict.nameZh) \(verdict.rawValue)", ids.joined(separator: ", ")]) }
        }
        return out + s.render()
    }
}
