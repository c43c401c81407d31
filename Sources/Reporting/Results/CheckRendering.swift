import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The `check` report as stable JSON (docs/cli.md), CSV, a readable report and a styled GeoJSON map.
public struct CheckRendering {
    public let dataset: String
    public let report: CheckReport
    /// District and functional-zone names by code, so that people read 三台县, not 510722.
    public var districtNames: [String: String] = [:]

    /// - Parameters:
    ///   - dataset: the dataset's name as the user gave it.
    ///   - districtNames: names by district code, for tables (`DistrictNames.of`).
    public init(dataset: String, report: CheckReport, districtNames: [String: String] = [:]) {
        self.dataset = dataset
        self.report = report
        self.districtNames = districtNames
    }

    public static let distanceMethod = "planar metres in the local metric frame (crs)"
    public static let areaMethod = "ellipsoidal area on GRS80 (PROJ geod_polygonarea)"

    // MARK: JSON

    public func json() -> JSONValue { json(findings: true) }

    /// - Parameter findings: false leaves the `findings` array out, for a city too big for JSON
    ///   (`AnalyzeOutputRule`); they are in findings.csv and the findings layer of results.gpkg.
    public func json(findings withFindings: Bool) -> JSONValue {
        let s = report.summary
        var root: JSONObject = [
            "dataset": .string(dataset),
            "crs": .string(report.crs),
            "distance_method": .string(Self.distanceMethod),
            "area_method": .string(Self.areaMethod),
            "summary": .object(["error": .integer(Int64(s.error)), "warning": .integer(Int64(s.warning)), "info": .integer(Int64(s.info))]),
            "skipped_rules": .array(report.skippedRules.map { .string($0.rawValue) }),
            "parks": .array(report.parks.map { p in
                .object([
                    "id": .string(p.id), "name": .string(p.name), "district": p.district.map(JSONValue.string) ?? .null,
                    "verdict": .string(p.verdict.rawValue), "verdict_zh": .string(p.verdict.nameZh),
                    "error": .integer(Int64(p.counts.error)), "warning": .integer(Int64(p.counts.warning)),
                    "info": .integer(Int64(p.counts.info)),
                ])
            }),
        ]
        if withFindings { root["findings"] = .array(report.findings.map { .object(Self.properties($0)) }) }
        return .object(root)
    }

    /// Every field of a finding, in docs/cli.md order, then the additions.
    public static func properties(_ f: Finding) -> JSONObject {
        var subject: JSONObject = ["kind": .string(f.subject.kind.rawValue)]
        if f.subject.isPair { subject["ids"] = .array(f.subject.ids.map(JSONValue.string)) } else { subject["id"] = .string(f.subject.ids[0]) }
        var suggestion: JSONValue = .null
        if let s = f.suggestion {
            var o: JSONObject = ["park": .string(s.park), "name": .string(s.name)]
            if let d = s.distance { o["distance_m"] = JSONValue.number(d) }
            if let share = s.share { o["share"] = JSONValue.number(share) }
            suggestion = .object(o)
        }
        return [
            "rule": .string(f.rule.rawValue), "severity": .string(f.severity.rawValue), "subject": .object(subject),
            "message_zh": .string(f.messageZh), "message_en": .string(f.messageEn),
            "value": JSONValue.number(f.value), "threshold": JSONValue.number(f.threshold), "unit": .string(f.unit.rawValue),
            "suggestion": suggestion, "parks": .array(f.parks.map(JSONValue.string)),
            "district": f.district.map(JSONValue.string) ?? .null,
        ]
    }

    // MARK: GeoJSON

    /// simplestyle colours by severity.
    public static func colour(_ s: Severity) -> String {
        switch s {
        case .error: "#d7191c"
        case .warning: "#fd8d3c"
        case .info: "#2c7bb6"
        }
    }

    public func featureCollection() -> FeatureCollection {
        FeatureCollection(features: report.findings.indices.map(feature))
    }

    /// The i-th feature of `featureCollection()` (a big city's findings are written one at a time).
    public func feature(_ i: Int) -> Feature {
        do {
            let f = report.findings[i]
            var p = Self.properties(f)
            let colour = Self.colour(f.severity)
            p["title"] = .string("\(f.rule.rawValue) \(f.subject.ids.joined(separator: " / "))")
            p["description"] = .string(f.messageZh + "\n" + f.messageEn)
            p["marker-color"] = .string(colour)
            p["stroke"] = .string(colour)
            p["stroke-width"] = .double(2)
            p["fill"] = .string(colour)
            p["fill-opacity"] = .double(0.35)
            return Feature(geometry: f.geometry, properties: p)
        }
    }

    // MARK: CSV

    public func csv() -> String {
        var out = Self.csvHeader.joined(separator: ",") + "\n"
        for f in report.findings { out += CSVText.row(Self.csvRow(f)) }
        return out
    }

    /// findings.csv streamed into `csv`: the same bytes as `csv()`.
    public func csv(to csv: CSVStream) throws {
        try csv.row(Self.csvHeader)
        for f in report.findings { try csv.row(Self.csvRow(f)) }
    }

    static let csvHeader = ["rule", "severity", "subject_kind", "subject_id", "value", "threshold", "unit", "suggestion_park",
                            "suggestion_distance_m", "parks", "district", "message_zh", "message_en"]

    static func csvRow(_ f: Finding) -> [String] {
        let number = { (v: Double?) -> String in CSVText.number(v) }
        var cells: [String] = [f.rule.rawValue, f.severity.rawValue, f.subject.kind.rawValue, f.subject.ids.joined(separator: " / ")]
        cells += [number(f.value), number(f.threshold), f.unit.rawValue]
        cells += [f.suggestion?.park ?? "", number(f.suggestion?.distance), f.parks.joined(separator: " ")]
        cells += [f.district ?? "", f.messageZh, f.messageEn]
        return cells
    }

    // MARK: Table

    /// Findings listed per rule before "… N more".
    public static let listLimit = 25

    public func table() -> String {
        let s = report.summary
        var out = "\(dataset): layout-consolidation checks 布局整合检查 (rules: docs/analyses.md §4)\n"
        out += "Distances: \(Self.distanceMethod), \(report.crs); areas: \(Self.areaMethod)\n"
        out += "Summary 汇总: \(Plural.count(s.error, "error")) 错误, \(Plural.count(s.warning, "warning")) 警告, \(s.info) info 提示\n"
        if !report.skippedRules.isEmpty {
            out += "Not run (file missing) 未检查: " + report.skippedRules.map(\.rawValue).joined(separator: ", ") + "\n"
        }
        out += "\nParks by district 园区结论（按区县）\n"
        var t = TextTable(headers: ["district 区县", "id", "name 名称", "verdict 结论", "errors", "warnings", "info"])
        t.rightAligned = [4, 5, 6]
        // Grouped by district, parks without one last, dataset order within a district.
        let order = report.parks.indices.sorted { a, b in
            let da = report.parks[a].district ?? "\u{10FFFF}", db = report.parks[b].district ?? "\u{10FFFF}"
            return da != db ? da < db : a < b
        }
        let parks = order.map { report.parks[$0] }
        for p in parks {
            t.rows.append([p.district.map { districtNames[$0] ?? $0 } ?? "—", p.id, p.name, "\(p.verdict.nameZh) \(p.verdict.rawValue.replacingOccurrences(of: "_", with: " "))",
                           String(p.counts.error), String(p.counts.warning), String(p.counts.info)])
        }
        out += t.render()

        out += "\nFindings by rule 按规则\n"
        // Indices, not Finding copies: a big city has hundreds of thousands of findings.
        let findings = report.findings
        var byRule = [[Int]](repeating: [], count: CheckRule.allCases.count)
        for (i, f) in findings.enumerated() { byRule[f.rule.order].append(i) }
        for rule in CheckRule.allCases where !byRule[rule.order].isEmpty {
            let indices = byRule[rule.order]
            var counts = [Severity: Int]()
            for i in indices { counts[findings[i].severity, default: 0] += 1 }
            let severities = Severity.allCases.reversed().compactMap { sev in counts[sev].map { "\($0) \(sev.rawValue)" } }
            out += "\n\(rule.rawValue) \(rule.titleZh) — \(severities.joined(separator: ", "))\n"
            // Grouped by park (or district), groups in order of first appearance; only the first lines are listed.
            var groupOrder: [String] = []
            var groups: [String: [Int]] = [:]
            for i in indices {
                let f = findings[i]
                let key = f.parks.first ?? f.district.map { "district \($0)" } ?? "city 全市"
                if groups[key] == nil { groupOrder.append(key) }
                groups[key, default: []].append(i)
            }
            var shown = 0
            for key in groupOrder where shown < Self.listLimit {
                out += "  [\(key)]\n"
                for i in groups[key]!.prefix(Self.listLimit - shown) {
                    out += "    \(findings[i].severity.rawValue.uppercased()) \(findings[i].messageZh)\n"
                    out += "      \(findings[i].messageEn)\n"
                    shown += 1
                }
            }
            if indices.count > shown { out += "  … \(indices.count - shown) more (see --format json or --out findings.geojson)\n" }
        }
        if report.findings.isEmpty { out += "  none 无\n" }
        return out
    }
}
