import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The featured-park scorecards (`evaluate`) as stable JSON, a table and CSV.
public struct EvaluationReport: Sendable {
    /// The dataset's name as the user gave it.
    public let dataset: String
    /// The previous year's dataset name, nil without `--previous`.
    public let previous: String?
    public let cards: [FeaturedParkEvaluation.Scorecard]
    public let policy: FeaturedParkPolicy

    public init(dataset: String, previous: String?, cards: [FeaturedParkEvaluation.Scorecard], policy: FeaturedParkPolicy) {
        self.dataset = dataset
        self.previous = previous
        self.cards = cards
        self.policy = policy
    }

    public func json() -> JSONValue {
        var summary = JSONObject()
        for verdict in FeaturedParkEvaluation.Verdict.allCases {
            summary[verdict.rawValue] = .integer(Int64(cards.count(where: { $0.verdict == verdict })))
        }
        return .object([
            "dataset": .string(dataset),
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
                                 "value": JSONValue.number(c.value), "threshold": .double(c.threshold), "pass": .bool(c.passed)])
                    }),
                ])
            }),
        ])
    }

    /// CSV: one row per park and criterion, with the park's verdict on each row.
    public func csv() -> String {
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

    public func table() -> String {
        var out = "Featured-park evaluation 特色园区动态评估: \(dataset)"
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
