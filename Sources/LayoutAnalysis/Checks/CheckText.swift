import Foundation

/// Number formatting for the messages of findings.
enum CheckText {
    /// "55.3 %"; "—" for nil.
    static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        return String(format: "%.1f %%", share * 100)
    }

    /// Fixed decimals.
    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    /// Metres as "1.2 km" from 1 km on, else "850 m".
    static func distance(_ metres: Double) -> String {
        metres >= 1000 ? String(format: "%.1f km", metres / 1000) : String(format: "%.0f m", metres)
    }

    /// Square metres as "1,234 m²" or "12.3 ha".
    static func area(_ m2: Double) -> String {
        m2 >= 10_000 ? String(format: "%.2f ha", m2 / 10_000) : String(format: "%.0f m²", m2)
    }

    static func codes(_ codes: [some CustomStringConvertible]) -> String { codes.map(\.description).joined(separator: ", ") }
}
