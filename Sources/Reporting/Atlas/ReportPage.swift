import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The `analyze` report: one self-contained HTML page (inline CSS, SVG and one small
/// map script, no network resource) with sections `summary`, `concentration`,
/// `featured`, `parks`, `maps`, `indicators`, `benefit`, `findings`, `clusters`,
/// `hotspots`, `agglomeration` and, with `--previous`, `evaluation`.
///
/// The layout is the Mustache template `report` of `AtlasTemplates`; this type only
/// computes the values (numbers formatted, text plain: the template escapes it).
public struct ReportPage {
    public let dataset: String
    public let data: Dataset
    public let results: FullAnalysis
    /// With `--previous`: its name as given and the year-on-year results.
    public let evaluation: (previousName: String, result: YearOnYear)?
    public let maps: [AnalyzeMaps.Map]
    /// The atlas of the same results, for the city sections (made here when not given).
    let atlas: AtlasPages?

    /// - Parameter atlas: the park pages' `AtlasPages` of the same data and results, so that its
    ///   per-park members, parcel index and finding lists are made once for the report and the pages.
    public init(dataset: String, data: Dataset, results: FullAnalysis, evaluation: (previousName: String, result: YearOnYear)?,
                maps: [AnalyzeMaps.Map], atlas: AtlasPages? = nil) {
        self.dataset = dataset
        self.data = data
        self.results = results
        self.evaluation = evaluation
        self.maps = maps
        self.atlas = atlas
    }

    /// Section ids, in page order.
    public var sections: [String] {
        ["summary", "concentration", "featured", "parks", "maps", "indicators", "benefit", "findings", "clusters", "hotspots", "agglomeration"]
            + (evaluation == nil ? [] : ["evaluation"])
    }

    public func html() -> String {
        AtlasPages.library.render(context(), withTemplate: "report") ?? ""
    }

    /// The values of the `report` template.
    func context() -> [String: Any] {
        var c: [String: Any] = [
            "title": "\(folderName) 园区布局分析报告 Park layout report", "dataset": dataset, "crs": results.check.crs,
            "summary": summaryContext(),
            "city": (atlas ?? AtlasPages(data: data, results: results, yearOnYear: evaluation)).cityContext(),
            "maps": maps.map { ["name": $0.name, "mapTitle": $0.title, "svg": HTML.inlineSVG($0.svg, id: "svg-\($0.name)")] },
            "indicators": indicators(), "clusters": clusters(), "glossary": ReportGlossary.context,
        ]
        let rules = findingRules()
        if !rules.isEmpty {
            c["rules"] = rules
            c["hasFindings"] = true
        }
        if let b = benefit() { c["benefit"] = b }
        if let h = hotspots() { c["hotspots"] = h }
        if let a = agglomeration() { c["agglomeration"] = a }
        if let e = evaluationContext() { c["evaluation"] = e }
        return c
    }

    private var folderName: String { URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent }

    /// A table of plain cells: `numeric` columns right-aligned.
    private func table(_ headers: [(String, String)], _ rows: [[String]], numeric: Set<Int> = []) -> TemplateTable {
        var t = TemplateTable(headers: headers.enumerated().map { ($0.element.0, $0.element.1, numeric.contains($0.offset)) })
        t.rows = rows.map { row in (nil, row.enumerated().map { TemplateTable.Cell(text: $0.element, num: numeric.contains($0.offset)) }) }
        return t
    }

    // MARK: Summary

    /// The values of the `summary` template (also the print atlas's first page).
    func summaryContext() -> [String: Any] {
        let t = results.stats.total
        let s = results.check.summary
        var cards: [(String, String, String)] = [
            (String(data.districts.count), "区县/功能区", "districts"), (String(data.parks.count), "园区", "parks"),
            (String(data.parcels.count), "地块", "parcels"), (String(data.enterprises.count), "企业", "enterprises"),
            (HTML.grouped(t.area / 10_000, 0) + " ha", "总面积", "total area"),
            (HTML.grouped(t.parcelArea / 10_000, 0) + " ha", "地块面积", "parcel area"),
            (HTML.percent(t.indicators.landDevelopmentRate), "土地开发率", "development rate"),
            (HTML.fixed(t.indicators.floorAreaRatio, 2), "综合容积率", "floor-area ratio"),
            ("\(s.error) / \(s.warning) / \(s.info)", "错误/警告/提示", "errors / warnings / info"),
            (String(results.cluster.groups.reduce(0) { $0 + $1.dbscan.clusterCount }), "产业集群", "DBSCAN clusters"),
        ]
        if let h = results.hotspots {
            cards.append((String(h.entries.count(where: { $0.bin >= 2 })), "热点企业 (≥95 %)", "hot-spot enterprises"))
        }
        var c: [String: Any] = ["cards": cards.map { ["value": $0.0, "zh": $0.1, "en": $0.2] }]
        let leftOut = LeftOutNote.summary([data])
        if !leftOut.isEmpty { c["leftOut"] = leftOut }
        let parks = results.check.parks
        let count = { (v: ParkVerdict.Verdict) in parks.count(where: { $0.verdict == v }) }
        c["parkCount"] = parks.count
        c["compliant"] = count(.compliant)
        c["attention"] = count(.attention)
        c["needsAction"] = count(.needsAction)
        var verdicts = TemplateTable(headers: [("编号", "id", false), ("园区", "park", false), ("区县", "district", false), ("结论", "verdict", false),
                                               ("错误", "errors", true), ("警告", "warnings", true), ("提示", "info", true)])
        for p in parks {
            let badge: (String, String)
            switch p.verdict {
            case .compliant: badge = ("ok", "合规 compliant")
            case .attention: badge = ("warn", "需关注 attention")
            case .needsAction: badge = ("act", "需整改 needs action")
            }
            let district = p.district.map { code in data.districts.first { $0.code == code }?.name ?? code } ?? "—"
            verdicts.rows.append((nil, [
                .init(text: p.id), .init(text: p.name, link: AtlasPages.file(p.id)), .init(text: district), .init(text: badge.1, badge: badge.0),
                .init(text: String(p.counts.error), num: true), .init(text: String(p.counts.warning), num: true), .init(text: String(p.counts.info), num: true),
            ]))
        }
        c["verdictTable"] = verdicts.context
        if !results.check.skippedRules.isEmpty { c["skippedRules"] = results.check.skippedRules.map(\.rawValue).joined(separator: ", ") }
        return c
    }

    // MARK: Indicators

    private func indicators() -> [String: Any] {
        let reference = Dictionary(uniqueKeysWithValues: IntensiveUseIndicators.nationalReference.map { ($0.key, $0.value) })
        let compared = IntensiveUseIndicators.Indicator.allCases.filter { reference[$0] != nil }
        let others = IntensiveUseIndicators.Indicator.allCases.filter { reference[$0] == nil }
        let sources = IntensiveUseIndicators.nationalReference.enumerated().map { k, r -> [String: Any] in
            ["first": k == 0, "indicatorZh": r.key.nameZh, "figure": NumberText.fixed(r.value, decimals: 2), "source": r.source,
             "year": r.year.map { "\($0)" } ?? "year not recorded 年份未记录"]
        }
        return ["comparedTable": indicatorTable(compared, reference: reference).context, "sources": sources,
                "otherTable": indicatorTable(others, reference: [:]).context]
    }

    private func indicatorTable(_ keys: [IntensiveUseIndicators.Indicator], reference: [IntensiveUseIndicators.Indicator: Double]) -> TemplateTable {
        var table = TemplateTable(headers: [("园区", "park", false)] + keys.map { ($0.nameZh, "\($0.nameEn) [\($0.unit)]", true) })
        if !reference.isEmpty {
            table.rows.append(("ref", [.init(text: "全国水平 national")]
                + keys.map { .init(text: reference[$0].map { NumberText.fixed($0, decimals: 2) } ?? "", num: true) }))
        }
        let units = results.stats.parks.map { ($0.name, $0.id, $0.statistics) } + [("全部 total", "", results.stats.total)]
        for (name, id, u) in units {
            var row: [TemplateTable.Cell] = [.init(text: name, small: id, nowrap: true)]
            let values = Dictionary(u.indicators.all.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
            for indicator in keys {
                let value = values[indicator] ?? nil
                // Every national figure is a level to reach: below it is marked.
                let low = reference[indicator].map { r in value.map { ($0 * 1000).rounded() / 1000 < r } ?? false } ?? false
                row.append(.init(text: StatsRendering.indicatorText(value, indicator), low: low, num: true))
            }
            table.rows.append((nil, row))
        }
        return table
    }

    // MARK: Benefit

    private func benefit() -> [String: Any]? {
        guard let b = results.benefit else { return nil }
        let grades = table([("等级", "grade"), ("企业数", "enterprises")], BenefitGrade.allCases.map { [$0.rawValue, String(b.count(of: $0))] }, numeric: [1])
        let top = table([("名次", "rank"), ("企业", "enterprise"), ("行业", "industry"), ("营收/亩", "revenue/mu"), ("税收/亩", "tax/mu"), ("得分", "score")],
                        b.evaluated.prefix(10).map { [String($0.rank), "\($0.id) \($0.name)", $0.industry, HTML.grouped($0.revenuePerMu, 1),
                                                      HTML.grouped($0.taxPerMu, 1), NumberText.fixed($0.score, decimals: 3)] },
                        numeric: [0, 3, 4, 5])
        return ["evaluated": b.evaluated.count, "notEvaluated": b.notEvaluated.count, "taxPerMu": HTML.grouped(b.benchmarks.taxPerMu, 2),
                "revenuePerMu": HTML.grouped(b.benchmarks.revenuePerMu, 2), "revenuePerEmployee": HTML.grouped(b.benchmarks.revenuePerEmployee, 2),
                "gradeTable": grades.context, "topTable": top.context]
    }

    // MARK: Findings

    /// Findings listed per rule before "… N more".
    public static let findingsPerRule = 40

    /// Per rule with findings: its counts by severity and its findings grouped by park, at most `findingsPerRule`.
    ///
    /// One pass over the findings (a province has over a million): groups are keyed by park (or
    /// district, or the city) in the order of their first finding, and only what can be listed is
    /// kept, the first `findingsPerRule` findings of each of the first `findingsPerRule` groups
    /// (every group listed holds at least one finding, so no later group is reached).
    private func findingRules() -> [[String: Any]] {
        let report = results.check
        // The first park of each id, as `data.parks.first { $0.id == id }` finds it.
        var parkNames: [String: String] = [:]
        for park in data.parks where parkNames[park.id] == nil { parkNames[park.id] = park.name }
        struct RuleFindings {
            var total = 0
            var bySeverity: [Severity: Int] = [:]
            var groupOfKey: [String: Int] = [:]
            var groups: [(key: String, items: [Int])] = []
        }
        // Mutated in place (an element of an array), so the groups are never copied per finding.
        var rules = [RuleFindings](repeating: RuleFindings(), count: CheckRule.allCases.count)
        for (k, f) in report.findings.enumerated() {
            let r = f.rule.order
            rules[r].total += 1
            rules[r].bySeverity[f.severity, default: 0] += 1
            let key = f.parks.first.map { id in "\(id) \(parkNames[id] ?? "")" }
                ?? f.district.map { "区县 district \($0)" } ?? "全市 city"
            let g: Int
            if let known = rules[r].groupOfKey[key] {
                g = known
            } else {
                g = rules[r].groups.count
                rules[r].groupOfKey[key] = g
                rules[r].groups.append((key, []))
            }
            if g < Self.findingsPerRule && rules[r].groups[g].items.count < Self.findingsPerRule { rules[r].groups[g].items.append(k) }
        }
        var out: [[String: Any]] = []
        for rule in CheckRule.allCases {
            let r = rules[rule.order]
            guard r.total > 0 else { continue }
            let counts = Severity.allCases.reversed().compactMap { sev -> (Severity, Int)? in
                let n = r.bySeverity[sev] ?? 0
                return n > 0 ? (sev, n) : nil
            }
            var shown = 0
            var shownGroups: [[String: Any]] = []
            for g in r.groups where shown < Self.findingsPerRule {
                var items: [[String: Any]] = []
                for k in g.items where shown < Self.findingsPerRule {
                    let f = report.findings[k]
                    items.append(["severity": f.severity.rawValue, "severityZh": f.severity.nameZh, "messageZh": f.messageZh, "messageEn": f.messageEn])
                    shown += 1
                }
                shownGroups.append(["group": g.key, "items": items])
            }
            var x: [String: Any] = [
                "rule": rule.rawValue, "ruleZh": rule.titleZh, "open": r.total <= 12, "groups": shownGroups,
                "counts": counts.enumerated().map { ["first": $0.offset == 0, "severity": $0.element.0.rawValue, "count": $0.element.1] },
            ]
            if r.total > shown { x["more"] = r.total - shown }
            out.append(x)
        }
        return out
    }

    // MARK: Clusters

    private func clusters() -> [String: Any] {
        let r = results.cluster, o = r.options
        let groups = r.groups.sorted { ($0.dbscan.clusterCount, $0.n) > ($1.dbscan.clusterCount, $1.n) }
        let rows = groups.map { g -> [String] in
            let names = IndustryTable.lookup(g.industry)
            let largest = g.clusters.map(\.size).max()
            return [g.industry, names.map { "\($0.nameZh) \($0.nameEn)" } ?? "", String(g.n), String(g.dbscan.clusterCount),
                    String(g.dbscan.labels.count(where: { $0 < 0 })), largest.map(String.init) ?? "—",
                    HTML.fixed(g.nni?.nni, 3), HTML.fixed(g.nni?.z, 2),
                    g.clusters.max { $0.size < $1.size }?.parks.prefix(3).joined(separator: ", ") ?? ""]
        }
        let t = table([("行业", "industry"), ("名称", "name"), ("企业", "enterprises"), ("集群", "clusters"), ("噪声", "noise"), ("最大集群", "largest"),
                       ("最近邻指数", "NNI"), ("z", "z"), ("最大集群园区", "parks of largest")], rows, numeric: [2, 3, 4, 5, 6, 7])
        return ["eps": NumberText.fixed(o.eps, decimals: 0), "minPoints": o.minPoints, "studyArea": o.studyArea.rawValue, "clusterCRS": r.crs, "envelope": r.envelopeDescription,
                "clusterTable": t.context]
    }

    // MARK: Hot spots

    private func hotspots() -> [String: Any]? {
        guard let a = results.hotspots else { return nil }
        let bins = table([("分级", "bin"), ("含义", "meaning"), ("企业", "enterprises")], stride(from: 3, through: -3, by: -1).map { bin in
            [String(bin), HotspotsReport.binMeaning(bin), String(a.entries.count(where: { $0.bin == bin }))]
        }, numeric: [0, 2])
        let m = a.moran
        // z descending, then id ascending.
        let hottest = TopSelection.first(10, of: a.entries.lazy.filter { $0.z != nil }) { x, y in
            x.z! != y.z! ? x.z! > y.z! : data.enterprises.id(at: x.enterprise) < data.enterprises.id(at: y.enterprise)
        }
        let top = table([("企业", "enterprise"), ("行业", "industry"), ("产值 万元", "output_wan"), ("z", "z"), ("分级", "bin")], hottest.map { e in
            let ent = data.enterprises[e.enterprise]
            return ["\(ent.id) \(ent.name)", ent.industry.value, NumberText.grouped(e.value, decimals: 0), HTML.fixed(e.z, 2), String(e.bin)]
        }, numeric: [2, 3, 4])
        var c: [String: Any] = [
            "measure": a.value.rawValue, "band": NumberText.grouped(a.band, decimals: 0), "entries": a.entries.count, "binTable": bins.context,
            "moranI": HTML.fixed(m.i, 4), "moranE": HTML.fixed(m.expectedI, 4), "moranZ": HTML.fixed(m.z, 2),
            "moranP": m.p.map { $0 < 1e-4 ? String(format: "%.1e", $0) : NumberText.fixed($0, decimals: 4) } ?? "—",
            "hottestTable": top.context,
        ]
        if !a.excluded.isEmpty { c["excluded"] = a.excluded.count }
        return c
    }

    // MARK: Agglomeration

    private func agglomeration() -> [String: Any]? {
        guard let a = results.agglomeration else { return nil }
        let x = a.indices
        let order = a.industries.indices.sorted { x.industryTotals[$0] > x.industryTotals[$1] }
        let rows = order.map { i -> [String] in
            let names = AgglomerationReport.names(a.industries[i])
            var best: (unit: String, lq: Double)?
            for p in a.units.indices {
                if let lq = x.locationQuotient(industry: i, unit: p), lq > (best?.lq ?? -1) { best = (a.units[p], lq) }
            }
            return [a.industries[i], "\(names.zh) \(names.en)", String(a.colocation.counts[i]), NumberText.grouped(x.industryTotals[i], decimals: 0),
                    HTML.fixed(x.industryHHI(i).normalized, 3), HTML.fixed(x.ellisonGlaeser(i), 3),
                    best.map { "\($0.unit) (\(NumberText.fixed($0.lq, decimals: 2)))" } ?? "—"]
        }
        let t = table([("行业", "industry"), ("名称", "name"), ("企业", "enterprises"), ("就业", a.measure.rawValue), ("HHI", "normalised"),
                       ("γ", "Ellison–Glaeser"), ("最高区位商", "highest LQ")], rows, numeric: [2, 3, 4, 5])
        return ["measure": a.measure.rawValue, "industryTable": t.context]
    }

    // MARK: Evaluation

    private func evaluationContext() -> [String: Any]? {
        guard let e = evaluation else { return nil }
        let comparison = e.result.comparison
        // City indicators old → new and the enterprise movements, as in the `compare` JSON.
        let city = table([("指标", "indicator"), ("上年", "previous"), ("本年", "now"), ("变化", "delta")], comparison.city.indicators.map { i in
            ["\(i.indicator.nameZh) \(i.indicator.nameEn)", HTML.fixed(i.old, 3), HTML.fixed(i.new, 3), HTML.fixed(i.delta, 3)]
        }, numeric: [1, 2, 3])
        let m = comparison.movements
        var counts: [(String, String, Int)] = [("matched", "匹配", m.matched)]
        let names: [EnterpriseMovements.Kind: String] = [.entered: "新增", .exited: "退出", .betweenParks: "园区间迁移",
                                                         .intoPark: "迁入园区", .outOfPark: "迁出园区"]
        for kind in [EnterpriseMovements.Kind.entered, .exited, .betweenParks, .intoPark, .outOfPark] {
            counts.append((kind.rawValue, names[kind]!, m.count(kind)))
        }
        counts.append(("industry_changed", "行业变更", m.industryChanges.count))
        let movements = table([("变动", "change"), ("企业", "enterprises")], counts.map { ["\($0.1) \($0.0)", String($0.2)] }, numeric: [1])
        var c: [String: Any] = ["previousName": e.previousName, "cityTable": city.context, "movementTable": movements.context]
        if !e.result.cards.isEmpty {
            let keys = FeaturedParkEvaluation.Criterion.Key.allCases
            var scorecard = TemplateTable(headers: [("园区", "park", false), ("状态", "status", false), ("结论", "verdict", false)]
                + keys.map { ($0.nameZh, $0.nameEn, true) })
            for card in e.result.cards {
                var row: [TemplateTable.Cell] = [.init(text: "\(card.id) \(card.name)"), .init(text: "\(card.status.nameZh) \(card.status.rawValue)"),
                                                 .init(text: "\(card.verdict.nameZh) \(card.verdict.rawValue)")]
                for k in keys {
                    guard let c = card.criteria.first(where: { $0.key == k }) else { row.append(.init(text: "—", num: true)); continue }
                    let text = k == .revenuePerMuGrowth ? HTML.percent(c.value) : HTML.fixed(c.value, 3)
                    row.append(c.passed ? .init(text: text, num: true) : .init(text: "\(text) ✗", low: true, num: true))
                }
                scorecard.rows.append((nil, row))
            }
            c["scorecardTable"] = scorecard.context
        }
        return c
    }
}
