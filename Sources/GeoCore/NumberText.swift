import Foundation

/// Number formatting for text people read (tables, finding messages): thousands
/// separators, fixed decimals, no "-0.000". In GeoCore so that analyses and reports share it.
public enum NumberText {
    /// `value` with `decimals` fixed decimals and thousands separators ("20,280.68").
    /// Hand-rolled: Foundation's NumberFormatter on Linux ignores fraction-digit settings.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let plain = unsignedZero(String(format: "%.\(decimals)f", value))
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var out = (negative ? "-" : "") + groups.joined(separator: ",")
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }

    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        return unsignedZero(String(format: "%.\(decimals)f", value))
    }

    /// "-0.000" (a tiny negative rounded away) printed as "0.000".
    public static func unsignedZero(_ text: String) -> String {
        guard text.hasPrefix("-"), !text.contains(where: { ("1"..."9").contains($0) }) else { return text }
        return String(text.dropFirst())
    }
}
