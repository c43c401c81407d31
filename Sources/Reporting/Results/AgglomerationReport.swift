import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// Rendering of an `AgglomerationAnalysis`.
public enum AgglomerationReport {
    public static func names(_ code: String) -> (zh: String, en: String) {
        let entry = IndustryTable.lookup(code)
        return (entry?.nameZh ?? "", entry?.nameEn ?? "")
    }

    public static func json(_ a: AgglomerationAnalysis, dataset: Dataset) -> JSONValue {
        let x = a.indices, c = a.colocation
        var o: JSONObject = [:]
        o["crs"] = .string(a.crsLabel)
        o["measure"] = .string(a.measure.rawValue)
        o["level"] = .integer(Int64(a.level.rawValue))
        o["industries"] = .array(a.industries.enumerated().map { i, code in
            let n = names(code)
            return .object(["code": .string(code), "name_zh": .string(n.zh), "name_en": .string(n.en),
                            "e": .double(x.industryTotals[i]), "enterprises": .integer(Int64(c.counts[i]))])
        })
        o["units"] = .array(a.units.enumerated().map { p, id in .object(["id": .string(id), "e": .double(x.unitTotals[p])]) })
        var lq: [JSONValue] = []
        for i in a.industries.indices where x.industryTotals[i] > 0 {
            for p in a.units.indices {
                lq.append(.object(["industry": .string(a.industries[i]), "unit": .string(a.units[p]),
                                   "lq": JSONValue.number(x.locationQuotient(industry: i, unit: p))]))
            }
        }
        o["location_quotients"] = .array(lq)
        o["hhi"] = .array(a.industries.indices.map { i in
            let h = x.industryHHI(i)
            return .object(["industry": .string(a.industries[i]), "hhi": JSONValue.number(h.hhi), "normalized": JSONValue.number(h.normalized)])
        })
        o["park_hhi"] = .array(a.units.indices.map { p in
            let h = x.unitHHI(p)
            return .object(["park": .string(a.units[p]), "hhi": JSONValue.number(h.hhi), "normalized": JSONValue.number(h.normalized)])
        })
        o["ellison_glaeser"] = .array(a.industries.indices.map { i in
            .object(["industry": .string(a.industries[i]), "gamma": JSONValue.number(x.ellisonGlaeser(i))])
        })
        var clq: [JSONValue] = []
        for i in a.industries.indices where c.counts[i] > 0 {
            for j in a.industries.indices where c.counts[j] > 0 {
                clq.append(.object(["a": .string(a.industries[i]), "b": .string(a.industries[j]),
                                    "clq": JSONValue.number(c.quotient(i, j)), "p": JSONValue.number(c.p(i, j))]))
            }
        }
        o["colocation"] = .array(clq)
        o["permutations"] = .integer(Int64(c.permutations))
        o["excluded"] = .array(a.excluded.map { .object(["id": .string(dataset.enterprises.id(at: $0.enterprise)), "reason": .string($0.reason)]) })
        return .object(o)
    }

    /// CSV: the location-quotient table (industry, unit, e, lq).
    public static func csv(_ a: AgglomerationAnalysis) -> String {
        var out = CSVText.row(["industry", "unit", "e", "lq"])
        for i in a.industries.indices where a.indices.industryTotals[i] > 0 {
            for p in a.units.indices {
                let lq = a.indices.locationQuotient(industry: i, unit: p).map { String($0) } ?? ""
                out += CSVText.row([a.industries[i], a.units[p], "\(a.indices.value(industry: i, unit: p))", lq])
            }
        }
        return out
    }

    public static func table(_ a: AgglomerationAnalysis, dataset: Dataset) -> String {
        func fx(_ v: Double?, _ d: Int = 3) -> String { v.map { NumberText.fixed($0, decimals: d) } ?? "—" }
        let x = a.indices, c = a.colocation
        let parkNames = Dictionary(dataset.parks.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func unitName(_ id: String) -> String { id == AgglomerationAnalysis.outsideUnit ? "园区外 outside parks" : TextTable.truncated("\(id) \(parkNames[id] ?? "")", width: 36) }
        var out = "Industry agglomeration (产业集聚) by \(a.measure.rawValue), level \(a.level.rawValue), \(Plural.count(a.units.count, "unit"))\n"
        out += "  CRS  \(a.crsLabel)\n"
        if !a.excluded.isEmpty { out += "  \(Plural.count(a.excluded.count, "enterprise")) excluded from LQ/HHI/γ (no \(a.measure.rawValue))\n" }
        out += "\nIndustries: concentration across units (HHI) and Ellison–Glaeser γ\n"
        // The measure is named in every header (not "e"), names are capped so the table stays readable.
        let measure = a.measure.rawValue
        var t = TextTable(headers: ["industry", "name", measure, "HHI", "HHI norm", "γ (EG)", "top unit", "LQ"])
        t.rightAligned = [2, 3, 4, 5, 7]
        let order = a.industries.indices.sorted { x.industryTotals[$0] > x.industryTotals[$1] || (x.industryTotals[$0] == x.industryTotals[$1] && $0 < $1) }
        for i in order where x.industryTotals[i] > 0 {
            let h = x.industryHHI(i)
            let best = a.units.indices.max { (x.locationQuotient(industry: i, unit: $0) ?? -1, -$0) < (x.locationQuotient(industry: i, unit: $1) ?? -1, -$1) }
            let n = names(a.industries[i])
            t.rows.append([a.industries[i], TextTable.truncated("\(n.zh) \(n.en)", width: 40), NumberText.grouped(x.industryTotals[i], decimals: 0), fx(h.hhi), fx(h.normalized),
                           fx(x.ellisonGlaeser(i), 4), best.map { a.units[$0] } ?? "—",
                           fx(best.flatMap { x.locationQuotient(industry: i, unit: $0) }, 2)])
        }
        out += t.render(indent: "  ") + "\n"
        out += "Units: industry-mix concentration (HHI)\n"
        var u = TextTable(headers: ["unit", measure, "HHI", "HHI norm"])
        u.rightAligned = [1, 2, 3]
        for p in a.units.indices {
            let h = x.unitHHI(p)
            u.rows.append([unitName(a.units[p]), NumberText.grouped(x.unitTotals[p], decimals: 0), fx(h.hhi), fx(h.normalized)])
        }
        out += u.render(indent: "  ") + "\n"
        out += "Location quotients ≥ 1.5 (specialisation)\n"
        var l = TextTable(headers: ["unit", "industry", measure, "LQ"])
        l.rightAligned = [2, 3]
        var lqRows: [(Double, Int, Int)] = []
        for i in a.industries.indices {
            for p in a.units.indices { if let q = x.locationQuotient(industry: i, unit: p), q >= 1.5 { lqRows.append((q, i, p)) } }
        }
        lqRows.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        for (q, i, p) in lqRows.prefix(30) {
            l.rows.append([unitName(a.units[p]), a.industries[i], NumberText.grouped(x.value(industry: i, unit: p), decimals: 0), fx(q, 2)])
        }
        if lqRows.count > 30 { l.rows.append(["… \(lqRows.count - 30) more (see --format json)", "", "", ""]) }
        out += l.render(indent: "  ") + "\n"
        out += "Co-location quotients (Leslie–Kronenfeld), strongest pairs"
        out += c.permutations > 0 ? ", p from \(c.permutations) permutations\n" : "\n"
        var q = TextTable(headers: ["A", "→ B", "N_A", "N_B", "CLQ", "p"])
        q.rightAligned = [2, 3, 4, 5]
        var pairs: [(Double, Int, Int)] = []
        for i in a.industries.indices where c.counts[i] >= 5 {
            for j in a.industries.indices where c.counts[j] >= 5 { if let v = c.quotient(i, j) { pairs.append((v, i, j)) } }
        }
        pairs.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        for (v, i, j) in pairs.prefix(20) {
            q.rows.append([a.industries[i], a.industries[j], String(c.counts[i]), String(c.counts[j]), fx(v, 2), fx(c.p(i, j), 3)])
        }
        out += q.render(indent: "  ")
        out += "  (pairs of industries with at least 5 enterprises; all pairs in --format json)\n"
        return out
    }
}
