import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// Small helpers to write HTML by hand: escaping, tables, number cells.
public enum HTML {
    /// Escapes text for element content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A table; headers are HTML (already escaped, so they may hold `<br>`), cells are escaped
    /// unless `raw` names their column. `numeric` columns are right-aligned.
    public static func table(headers: [String], rows: [[String]], numeric: Set<Int> = [], raw: Set<Int> = [], classes: String = "") -> String {
        var out = "<div class=\"table-wrap\"><table class=\"\(classes)\"><thead><tr>"
        for (i, h) in headers.enumerated() { out += "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(h)</th>" }
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(raw.contains(i) ? cell : escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// "中文<br><span class=en>English</span>" table header.
    public static func header(_ zh: String, _ en: String) -> String {
        "\(escape(zh))<br><span class=\"en\">\(escape(en))</span>"
    }

    public static func fixed(_ v: Double?, _ decimals: Int) -> String {
        v.map { NumberText.fixed($0, decimals: decimals) } ?? "—"
    }

    public static func grouped(_ v: Double?, _ decimals: Int) -> String {
        v.map { NumberText.grouped($0, decimals: decimals) } ?? "—"
    }

    public static func percent(_ v: Double?) -> String {
        v.map { NumberText.fixed($0 * 100, decimals: 1) + " %" } ?? "—"
    }

    /// An inline SVG for an HTML page: no XML prolog, no namespace URL (the HTML parser
    /// puts `<svg>` in the SVG namespace), so the page holds no http(s) reference.
    public static func inlineSVG(_ svg: String, id: String) -> String {
        // One pass over the UTF-8 bytes: Foundation's replacingOccurrences on a map of
        // several MB with CJK text took most of `analyze`'s time.
        var bytes = Array(svg.utf8)[...]
        if bytes.starts(with: "<?xml".utf8), let end = bytes.firstIndex(of: UInt8(ascii: "\n")) { bytes = bytes[(end + 1)...] }
        var source = Array(bytes)
        // The namespace declarations sit on the root element: look for them there only.
        var rootEnd = source.firstIndex(of: UInt8(ascii: ">")) ?? source.count
        for attribute in [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            let a = Array(attribute.utf8)
            if let start = source[..<rootEnd].indices.first(where: { $0 + a.count <= rootEnd && source[$0..<($0 + a.count)].elementsEqual(a) }) {
                source.removeSubrange(start..<(start + a.count))
                rootEnd -= a.count
            }
        }
        // Several maps share a page: every id inside gets the map's prefix (the page script finds parts by id suffix).
        let replacements: [(pattern: [UInt8], with: [UInt8])] = [
            (Array(" id=\"".utf8), Array(" id=\"\(id)-".utf8)), (Array("url(#".utf8), Array("url(#\(id)-".utf8)),
            (Array("#map-content ".utf8), Array("#\(id)-map-content ".utf8)),
        ]
        let svgTag = Array("<svg ".utf8), svgTagWithID = Array("<svg id=\"\(id)\" ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count + source.count / 20)
        var tagged = false
        var i = 0
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= source.count && source[i..<(i + pattern.count)].elementsEqual(pattern)
        }
        scan: while i < source.count {
            let b = source[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "u") || b == UInt8(ascii: "#") {
                for r in replacements where r.pattern[0] == b && matches(r.pattern, at: i) {
                    out += r.with
                    i += r.pattern.count
                    continue scan
                }
            } else if !tagged, b == UInt8(ascii: "<"), matches(svgTag, at: i) {
                out += svgTagWithID
                i += svgTag.count
                tagged = true
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Report style: system CJK fonts first (no web fonts), tables that scroll sideways on small screens.
    public static let style = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --accent:#1f4e79; }
        * { box-sizing: border-box; }
        body { margin:0; background:var(--bg); color:var(--ink);
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
            "Hiragino Sans GB", "Helvetica Neue", Arial, sans-serif; font-size:15px; line-height:1.5; }
        header { background:var(--accent); color:#fff; padding:18px 32px; }
        header h1 { margin:0; font-size:24px; }
        header p { margin:4px 0 0; opacity:.85; }
        nav { background:#fff; border-bottom:1px solid var(--line); padding:8px 32px; position:sticky; top:0; z-index:5; }
        nav a { margin-right:16px; color:var(--accent); text-decoration:none; white-space:nowrap; }
        main { max-width:1280px; margin:0 auto; padding:8px 24px 48px; }
        section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:16px 22px; margin:18px 0; }
        h2 { margin:0 0 12px; font-size:20px; color:var(--accent); }
        h3 { margin:18px 0 8px; font-size:16px; }
        .en { color:var(--muted); font-weight:normal; font-size:12px; }
        .cards { display:flex; flex-wrap:wrap; gap:12px; margin-bottom:12px; }
        .card { border:1px solid var(--line); border-radius:6px; padding:10px 14px; min-width:150px; background:#fbfcfd; }
        .card .v { font-size:22px; font-weight:bold; }
        .card .k { color:var(--muted); font-size:13px; }
        .table-wrap { overflow-x:auto; margin:6px 0 12px; }
        table { border-collapse:collapse; font-size:13px; min-width:50%; }
        th, td { border-bottom:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; }
        th { background:#eef2f7; position:sticky; top:0; }
        td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
        tr.ref td { background:#fff8e1; font-style:italic; }
        .low { color:#b42318; font-weight:bold; }
        .badge { display:inline-block; border-radius:4px; padding:0 6px; color:#fff; font-size:12px; }
        .error { background:#d7191c; } .warning { background:#f07c16; } .info { background:#2c7bb6; }
        .ok { background:#2e7d32; } .warn { background:#d98e04; } .act { background:#d7191c; }
        figure { margin:12px 0 22px; }
        figure svg { width:100%; height:auto; border:1px solid var(--line); background:#fff; }
        figcaption { color:var(--muted); font-size:13px; }
        details { margin:6px 0; } summary { cursor:pointer; }
        footer { margin:18px 0; } dt { font-weight:bold; margin-top:6px; } dd { margin:0 0 0 18px; }
        ul.findings { margin:4px 0 8px; padding-left:20px; } ul.findings li { margin:2px 0; }
        .note { color:var(--muted); font-size:13px; }
        .nowrap { white-space:nowrap; }
        """
}
