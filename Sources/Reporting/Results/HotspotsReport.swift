import Foundation
import Cartography
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// Rendering of a `HotspotAnalysis`: table, stable JSON, CSV, styled GeoJSON.
public enum HotspotsReport {
    public static func binMeaning(_ bin: Int) -> String {
        switch bin {
        case 3: "热点 hot spot, 99 %"
        case 2: "热点 hot spot, 95 %"
        case 1: "热点 hot spot, 90 %"
        case -1: "冷点 cold spot, 90 %"
        case -2: "冷点 cold spot, 95 %"
        case -3: "冷点 cold spot, 99 %"
        default: "不显著 not significant"
        }
    }

    /// simplestyle marker colours: a diverging red–blue scheme (ColorBrewer RdBu).
    public static func colour(_ bin: Int?) -> String {
        switch bin {
        case 3: "#b2182b"
        case 2: "#ef8a62"
        case 1: "#fddbc7"
        case -1: "#d1e5f0"
        case -2: "#67a9cf"
        case -3: "#2166ac"
        default: "#bdbdbd"
        }
    }

    public static func json(_ a: HotspotAnalysis, enterprises: EnterpriseTable) -> JSONValue {
        json(a, id: { enterprises.id(at: $0) })
    }

    /// - Parameters:
    ///   - id: the id of the enterprise at an index.
    ///   - perEnterprise: false leaves `gi_star` out (a city too big for JSON, `AnalyzeOutputRule`:
    ///     the rows are in hotspots.csv and the enterprises layer of results.gpkg).
    ///   - excluded: false leaves `excluded` out (then in hotspots_excluded.csv).
    public static func json(_ a: HotspotAnalysis, id: (Int) -> String, perEnterprise: Bool = true, excluded withExcluded: Bool = true) -> JSONValue {
        var o: JSONObject = [:]
        o["crs"] = .string(a.crsLabel)
        o["value"] = .string(a.value.rawValue)
        o["band_m"] = .double(a.band)
        o["fdr"] = .bool(a.fdr)
        o["n"] = .integer(Int64(a.entries.count))
        if perEnterprise { o["gi_star"] = .array(a.entries.map { e in
            var r: JSONObject = ["id": .string(id(e.enterprise)), "z": JSONValue.number(e.z), "p": JSONValue.number(e.p)]
            if a.fdr { r["q"] = JSONValue.number(e.q) }
            r["bin"] = .integer(Int64(e.bin))
            r["neighbours"] = .integer(Int64(e.neighbours))
            return .object(r)
        }) }
        let m = a.moran
        o["moran"] = .object([
            "i": JSONValue.number(m.i), "expected_i": JSONValue.number(m.expectedI), "variance": JSONValue.number(m.variance), "z": JSONValue.number(m.z), "p": JSONValue.number(m.p),
            "islands": .integer(Int64(m.islands)),
        ])
        if withExcluded {
            o["excluded"] = .array(a.excluded.map { .object(["id": .string(id($0.enterprise)), "reason": .string($0.reason)]) })
        }
        return .object(o)
    }

    public static func csv(_ a: HotspotAnalysis, enterprises: EnterpriseTable) -> String {
        var out = CSVText.row(csvHeader(a))
        for e in a.entries { out += CSVText.row(csvRow(a, e, id: enterprises.id(at: e.enterprise))) }
        return out
    }

    /// hotspots.csv streamed into `csv`: the same bytes as `csv(_:enterprises:)`.
    public static func csv(_ a: HotspotAnalysis, id: (Int) -> String, to csv: CSVStream) throws {
        try csv.row(csvHeader(a))
        for e in a.entries { try csv.row(csvRow(a, e, id: id(e.enterprise))) }
    }

    /// hotspots_excluded.csv (id, reason), written when `excluded` is too long for hotspots.json.
    public static func excludedCSV(_ a: HotspotAnalysis, id: (Int) -> String, to csv: CSVStream) throws {
        try csv.row(["id", "reason"])
        for x in a.excluded { try csv.row([id(x.enterprise), x.reason]) }
    }

    static func csvHeader(_ a: HotspotAnalysis) -> [String] { ["id", "value", "z", "p"] + (a.fdr ? ["q"] : []) + ["bin", "neighbours"] }

    static func csvRow(_ a: HotspotAnalysis, _ e: HotspotAnalysis.Entry, id: String) -> [String] {
        func f(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        return [id, "\(e.value)", f(e.z), f(e.p)] + (a.fdr ? [f(e.q)] : []) + ["\(e.bin)", "\(e.neighbours)"]
    }

    public static func table(_ a: HotspotAnalysis, enterprises: EnterpriseTable) -> String {
        func fx(_ v: Double?, _ d: Int) -> String { v.map { NumberText.fixed($0, decimals: d) } ?? "—" }
        func pv(_ v: Double?) -> String { v.map { $0 < 1e-4 ? String(format: "%.1e", $0) : NumberText.fixed($0, decimals: 4) } ?? "—" }
        var out = "Getis–Ord Gi* hot spots (热点分析) of \(a.value.rawValue), band \(NumberText.grouped(a.band, decimals: 0)) m\n"
        out += "  CRS        \(a.crsLabel)\n"
        out += "  evaluated  \(Plural.count(a.entries.count, "enterprise"))"
        out += a.excluded.isEmpty ? "\n" : "; \(a.excluded.count) excluded (no \(a.value.rawValue) or no location)\n"
        out += "  bins       \(a.fdr ? "Benjamini–Hochberg FDR-adjusted (q)" : "raw two-sided p") at 0.01 / 0.05 / 0.10\n\n"
        var t = TextTable(headers: ["bin", "meaning", "enterprises"])
        t.rightAligned = [0, 2]
        for bin in stride(from: 3, through: -3, by: -1) {
            t.rows.append([String(bin), binMeaning(bin), String(a.entries.count(where: { $0.bin == bin }))])
        }
        out += t.render(indent: "  ") + "\n"
        let m = a.moran
        out += "Global Moran's I (全局莫兰指数), row-standardised, same band\n"
        out += "  I \(fx(m.i, 6))   E[I] \(fx(m.expectedI, 6))   Var \(fx(m.variance, 8))   z \(fx(m.z, 3))   p \(pv(m.p))"
        out += m.islands > 0 ? "   islands \(m.islands)\n\n" : "\n\n"
        let ranked = a.entries.filter { $0.z != nil }.sorted { ($0.z!, enterprises.id(at: $1.enterprise)) > ($1.z!, enterprises.id(at: $0.enterprise)) }
        for (title, rows) in [("Hottest enterprises", Array(ranked.prefix(10))), ("Coldest enterprises", Array(ranked.suffix(10).reversed()))] {
            out += "\(title)\n"
            // Under FDR the bins follow q, so both p and q are shown, each under its own name.
            var r = TextTable(
                headers: ["id", "name", "industry", a.value.rawValue, "neighbours", "z", "p"] + (a.fdr ? ["q (FDR)"] : []) + ["bin"])
            r.rightAligned = Set(3..<(a.fdr ? 9 : 8))
            for e in rows {
                let ent = enterprises[e.enterprise]
                r.rows.append([ent.id, TextTable.truncated(ent.name, width: 24), ent.industry.value,
                               NumberText.grouped(e.value, decimals: a.value == .employees ? 0 : 1),
                               String(e.neighbours), fx(e.z, 3), pv(e.p)] + (a.fdr ? [pv(e.q)] : []) + [String(e.bin)])
            }
            out += r.render(indent: "  ") + "\n"
        }
        if !a.excluded.isEmpty {
            out += "Excluded\n"
            for x in a.excluded.prefix(20) { out += "  \(enterprises.id(at: x.enterprise)): \(x.reason)\n" }
            if a.excluded.count > 20 { out += "  … \(a.excluded.count - 20) more\n" }
        }
        return out
    }

    /// Every enterprise as a styled point: its input properties (`exportProperties`, the one
    /// path every export takes), then the results, then styling keys the input does not have.
    public static func map(_ a: HotspotAnalysis, enterprises: EnterpriseTable) -> FeatureCollection {
        var entryOf = [Int: HotspotAnalysis.Entry]()
        for e in a.entries { entryOf[e.enterprise] = e }
        var excludedReason = [Int: String]()
        for x in a.excluded { excludedReason[x.enterprise] = x.reason }
        let features = enterprises.indices.map { k -> Feature in
            let ent = enterprises[k]
            var p = ent.exportProperties
            let entry = entryOf[k]
            p["gi_z"] = JSONValue.number(entry?.z)
            p["gi_p"] = JSONValue.number(entry?.p)
            if a.fdr { p["gi_q"] = JSONValue.number(entry?.q) }
            p["gi_bin"] = entry.map { .integer(Int64($0.bin)) } ?? .null
            let description = entry.map {
                "\(binMeaning($0.bin)); Gi* z = \($0.z.map { NumberText.fixed($0, decimals: 3) } ?? "—"), \(a.value.rawValue) = \($0.value)"
            } ?? "excluded: \(excludedReason[k] ?? "")"
            p.addMissing([
                "marker-color": .string(colour(entry?.bin)), "marker-size": .string(abs(entry?.bin ?? 0) >= 2 ? "medium" : "small"),
                "title": .string("\(ent.name) (\(ent.id))"), "description": .string(description),
            ])
            return Feature(id: .string(ent.id), geometry: ent.geometry, properties: p)
        }
        return FeatureCollection(features: features)
    }
}
