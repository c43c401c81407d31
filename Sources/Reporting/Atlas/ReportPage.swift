import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// The `analyze` report: one self-contained HTML page (inline CSS and SVG, no
/// script, no network resource) with sections `summary`, `maps`, `indicators`,
/// `benefit`, `findings`, `clusters`, `hotspots`, `agglomeration` and, with
/// `--previous`, `evaluation`.
public struct ReportPage {
    public let dataset: String
    public let data: Dataset
    public let results: FullAnalysis
    /// With `--previous`: its name as given and the year-on-year results.
    public let evaluation: (previousName: String, result: YearOnYear)?
    public let maps: [AnalyzeMaps.Map]

    /// (section id, Chinese title, English title), in page order.
    public var sections: [(id: String, zh: String, en: String)] {
        var s = [("summary", "概要", "Summary"), ("maps", "地图", "Maps"), ("indicators", "集约利用指标", "Intensity indicators"),
                 ("benefit", "亩均效益", "Per-mu benefit"), ("findings", "检查发现", "Findings"), ("clusters", "产业集群", "Clusters"),
                 ("hotspots", "热点分析", "Hot spots"), ("agglomeration", "产业集聚", "Agglomeration")]
        if evaluation != nil { s.append(("evaluation", "特色园区评估", "Evaluation")) }
        return s
    }

    public func html() -> String {
        let title = "\(folderName) 园区布局分析报告 Park layout report"
        // The page head (style, print style) comes from the templates shared with the park pages.
        var out = AtlasPages.library.render(["title": title], withTemplate: "head") ?? ""
        out += """

            <body>
            <header><h1>\(HTML.escape(title))</h1>
            <p>\(HTML.escape(dataset)) · \(HTML.escape(results.check.crs)) · parkatlas analyze</p></header>
            <nav>
            """
        for s in sections {
            out += "<a href=\"#\(s.id)\">\(HTML.escape(s.zh)) \(HTML.escape(s.en))</a>"
            if s.id == "summary" {
                for (id, zh, en) in [("concentration", "工业向园区集中", "Industry in parks"), ("featured", "特色园区", "Featured parks"), ("parks", "园区页", "Park pages")] {
                    out += "<a href=\"#\(id)\">\(zh) \(en)</a>"
                }
            }
        }
        out += "<a href=\"#glossary\">术语 Glossary</a>"
        out += "</nav>\n<main>\n"
        out += section("summary", summary())
        out += AtlasPages(data: data, results: results, yearOnYear: evaluation).citySections()
        out += section("maps", mapsSection())
        out += section("indicators", indicators())
        out += section("benefit", benefit())
        out += section("findings", findings())
        out += section("clusters", clusters())
        out += section("hotspots", hotspots())
        out += section("agglomeration", agglomeration())
        if evaluation != nil { out += section("evaluation", evaluationSection()) }
        out += "<footer>\n\(ReportGlossary.html())</footer>\n"
        out += "</main>\n<script>\n\(MapScript.source)\n</script>\n</body>\n</html>\n"
        return out
    }

    private var folderName: String { URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent }

    private func section(_ id: String, _ body: String) -> String {
        let s = sections.first { $0.id == id }!
        return "<section id=\"\(id)\">\n<h2>\(HTML.escape(s.zh)) <span class=\"en\">\(HTML.escape(s.en))</span></h2>\n\(body)</section>\n"
    }

    private func card(_ value: String, _ zh: String, _ en: String) -> String {
        "<div class=\"card\"><div class=\"v\">\(HTML.escape(value))</div><div class=\"k\">\(HTML.escape(zh)) <span class=\"en\">\(HTML.escape(en))</span></div></div>"
    }

    // MARK: Summary

    private func summary() -> String {
        let t = results.stats.total
        let s = results.check.summary
        var out = "<div class=\"cards\">"
        out += card(String(data.districts.count), "区县/功能区", "districts")
        out += card(String(data.parks.count), "园区", "parks")
        out += card(String(data.parcels.count), "地块", "parcels")
        out += card(String(data.enterprises.count), "企业", "enterprises")
        out += card(HTML.grouped(t.area / 10_000, 0) + " ha", "总面积", "total area")
        out += card(HTML.grouped(t.parcelArea / 10_000, 0) + " ha", "地块面积", "parcel area")
        out += card(HTML.percent(t.indicators.landDevelopmentRate), "土地开发率", "development rate")
        out += card(HTML.fixed(t.indicators.floorAreaRatio, 2), "综合容积率", "floor-area ratio")
        out += card("\(s.error) / \(s.warning) / \(s.info)", "错误/警告/提示", "errors / warnings / info")
        out += card(String(results.cluster.groups.reduce(0) { $0 + $1.dbscan.clusterCount }), "产业集群", "DBSCAN clusters")
        if let h = results.hotspots {
            out += card(String(h.entries.filter { $0.bin >= 2 }.count), "热点企业 (≥95 %)", "hot-spot enterprises")
        }
        out += "</div>\n"
        let leftOut = LeftOutNote.summary([data])
        if !leftOut.isEmpty { out += "<p class=\"low\">\(HTML.escape(leftOut))</p>\n" }
        let parks = results.check.parks
        let count = { (v: ParkVerdict.Verdict) in parks.filter { $0.verdict == v }.count }
        out += "<p>\(count(.compliant)) of \(parks.count) parks compliant 合规; \(count(.attention)) need attention 需关注 (warnings only); "
        out += "\(count(.needsAction)) need action 需整改 (errors). Findings do not change the exit code.</p>\n"
        out += "<h3>园区结论 <span class=\"en\">Park verdicts</span></h3>\n"
        let rows = results.check.parks.map { p -> [String] in
            let badge: String
            switch p.verdict {
            case .compliant: badge = "<span class=\"badge ok\">合规 compliant</span>"
            case .attention: badge = "<span class=\"badge warn\">需关注 attention</span>"
            case .needsAction: badge = "<span class=\"badge act\">需整改 needs action</span>"
            }
            let district = p.district.map { code in data.districts.first { $0.code == code }?.name ?? code } ?? "—"
            return [p.id, "<a href=\"\(HTML.escape(AtlasPages.file(p.id)))\">\(HTML.escape(p.name))</a>", HTML.escape(district), badge, String(p.counts.error), String(p.counts.warning), String(p.counts.info)]
        }
        out += HTML.table(headers: [HTML.header("编号", "id"), HTML.header("园区", "park"), HTML.header("区县", "district"),
                                    HTML.header("结论", "verdict"), HTML.header("错误", "errors"), HTML.header("警告", "warnings"),
                                    HTML.header("提示", "info")],
                          rows: rows, numeric: [4, 5, 6], raw: [1, 2, 3])
        if !results.check.skippedRules.isEmpty {
            out += "<p class=\"note\">Not run (file missing) 未检查: \(HTML.escape(results.check.skippedRules.map(\.rawValue).joined(separator: ", ")))</p>\n"
        }
        return out
    }

    // MARK: Maps

    private func mapsSection() -> String {
        var out = "<p class=\"note\">Drawn in the local metric CRS; the same layers are in the GeoJSON files beside this page.</p>\n"
        for m in maps {
            out += "<figure id=\"map-\(m.name)\" class=\"atlas-map\">\n\(HTML.inlineSVG(m.svg, id: "svg-\(m.name)"))\n<div class=\"map-info\"></div><figcaption>\(HTML.escape(m.title)) — map_\(m.name).svg</figcaption></figure>\n"
        }
        return out
    }

    // MARK: Indicators

    private func indicators() -> String {
        let reference = Dictionary(uniqueKeysWithValues: IntensiveUseIndicators.nationalReference.map { ($0.key, $0.value) })
        let compared = IntensiveUseIndicators.Indicator.allCases.filter { reference[$0] != nil }
        let others = IntensiveUseIndicators.Indicator.allCases.filter { reference[$0] == nil }
        var out = "<p>Per park, level-2 land use, areas ellipsoidal (GRS80). The first row gives the published national figures "
        out += "of China's national-level development zones (rounded; Ministry of Natural Resources bulletins on their intensive land use, 国家级开发区土地集约利用监测统计); values below them are <span class=\"low\">red</span>. — = no denominator.</p>\n"
        out += "<h3>与全国水平对照 <span class=\"en\">Compared with the national figures</span></h3>\n"
        out += indicatorTable(compared, reference: reference)
        out += "<p class=\"note\">全国水平 sources: " + IntensiveUseIndicators.nationalReference.map { r in
            "\(HTML.escape(r.key.nameZh)) \(NumberText.fixed(r.value, decimals: 2)) — \(HTML.escape(r.source)), \(r.year.map { "\($0)" } ?? "year not recorded 年份未记录")"
        }.joined(separator: "; ") + ".</p>\n"
        out += "<h3>其他指标 <span class=\"en\">Other indicators</span></h3>\n"
        out += indicatorTable(others, reference: [:])
        out += "<p class=\"note\">CSV: stats_classes.csv (per unit and land-use class), per_mu.csv; JSON: stats.json.</p>\n"
        return out
    }

    private func indicatorTable(_ keys: [IntensiveUseIndicators.Indicator], reference: [IntensiveUseIndicators.Indicator: Double]) -> String {
        var headers = [HTML.header("园区", "park")]
        for i in keys { headers.append(HTML.header(i.nameZh, "\(i.nameEn) [\(i.unit)]")) }
        var rows: [[String]] = []
        if !reference.isEmpty {
            rows.append(["全国水平 national"] + keys.map { reference[$0].map { NumberText.fixed($0, decimals: 2) } ?? "" })
        }
        let units = results.stats.parks.map { ("\(HTML.escape($0.name)) <small class=\"code\">\(HTML.escape($0.id))</small>", $0.statistics) } + [("全部 total", results.stats.total)]
        for (name, u) in units {
            var row = ["<span class=\"nowrap\">\(name)</span>"]
            let values = Dictionary(u.indicators.all.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
            for indicator in keys {
                let value = values[indicator] ?? nil
                let text = HTML.escape(StatsRendering.indicatorText(value, indicator))
                // Every national figure is a level to reach: below it is marked.
                if let r = reference[indicator], let value, (value * 1000).rounded() / 1000 < r { row.append("<span class=\"low\">\(text)</span>") } else { row.append(text) }
            }
            rows.append(row)
        }
        var table = HTML.table(headers: headers, rows: rows, numeric: Set(1...keys.count), raw: Set(0...keys.count))
        // The reference row is the first body row.
        if !reference.isEmpty, let r = table.range(of: "<tbody>\n<tr>") { table.replaceSubrange(r, with: "<tbody>\n<tr class=\"ref\">") }
        return table
    }

    // MARK: Benefit

    private func benefit() -> String {
        guard let b = results.benefit else { return "<p>No enterprises.</p>\n" }
        var out = "<p>\(b.evaluated.count) enterprises evaluated 参评, \(b.notEvaluated.count) not evaluated 未参评. "
        out += "Benchmarks (median) 基准: tax/mu \(HTML.grouped(b.benchmarks.taxPerMu, 2)) 万元/亩, revenue/mu \(HTML.grouped(b.benchmarks.revenuePerMu, 2)) 万元/亩, "
        out += "revenue/employee \(HTML.grouped(b.benchmarks.revenuePerEmployee, 2)) 万元/人.</p>\n"
        out += HTML.table(headers: [HTML.header("等级", "grade"), HTML.header("企业数", "enterprises")],
                          rows: BenefitGrade.allCases.map { [$0.rawValue, String(b.count(of: $0))] }, numeric: [1])
        out += "<h3>Top 10 <span class=\"en\">by score</span></h3>\n"
        out += HTML.table(headers: [HTML.header("名次", "rank"), HTML.header("企业", "enterprise"), HTML.header("行业", "industry"),
                                    HTML.header("营收/亩", "revenue/mu"), HTML.header("税收/亩", "tax/mu"), HTML.header("得分", "score")],
                          rows: b.evaluated.prefix(10).map { [String($0.rank), "\($0.id) \($0.name)", $0.industry, HTML.grouped($0.revenuePerMu, 1),
                                                              HTML.grouped($0.taxPerMu, 1), NumberText.fixed($0.score, decimals: 3)] },
                          numeric: [0, 3, 4, 5])
        return out
    }

    // MARK: Findings

    /// Findings listed per rule before "… N more".
    public static let findingsPerRule = 40

    private func findings() -> String {
        let report = results.check
        guard !report.findings.isEmpty else { return "<p>No findings 无.</p>\n" }
        var out = "<p>Grouped by rule and park; every finding is in findings.csv, check.json and findings.geojson.</p>\n"
        for rule in CheckRule.allCases {
            let list = report.findings.filter { $0.rule == rule }
            guard !list.isEmpty else { continue }
            let counts = Severity.allCases.reversed().compactMap { sev -> String? in
                let n = list.filter { $0.severity == sev }.count
                return n > 0 ? "<span class=\"badge \(sev.rawValue)\">\(n) \(sev.rawValue)</span>" : nil
            }.joined(separator: " ")
            out += "<details\(list.count <= 12 ? " open" : "")><summary><b>\(HTML.escape(rule.titleZh))</b> <span class=\"en\">\(rule.rawValue)</span> \(counts)</summary>\n"
            var groups: [(key: String, items: [Finding])] = []
            for f in list {
                let key = f.parks.first.map { id in "\(id) \(data.parks.first { $0.id == id }?.name ?? "")" }
                    ?? f.district.map { "区县 district \($0)" } ?? "全市 city"
                if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].items.append(f) } else { groups.append((key, [f])) }
            }
            var shown = 0
            for g in groups where shown < Self.findingsPerRule {
                out += "<h3>\(HTML.escape(g.key))</h3><ul class=\"findings\">\n"
                for f in g.items where shown < Self.findingsPerRule {
                    out += "<li><span class=\"badge \(f.severity.rawValue)\">\(f.severity.nameZh)</span> \(HTML.escape(f.messageZh))<br>"
                    out += "<span class=\"en\">\(HTML.escape(f.messageEn))</span></li>\n"
                    shown += 1
                }
                out += "</ul>\n"
            }
            if list.count > shown { out += "<p class=\"note\">… \(list.count - shown) more (findings.csv)</p>\n" }
            out += "</details>\n"
        }
        return out
    }

    // MARK: Clusters

    private func clusters() -> String {
        let r = results.cluster, o = r.options
        var out = "<p>DBSCAN per industry division (大类), eps \(NumberText.fixed(o.eps, decimals: 0)) m, min_points \(o.minPoints); "
        out += "Clark–Evans nearest-neighbour index on the \(o.studyArea.rawValue) study area; \(HTML.escape(r.crs)). \(HTML.escape(r.envelopeDescription)). JSON: cluster.json.</p>\n"
        let groups = r.groups.sorted { ($0.dbscan.clusterCount, $0.n) > ($1.dbscan.clusterCount, $1.n) }
        let rows = groups.map { g -> [String] in
            let names = IndustryTable.lookup(g.industry)
            let largest = g.clusters.map(\.size).max()
            return [g.industry, names.map { "\($0.nameZh) \($0.nameEn)" } ?? "", String(g.n), String(g.dbscan.clusterCount),
                    String(g.dbscan.labels.filter { $0 < 0 }.count), largest.map(String.init) ?? "—",
                    HTML.fixed(g.nni?.nni, 3), HTML.fixed(g.nni?.z, 2),
                    g.clusters.max { $0.size < $1.size }?.parks.prefix(3).joined(separator: ", ") ?? ""]
        }
        out += HTML.table(headers: [HTML.header("行业", "industry"), HTML.header("名称", "name"), HTML.header("企业", "enterprises"),
                                    HTML.header("集群", "clusters"), HTML.header("噪声", "noise"), HTML.header("最大集群", "largest"),
                                    HTML.header("最近邻指数", "NNI"), HTML.header("z", "z"), HTML.header("最大集群园区", "parks of largest")],
                          rows: rows, numeric: [2, 3, 4, 5, 6, 7])
        return out
    }

    // MARK: Hot spots

    private func hotspots() -> String {
        guard let a = results.hotspots else { return "<p>No enterprises.</p>\n" }
        var out = "<p>Getis–Ord Gi* of \(a.value.rawValue), distance band \(NumberText.grouped(a.band, decimals: 0)) m, \(a.entries.count) enterprises"
        out += a.excluded.isEmpty ? ".</p>\n" : "; \(a.excluded.count) excluded (no value).</p>\n"
        out += HTML.table(headers: [HTML.header("分级", "bin"), HTML.header("含义", "meaning"), HTML.header("企业", "enterprises")],
                          rows: stride(from: 3, through: -3, by: -1).map { bin in
                              [String(bin), HotspotsReport.binMeaning(bin), String(a.entries.filter { $0.bin == bin }.count)]
                          }, numeric: [0, 2])
        let m = a.moran
        out += "<p>全局莫兰指数 Global Moran's I = \(HTML.fixed(m.i, 4)) (E[I] \(HTML.fixed(m.expectedI, 4)), z \(HTML.fixed(m.z, 2)), "
        out += "p \(m.p.map { $0 < 1e-4 ? String(format: "%.1e", $0) : NumberText.fixed($0, decimals: 4) } ?? "—")).</p>\n"
        let hottest = a.entries.filter { $0.z != nil }.sorted { ($0.z!, data.enterprises[$1.enterprise].id) > ($1.z!, data.enterprises[$0.enterprise].id) }.prefix(10)
        out += "<h3>最热企业 <span class=\"en\">Hottest enterprises</span></h3>\n"
        out += HTML.table(headers: [HTML.header("企业", "enterprise"), HTML.header("行业", "industry"), HTML.header("产值 万元", "output_wan"),
                                    HTML.header("z", "z"), HTML.header("分级", "bin")],
                          rows: hottest.map { e in
                              let ent = data.enterprises[e.enterprise]
                              return ["\(ent.id) \(ent.name)", ent.industry.value, NumberText.grouped(e.value, decimals: 0), HTML.fixed(e.z, 2), String(e.bin)]
                          }, numeric: [2, 3, 4])
        return out
    }

    // MARK: Agglomeration

    private func agglomeration() -> String {
        guard let a = results.agglomeration else { return "<p>No enterprises.</p>\n" }
        let x = a.indices
        var out = "<p>Industries at division level over parks (+ outside), measure \(a.measure.rawValue). LQ: location quotient; "
        out += "HHI normalised; γ: Ellison–Glaeser. JSON/CSV: agglomeration.json, agglomeration.csv.</p>\n"
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
        out += HTML.table(headers: [HTML.header("行业", "industry"), HTML.header("名称", "name"), HTML.header("企业", "enterprises"),
                                    HTML.header("就业", a.measure.rawValue), HTML.header("HHI", "normalised"), HTML.header("γ", "Ellison–Glaeser"),
                                    HTML.header("最高区位商", "highest LQ")],
                          rows: rows, numeric: [2, 3, 4, 5])
        return out
    }

    // MARK: Evaluation

    /// City indicators old → new and the enterprise movements, read from the `compare` JSON.
    private func yearOnYear(_ comparison: SnapshotComparison) -> String {
        var out = "<h3>全市指标变化 <span class=\"en\">City indicators, previous → now</span></h3>\n"
        out += HTML.table(headers: [HTML.header("指标", "indicator"), HTML.header("上年", "previous"), HTML.header("本年", "now"),
                                    HTML.header("变化", "delta")],
                          rows: comparison.city.indicators.map { i in
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
        out += "<h3>企业变动 <span class=\"en\">Enterprise movements</span></h3>\n"
        out += HTML.table(headers: [HTML.header("变动", "change"), HTML.header("企业", "enterprises")],
                          rows: counts.map { ["\($0.1) \($0.0)", String($0.2)] }, numeric: [1])
        return out
    }

    private func evaluationSection() -> String {
        guard let e = evaluation else { return "" }
        var out = "<p>Featured-park scorecard against the policy thresholds, with revenue-per-mu growth over \(HTML.escape(e.previousName)). "
        out += "Full comparison: compare.json; scorecards: evaluate.json.</p>\n"
        out += yearOnYear(e.result.comparison)
        out += "<h3>特色园区评分 <span class=\"en\">Featured-park scorecard</span></h3>\n"
        if e.result.cards.isEmpty { return out + "<p>No park has a featured_status.</p>\n" }
        var headers = [HTML.header("园区", "park"), HTML.header("状态", "status"), HTML.header("结论", "verdict")]
        let keys = FeaturedParkEvaluation.Criterion.Key.allCases
        for k in keys { headers.append(HTML.header(k.nameZh, k.nameEn)) }
        let rows = e.result.cards.map { card -> [String] in
            var row = [HTML.escape("\(card.id) \(card.name)"), HTML.escape("\(card.status.nameZh) \(card.status.rawValue)"),
                       HTML.escape("\(card.verdict.nameZh) \(card.verdict.rawValue)")]
            for k in keys {
                guard let c = card.criteria.first(where: { $0.key == k }) else { row.append("—"); continue }
                let text = k == .revenuePerMuGrowth ? HTML.percent(c.value) : HTML.fixed(c.value, 3)
                row.append(c.passed ? HTML.escape(text) : "<span class=\"low\">\(HTML.escape(text)) ✗</span>")
            }
            return row
        }
        out += HTML.table(headers: headers, rows: rows, numeric: Set(3..<(3 + keys.count)), raw: Set(0..<(3 + keys.count)))
        return out
    }
}
