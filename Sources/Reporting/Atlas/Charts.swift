import Foundation
import GeoCore

/// Inline SVG charts made by the toolkit (no script, no library): horizontal bar
/// charts of shares and a stacked bar of areas. Text is escaped; the SVG has no
/// namespace URL (the HTML parser places `<svg>` in the SVG namespace).
public enum Charts {
    /// One row of a grouped bar chart.
    public struct Row: Sendable {
        public var label: String
        /// Small grey text after the label (e.g. a code).
        public var code: String
        /// One value per series, 0–1; nil draws no bar.
        public var values: [Double?]
        /// Short marks after the row (e.g. "声明未见 declared, absent").
        public var marks: [String]
        public var highlighted: Bool

        public init(label: String, code: String = "", values: [Double?], marks: [String] = [], highlighted: Bool = false) {
            self.label = label
            self.code = code
            self.values = values
            self.marks = marks
            self.highlighted = highlighted
        }
    }

    public struct Series: Sendable {
        public var name: String
        public var colour: String

        public init(_ name: String, _ colour: String) {
            self.name = name
            self.colour = colour
        }
    }

    private static func e(_ s: String) -> String { HTML.escape(s) }
    private static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Grouped horizontal bars of shares (0–1, axis to `maximum`), an optional dashed target line.
    public static func shareBars(rows: [Row], series: [Series], target: (value: Double, label: String)? = nil,
                                 maximum: Double = 1, width: Double = 760, title: String) -> String {
        let labelWidth = 230.0, markWidth = 150.0, barArea = width - labelWidth - markWidth - 20
        let barHeight = 9.0, groupGap = 8.0
        let groupHeight = Double(series.count) * barHeight + groupGap
        let top = 34.0
        let height = top + Double(rows.count) * groupHeight + 24
        let x = { (v: Double) in labelWidth + barArea * min(max(v, 0), maximum) / maximum }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" font-size=\"12\">"
        s += "<title>\(e(title))</title>"
        // Legend.
        var lx = labelWidth
        for item in series {
            s += "<rect x=\"\(n(lx))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(item.colour)\"/><text x=\"\(n(lx + 16))\" y=\"16\">\(e(item.name))</text>"
            lx += 24 + Double(item.name.count) * 8
        }
        // Grid at 0, 25, 50, 75, 100 % of the maximum.
        for k in 0...4 {
            let v = maximum * Double(k) / 4, gx = x(v)
            s += "<line x1=\"\(n(gx))\" y1=\"\(n(top - 6))\" x2=\"\(n(gx))\" y2=\"\(n(height - 20))\" stroke=\"#E1E4E8\"/>"
            s += "<text x=\"\(n(gx))\" y=\"\(n(height - 6))\" text-anchor=\"middle\" fill=\"#616E7C\">\(Int((v * 100).rounded())) %</text>"
        }
        for (i, row) in rows.enumerated() {
            let y0 = top + Double(i) * groupHeight
            if row.highlighted {
                s += "<rect x=\"0\" y=\"\(n(y0 - 3))\" width=\"\(n(width))\" height=\"\(n(groupHeight - 2))\" fill=\"#FFF8E1\"/>"
            }
            let mid = y0 + Double(series.count) * barHeight / 2
            s += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(mid + 4))\" text-anchor=\"end\">\(e(row.label))"
            if !row.code.isEmpty { s += " <tspan fill=\"#8A94A6\" font-size=\"10\">\(e(row.code))</tspan>" }
            s += "</text>"
            for (k, item) in series.enumerated() {
                guard k < row.values.count, let v = row.values[k] else { continue }
                let y = y0 + Double(k) * barHeight
                s += "<rect class=\"bar\" x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(max(x(v) - labelWidth, 0.5)))\" height=\"\(n(barHeight - 1))\" fill=\"\(item.colour)\">"
                s += "<title>\(e(row.label)) · \(e(item.name)): \(NumberText.fixed(v * 100, decimals: 1)) %</title></rect>"
            }
            if !row.marks.isEmpty {
                s += "<text x=\"\(n(width - markWidth))\" y=\"\(n(mid + 4))\" fill=\"#B42318\" font-size=\"11\">\(e(row.marks.joined(separator: " · ")))</text>"
            }
        }
        if let target {
            let tx = x(target.value)
            s += "<line x1=\"\(n(tx))\" y1=\"\(n(top - 8))\" x2=\"\(n(tx))\" y2=\"\(n(height - 20))\" stroke=\"#B42318\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
            s += "<text x=\"\(n(tx + 4))\" y=\"\(n(top - 10))\" fill=\"#B42318\" font-size=\"11\">\(e(target.label))</text>"
        }
        return s + "</svg>"
    }

    /// One stacked bar of areas (e.g. land by status), with a legend row per segment.
    public static func stackedBar(segments: [(label: String, value: Double, colour: String)], unit: String, width: Double = 760, title: String) -> String {
        let total = segments.reduce(0) { $0 + max($1.value, 0) }
        let rows = segments.filter { $0.value > 0 }
        let height = 46 + Double((rows.count + 2) / 3) * 18
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" font-size=\"12\">"
        s += "<title>\(e(title))</title>"
        var x = 0.0
        for seg in rows where total > 0 {
            let w = width * seg.value / total
            s += "<rect class=\"bar\" x=\"\(n(x))\" y=\"4\" width=\"\(n(w))\" height=\"24\" fill=\"\(seg.colour)\" stroke=\"#FFFFFF\" stroke-width=\"0.5\">"
            s += "<title>\(e(seg.label)): \(NumberText.grouped(seg.value, decimals: 2)) \(e(unit)) (\(NumberText.fixed(seg.value / total * 100, decimals: 1)) %)</title></rect>"
            x += w
        }
        for (i, seg) in rows.enumerated() {
            let cx = Double(i % 3) * width / 3, cy = 44 + Double(i / 3) * 18
            s += "<rect x=\"\(n(cx))\" y=\"\(n(cy - 10))\" width=\"12\" height=\"12\" fill=\"\(seg.colour)\"/>"
            s += "<text x=\"\(n(cx + 16))\" y=\"\(n(cy))\">\(e(seg.label)) \(NumberText.grouped(seg.value, decimals: 2)) \(e(unit))</text>"
        }
        return s + "</svg>"
    }
}
