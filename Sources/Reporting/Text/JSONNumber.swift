import GeoCore

public extension JSONValue {
    /// A number for a report, or `null` when missing or not finite: the one rule
    /// every JSON output follows (docs/cli.md: a ratio over zero is `null`, never
    /// NaN or infinity, which JSON cannot hold).
    static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .double(value)
    }
}
