import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel
import Mustache

/// A table for the `table` template partial: headers and cells as plain text
/// (escaped by the template), with optional small code, link, badge and "low" mark.
struct TemplateTable {
    struct Cell {
        var text: String
        var small: String? = nil
        var link: String? = nil
        var badge: String? = nil
        var low = false
        var num = false
        /// The whole cell kept on one line.
        var nowrap = false
    }

    var headers: [(zh: String, en: String, num: Bool)]
    var rows: [(cls: String?, cells: [Cell])] = []

    var context: [String: Any] {
        let h: [[String: Any]] = headers.map { x in
            var d: [String: Any] = ["zh": x.zh, "en": x.en]
            if x.num { d["num"] = true }
            return d
        }
        let r: [[String: Any]] = rows.map { row in
            var d: [String: Any] = ["cells": row.cells.map { c -> [String: Any] in
                var d: [String: Any] = ["text": c.text]
                if let s = c.small, !s.isEmpty { d["small"] = s }
                if let l = c.link { d["link"] = l }
                if let b = c.badge { d["badge"] = b }
                if c.low { d["low"] = true }
                if c.num { d["num"] = true }
                if c.nowrap { d["nowrap"] = true }
                return d
            }]
            if let cls = row.cls { d["cls"] = cls }
            return d
        }
        return ["table": ["headers": h, "rows": r] as [String: Any]]
    }
}

/// The atlas: a page per park (parks/<id>.html) and the city sections of report.html,
/// rendered from the Mustache templates of `AtlasTemplates`.
public struct AtlasPages: Sendable {
    public let data: Dataset
    public let results: FullAnalysis
    public let yearOnYear: (previousName: String, result: YearOnYear)?
    /// Per park, its enterprises with those of its sub-parks.
    public let members: [[Int]]

    public init(data: Dataset, results: FullAnalysis, yearOnYear: (previousName: String, result: YearOnYear)?) {
        self.data = data
        self.results = results
        self.yearOnYear = yearOnYear
        let units = results.agglomeration?.unitOfEnterprise ?? []
        members = ParkProfile.members(parks: data.parks, unitOfEnterprise: units)
        // Built once for all pages, so that a page costs its park's share of the data, not a
        // pass over every parcel, finding and evaluated enterprise (pages × data at a province).
        parcelIndex = BoxGridIndex(boxes: data.parcels.map { $0.geometry.boundingBox ?? .empty })
        var findingsOfPark: [String: [Int]] = [:]
        for (k, f) in results.check.findings.enumerated() {
            for id in Set(f.parks) { findingsOfPark[id, default: []].append(k) }
        }
        self.findingsOfPark = findingsOfPark
        var evaluatedPosition = [Int32](repeating: -1, count: data.enterprises.count)
        for (k, b) in (results.benefit?.evaluated ?? []).enumerated() where b.index < evaluatedPosition.count {
            evaluatedPosition[b.index] = Int32(k)
        }
        self.evaluatedPosition = evaluatedPosition
        var medians: [IntensiveUseIndicators.Indicator: Double?] = [:]
        for indicator in IntensiveUseIndicators.Indicator.allCases {
            let cityValues = results.stats.parks.compactMap { s in s.statistics.indicators.all.first { $0.indicator == indicator }?.value ?? nil }.sorted()
            medians[indicator] = cityValues.isEmpty ? nil : cityValues.count % 2 == 1 ? cityValues[cityValues.count / 2]
                : (cityValues[cityValues.count / 2 - 1] + cityValues[cityValues.count / 2]) / 2
        }
        cityMedians = medians
    }

    /// Per indicator, its median over the parks (the park pages' "city median" column), computed
    /// once rather than on every page (parks × parks at a province).
    let cityMedians: [IntensiveUseIndicators.Indicator: Double?]

    /// The parcels' boxes, for the park maps' views.
    let parcelIndex: BoxGridIndex
    /// Per park id, the positions in `results.check.findings` of the findings naming it, ascending.
    let findingsOfPark: [String: [Int]]
    /// Per enterprise, its position in `results.benefit.evaluated`, −1 when not evaluated.
    let evaluatedPosition: [Int32]

    let cityCache = CityContextCache()

    /// Findings listed on a park page before "… N more".
    public static let findingsPerPark = 60

    /// The page file of park `id`, relative to the report folder.
    public static func file(_ id: String) -> String { "parks/\(fileName(id))" }
    /// A park id made safe as a file name (letters, digits, - and _ kept).
    public static func fileName(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + ".html"
    }

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // The templates are constants of this module: a parse error is a programming error caught by every test.
        let templates: [(String, String)] = [
            ("table", AtlasTemplates.table), ("head", AtlasTemplates.head), ("park", AtlasTemplates.park),
            ("citySections", AtlasTemplates.citySections), ("report", AtlasTemplates.report), ("glossary", AtlasTemplates.glossary),
            ("summary", AtlasTemplates.summary), ("atlas", AtlasTemplates.atlas),
            ("style", HTML.style + "\n" + MapScript.style + "\n" + AtlasTemplates.printStyle),
            ("script", MapScript.source),
        ]
        for (name, text) in templates {
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name): \(error)") }
        }
        return library
    }()

    public func profile(_ p: Int) -> ParkProfile {
        ParkProfile(park: p, members: members[p], dataset: data, thresholds: data.policy.checks)
    }

    private func districtName(_ code: String?) -> String {
        guard let code else { return "—" }
        return data.districts.first { $0.code == code }?.name ?? code
    }

    // MARK: Park page

    public func parkPage(_ p: Int) throws -> String {
        Self.library.render(try parkContext(p), withTemplate: "park") ?? ""
    }

    /// The values of the `park` template; with `printMap`, `printMap` holds the lighter map of
    /// the print atlas (`ParkMaps.parkMap(print: true)`).
    /// - Parameter locators: the locators made once for all pages (`writeParkPages`); without, drawn in full.
    func parkContext(_ p: Int, printMap: Bool = false, locators: ParkMaps.Locators? = nil) throws -> [String: Any] {
        let park = data.parks[p]
        let profile = profile(p)
        let findings = (findingsOfPark[park.id] ?? []).map { results.check.findings[$0] }
        let numbered = findings.prefix(Self.findingsPerPark).enumerated().map { (number: $0.offset + 1, finding: $0.element) }
        let map = try ParkMaps.parkMap(park: p, profile: profile, findings: Array(numbered), data: data, print: false, parcelIndex: parcelIndex)
        let locator = try locators?.locator(park: p, data: data) ?? ParkMaps.locator(park: p, data: data)
        var c: [String: Any] = [
            "title": "\(park.name) · 园区页 Park page", "name": park.name, "id": park.id, "levelZh": park.level.nameZh,
            "districtName": districtName(park.district),
            "statusZh": park.featuredStatus.map { "特色园区 \($0.nameZh)" } ?? "非特色园区 not featured",
            "mapSVG": HTML.inlineSVG(map, id: "m-\(park.id)"), "locatorSVG": HTML.inlineSVG(locator, id: "l-\(park.id)"),
        ]
        if printMap {
            let printed = try ParkMaps.parkMap(park: p, profile: profile, findings: Array(numbered), data: data, print: true, parcelIndex: parcelIndex)
            c["printMap"] = HTML.inlineSVG(printed, id: "a-\(park.id)")
        }
        if let parent = park.parent, let q = data.parks.firstIndex(where: { $0.id == parent }) {
            c["parent"] = ["name": data.parks[q].name, "file": Self.fileName(parent)]
        }
        let subs = data.parks.filter { $0.parent == park.id }
        if !subs.isEmpty {
            c["hasSubParks"] = true
            c["subParks"] = subs.map { ["name": $0.name, "id": $0.id, "file": Self.fileName($0.id)] }
        }
        positioning(profile, into: &c)
        land(p, profile, into: &c)
        c["findings"] = numbered.map { item -> [String: Any] in
            let f = item.finding
            var d: [String: Any] = ["number": item.number, "severity": f.severity.rawValue, "severityZh": f.severity.nameZh,
                                    "ruleZh": f.rule.titleZh, "messageZh": f.messageZh, "messageEn": f.messageEn]
            if let view = ParkMaps.view(of: park), ParkMaps.isOnMap(f, view: view) { d["onMap"] = true }
            if let s = f.suggestion {
                d["suggestion"] = "\(s.name) (\(s.park))" + (s.distance.map { " · \(NumberText.grouped($0 / 1000, decimals: 1)) km" } ?? "")
                    + (s.share.map { " · \(HTML.percent($0))" } ?? "")
            }
            return d
        }
        if findings.count > numbered.count { c["moreFindings"] = findings.count - numbered.count }
        return c
    }

    // MARK: Print atlas

    /// Findings of a park listed in the print atlas (the park page lists them all).
    public static let findingsPerPrintedPark = 4

    /// The print atlas (atlas.html): the city summary, then one page per park with its map
    /// fitting the page (print stylesheet: `break-before: page`, the map at most 150 mm high on
    /// A4). `parks` are the park pages' contexts (`parkContext(_:printMap: true)`), which hold
    /// each park's printed map.
    func atlasPage(dataset: String, parks: [[String: Any]]) -> String {
        let report = ReportPage(dataset: dataset, data: data, results: results, evaluation: yearOnYear, maps: [])
        let folder = URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent
        var c: [String: Any] = [
            "title": "\(folder) 园区图集 Park atlas", "dataset": dataset, "summary": report.summaryContext(), "city": cityContext(),
        ]
        c["parks"] = zip(data.parks, parks).map { park, page -> [String: Any] in
            var x = page
            x["mapSVG"] = page["printMap"] as? String ?? ""
            let findings = page["findings"] as? [[String: Any]] ?? []
            x["printedFindings"] = Array(findings.prefix(Self.findingsPerPrintedPark))
            let more = findings.count - min(findings.count, Self.findingsPerPrintedPark) + (page["moreFindings"] as? Int ?? 0)
            if more > 0 { x["morePrinted"] = more }
            x["findingCount"] = findings.count + (page["moreFindings"] as? Int ?? 0)
            x["pageFile"] = Self.file(park.id)
            if let v = results.check.parks.first(where: { $0.id == park.id })?.verdict {
                x["verdict"] = "\(v.nameZh) \(v.rawValue)"
                x["verdictBadge"] = v == .compliant ? "ok" : v == .attention ? "warn" : "act"
            }
            return x
        }
        return Self.library.render(c, withTemplate: "atlas") ?? ""
    }

    private func positioning(_ x: ParkProfile, into c: inout [String: Any]) {
        c["capName"] = x.capName
        c["mainCount"] = x.mainCount
        c["featuredCount"] = x.featuredCount
        c["capStatus"] = x.capExceeded ? "超限 over the cap" : "符合 within the cap"
        c["capBadge"] = x.capExceeded ? "act" : "ok"
        c["leadingShare"] = HTML.percent(x.leadingShare)
        c["leadingThreshold"] = HTML.percent(x.leadingThreshold)
        let below = x.leadingShare.map { $0 < x.leadingThreshold } ?? true
        c["leadingStatus"] = x.leadingShare == nil ? "无产值 no output" : below ? "低于目标 below" : "达标 met"
        c["leadingBadge"] = below ? "warn" : "ok"
        var declared = TemplateTable(headers: [("产业", "industry", false), ("类型", "role", false), ("产值占比", "output share", true),
                                               ("企业", "enterprises", true), ("状态", "status", false)])
        for d in x.declared {
            declared.rows.append((nil, [
                .init(text: d.name, small: d.code), .init(text: d.role == "main" ? "主导 main" : "特色 featured"),
                .init(text: HTML.percent(d.outputShare), num: true), .init(text: String(d.enterprises), num: true),
                d.absent ? .init(text: "声明但缺失 declared, absent", badge: "act") : .init(text: "存在 present"),
            ]))
        }
        c["declaredTable"] = declared.context
        let series = [Charts.Series("产值 output", "#1F4E79"), Charts.Series("税收 tax", "#F07C16"), Charts.Series("就业 employees", "#2E7D32")]
        let shown = x.divisions.filter { d in [d.output, d.tax, d.employees].contains { ($0 ?? 0) >= 0.005 } || d.declared }.prefix(12)
        let rows = shown.map { d in
            Charts.Row(label: d.name, code: d.code, values: [d.output, d.tax, d.employees],
                       marks: (d.declared ? ["已声明 declared"] : []) + (d.largeUndeclared ? ["较大但未声明 large, undeclared"] : []),
                       highlighted: d.declared)
        }
        let max = Swift.max(0.25, (shown.flatMap { [$0.output, $0.tax, $0.employees] }.compactMap { $0 }.max() ?? 0))
        let axis = (max * 4).rounded(.up) / 4
        c["divisionChart"] = Charts.shareBars(rows: Array(rows), series: series, maximum: Swift.min(1, axis), title: "大类份额 Shares by division")
        let classRows = x.leadingClasses.filter { d in [d.output, d.tax, d.employees].contains { ($0 ?? 0) >= 0.005 } || d.declared }.prefix(12).map { d in
            Charts.Row(label: d.name, code: d.code, values: [d.output, d.tax, d.employees],
                       marks: (d.declared ? ["已声明 declared"] : []) + (d.largeUndeclared ? ["较大但未声明 large, undeclared"] : []),
                       highlighted: d.declared)
        }
        c["classChart"] = Charts.shareBars(rows: Array(classRows), series: series, maximum: Swift.min(1, axis), title: "小类份额 Shares by class")
        c["positioningNote"] = "Shares of the park's enterprises (with its sub-parks): output \(NumberText.grouped(x.totalOutput, decimals: 0)) 万元, "
            + "tax \(NumberText.grouped(x.totalTax, decimals: 0)) 万元, employees \(NumberText.grouped(x.totalEmployees, decimals: 0)). "
            + "Highlighted rows are declared; \"large, undeclared\" = at least \(Int(ParkProfile.largeShare * 100)) % of output outside every declared code. "
            + "The leading-industry share is the one of the check rule leading-industry-share."
    }

    private func land(_ p: Int, _ x: ParkProfile, into c: inout [String: Any]) {
        let park = data.parks[p]
        let stats = results.stats.park(id: park.id)?.statistics
        let colours: [ParcelStatus: String] = [.built: "#4D7EA8", .underConstruction: "#7FB3D5", .suppliedUnbuilt: "#F7DC6F",
                                               .idle: "#D7191C", .ready: "#1A9641", .unready: "#7B3294", .unbuildable: "#BDBDBD"]
        let segments = ParcelStatus.allCases.map { s in ("\(s.nameZh) \(s.rawValue)", (stats?.area(of: s) ?? 0) / 10_000, colours[s] ?? "#999999") }
        c["statusChart"] = Charts.stackedBar(segments: segments, unit: "ha", title: "土地状态 Land by status")
        // Indicators: park, city median (over parks), national figure, previous year.
        let national = Dictionary(IntensiveUseIndicators.nationalReference.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let previous = yearOnYear?.result.comparison.parks.first { $0.id == park.id }
        var headers: [(String, String, Bool)] = [("指标", "indicator", false), ("本园区", "this park", true), ("全市园区中位数", "city median", true),
                                                  ("全国水平", "national", true)]
        if yearOnYear != nil { headers.append(("上年", "previous year", true)) }
        var table = TemplateTable(headers: headers)
        let values = Dictionary(stats?.indicators.all.map { ($0.indicator, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        for indicator in IntensiveUseIndicators.Indicator.allCases {
            let value = values[indicator] ?? nil
            let median = cityMedians[indicator] ?? nil
            let ref = national[indicator]
            var row: [TemplateTable.Cell] = [
                .init(text: indicator.nameZh, small: "\(indicator.nameEn) [\(indicator.unit)]"),
                .init(text: StatsRendering.indicatorText(value, indicator), low: ref.map { r in value.map { $0 < r.value } ?? false } ?? false, num: true),
                .init(text: StatsRendering.indicatorText(median, indicator), num: true),
                .init(text: ref.map { NumberText.fixed($0.value, decimals: 2) } ?? "—", small: ref.map { $0.year.map { "\($0)" } ?? "年份未记录 year not recorded" }, num: true),
            ]
            if yearOnYear != nil {
                let old = previous?.indicators.first { $0.indicator == indicator }?.old
                row.append(.init(text: StatsRendering.indicatorText(old, indicator), num: true))
            }
            table.rows.append((nil, row))
        }
        c["indicatorTable"] = table.context
        let sources = Set(IntensiveUseIndicators.nationalReference.map { "\($0.source)\($0.year.map { " (\($0))" } ?? "")" }).sorted()
        c["nationalNote"] = "全国水平 National figures (national-level development zones, rounded), sources: " + sources.joined(separator: "; ")
            + ". Values below the national figure are red. City median = median over the parks of this dataset."
        // Per-mu grades and top ten.
        // The members' evaluations in the report's order (positions ascending).
        let positions = x.members.compactMap { e -> Int? in
            let k = e < evaluatedPosition.count ? evaluatedPosition[e] : -1
            return k >= 0 ? Int(k) : nil
        }.sorted()
        let evaluated = results.benefit.map { b in positions.map { b.evaluated[$0] } } ?? []
        var grades = TemplateTable(headers: [("等级", "grade", false), ("企业数", "enterprises", true)])
        for g in BenefitGrade.allCases { grades.rows.append((nil, [.init(text: g.rawValue), .init(text: String(evaluated.count(where: { $0.grade == g })), num: true)])) }
        grades.rows.append((nil, [.init(text: "未参评 not evaluated"), .init(text: String(x.members.count - evaluated.count), num: true)]))
        c["gradeTable"] = grades.context
        // Output descending, then id ascending.
        let byOutput = TopSelection.first(10, of: x.members) { a, b in
            let (oa, ob) = (data.enterprises.output(at: a) ?? 0, data.enterprises.output(at: b) ?? 0)
            return oa != ob ? oa > ob : data.enterprises.id(at: a) < data.enterprises.id(at: b)
        }
        var top = TemplateTable(headers: [("企业", "enterprise", false), ("行业", "industry", false), ("产值 万元", "output", true)])
        for e in byOutput {
            let x = data.enterprises[e]
            top.rows.append((nil, [.init(text: x.name, small: x.id), .init(text: IndustryTable.nearestKnown(x.industry)?.nameZh ?? "", small: x.industry.value),
                                   .init(text: NumberText.grouped(x.output ?? 0, decimals: 0), num: true)]))
        }
        c["topOutput"] = top.context
        var tax = TemplateTable(headers: [("企业", "enterprise", false), ("行业", "industry", false), ("税收/亩 万元", "tax per mu", true), ("等级", "grade", false)])
        for b in evaluated.filter({ $0.taxPerMu != nil }).sorted(by: { ($0.taxPerMu!, $1.id) > ($1.taxPerMu!, $0.id) }).prefix(10) {
            tax.rows.append((nil, [.init(text: b.name, small: b.id), .init(text: IndustryTable.lookup(b.industry)?.nameZh ?? "", small: b.industry),
                                   .init(text: HTML.grouped(b.taxPerMu, 2), num: true), .init(text: b.grade.rawValue)]))
        }
        c["topTax"] = tax.context
    }

    // MARK: City sections

    /// The atlas sections of report.html: concentration, featured parks, park pages.
    public func citySections() -> String {
        Self.library.render(cityContext(), withTemplate: "citySections") ?? ""
    }

    /// The values of the `citySections` template.
    func cityContext() -> [String: Any] {
        // The report and the print atlas both show the city sections: made once per atlas.
        cityCache.value(make: makeCityContext)
    }

    /// The city sections made once (`cityContext`), whichever of the report and atlas.html asks first.
    final class CityContextCache: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: Any]?

        func value(make: () -> [String: Any]) -> [String: Any] {
            lock.withLock {
                if let stored { return stored }
                let made = make()
                stored = made
                return made
            }
        }
    }

    private func makeCityContext() -> [String: Any] {
        var c: [String: Any] = [:]
        if let k = results.concentration {
            let units = k.units
            let rows = units.map { u in
                Charts.Row(label: u.name, code: u.kind == nil ? "" : "\(u.kind == .functional ? "功能区" : "区县") \(u.code)",
                           values: [u.figures.countShare, u.figures.outputShare],
                           marks: [u.figures.countShare, u.figures.outputShare].contains { $0.map { $0 < k.target } ?? false } ? ["低于目标 below target"] : [],
                           highlighted: u.kind == nil)
            }
            c["concentrationChart"] = Charts.shareBars(rows: rows, series: [Charts.Series("企业数 by count", "#1F4E79"), Charts.Series("产值 by output", "#F07C16")],
                                                       target: (k.target, "目标 target \(HTML.percent(k.target))"), title: "工业企业入园率 Industrial enterprises in parks")
            var table = TemplateTable(headers: [("单位", "unit", false), ("工业企业", "industrial", true), ("园区内", "in parks", true),
                                                ("按企业数", "by count", true), ("按产值", "by output", true)])
            for u in units {
                let f = u.figures
                table.rows.append((u.kind == nil ? "ref" : nil, [
                    .init(text: u.name, small: u.kind == nil ? nil : u.code), .init(text: String(f.count), num: true), .init(text: String(f.countInside), num: true),
                    .init(text: HTML.percent(f.countShare), low: (f.countShare ?? 1) < k.target, num: true),
                    .init(text: HTML.percent(f.outputShare), low: (f.outputShare ?? 1) < k.target, num: true),
                ]))
            }
            c["concentrationTable"] = table.context
            c["concentrationNote"] = "工业企业 (GB/T 4754 门类 C) 位于园区内的比例，目标 \(HTML.percent(k.target)) (checks.outside_parks_target). "
                + "Counties partition the city as in the outside-parks rule; a functional zone counts every industrial enterprise inside it."
        }
        // Featured parks.
        let featured = data.parks.filter { $0.featuredStatus != nil }
        if !featured.isEmpty {
            var headers: [(String, String, Bool)] = [("园区", "park", false), ("状态", "status", false), ("主导产业占比", "leading share", true), ("结论", "check verdict", false)]
            if yearOnYear != nil { headers.append(("评估", "evaluate verdict", false)) }
            var table = TemplateTable(headers: headers)
            for park in featured {
                guard let p = data.parks.firstIndex(where: { $0.id == park.id }) else { continue }
                let leadingShare = ParkProfile.leadingShare(park: p, members: members[p], dataset: data)
                let verdict = results.check.parks.first { $0.id == park.id }?.verdict
                var row: [TemplateTable.Cell] = [
                    .init(text: park.name, small: park.id, link: Self.file(park.id)), .init(text: park.featuredStatus!.nameZh + " " + park.featuredStatus!.rawValue),
                    .init(text: HTML.percent(leadingShare), low: (leadingShare ?? 0) < data.policy.checks.leadingIndustryShare, num: true),
                    .init(text: verdict.map { "\($0.nameZh) \($0.rawValue)" } ?? "—", badge: verdict.map { $0 == .compliant ? "ok" : $0 == .attention ? "warn" : "act" }),
                ]
                if let y = yearOnYear {
                    let card = y.result.cards.first { $0.id == park.id }
                    row.append(.init(text: card.map { "\($0.verdict.nameZh) \($0.verdict.rawValue)" } ?? "—"))
                }
                table.rows.append((nil, row))
            }
            c["featuredTable"] = table.context
        }
        c["featuredNote"] = yearOnYear == nil ? "With --previous, the evaluate verdicts are added." : "Evaluate verdicts against \(yearOnYear!.previousName)."
        var parks = TemplateTable(headers: [("园区", "park", false), ("级别", "level", false), ("区县", "district", false), ("上级园区", "parent", false), ("企业", "enterprises", true)])
        for (p, park) in data.parks.enumerated() {
            parks.rows.append((nil, [
                .init(text: park.name, small: park.id, link: Self.file(park.id)), .init(text: park.level.nameZh),
                .init(text: districtName(park.district)),
                .init(text: park.parent.flatMap { id in data.parks.first { $0.id == id }?.name } ?? "—"),
                .init(text: String(members[p].count), num: true),
            ]))
        }
        c["parkTable"] = parks.context
        return c
    }
}
