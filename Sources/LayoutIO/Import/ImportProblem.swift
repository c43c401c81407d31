import GeoCore

/// One problem found while importing, or many instances of the same problem
/// (same file, layer, field, value and reason) with their count and the first
/// features (FIDs) or rows.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var file: String
    public var layer: String?
    /// How features are named: "feature FID" (vector files) or "row" (spreadsheets, CSV).
    public var unit: String
    /// The first features or rows (at most `sampleSize`), in order.
    public var items: [Int64]
    /// How many features or rows have it (0: the layer as a whole).
    public var count: Int
    /// The source field and the target property.
    public var field: String?
    public var target: String?
    /// The source value (for unmapped values, the distinct value counted).
    public var value: String?
    public var reason: String

    static let sampleSize = 5

    public var description: String {
        var parts = ["\(file)"]
        if let layer { parts.append("layer \(layer)") }
        if count == 1, let item = items.first {
            parts.append("\(unit) \(item)")
        } else if count > 1 {
            let plural = unit == "row" ? "rows" : "features"
            let shown = items.map(String.init).joined(separator: ", ") + (count > items.count ? ", …" : "")
            parts.append("\(count) \(plural) (\(unit == "row" ? "rows" : "FIDs") \(shown))")
        }
        if let field {
            parts.append("field \(field)" + (target.map { " → \($0)" } ?? ""))
        } else if let target {
            parts.append("property \(target)")
        }
        if let value { parts.append("value \"\(value)\"") }
        return parts.joined(separator: ", ") + ": " + reason
    }
}

/// Collects problems, merging instances of the same one.
struct ImportProblems {
    private(set) var list: [ImportProblem] = []
    private var index: [String: Int] = [:]

    mutating func add(
        _ severity: ImportProblem.Severity, file: String, layer: String?, unit: String = "feature FID", item: Int64? = nil,
        field: String? = nil, target: String? = nil, value: String? = nil, reason: String
    ) {
        let key = Self.key(severity, file, layer, field, target, value, reason)
        if let k = index[key] {
            list[k].count += 1
            if let item, list[k].items.count < ImportProblem.sampleSize { list[k].items.append(item) }
            return
        }
        index[key] = list.count
        list.append(ImportProblem(
            severity: severity, file: file, layer: layer, unit: unit, items: item.map { [$0] } ?? [], count: item == nil ? 0 : 1,
            field: field, target: target, value: value, reason: reason))
    }

    mutating func append(contentsOf other: ImportProblems) {
        for p in other.list { list.append(p) }
    }

    /// Adds the problems of `other`, found on the rows after those seen so far, as if each instance
    /// had been added here in turn: same problems merged (counts added, the first rows kept in
    /// order), new ones appended in their order. Lets rows be mapped in parallel chunks.
    mutating func merge(_ other: ImportProblems) {
        for p in other.list {
            let key = Self.key(p.severity, p.file, p.layer, p.field, p.target, p.value, p.reason)
            if let k = index[key] {
                list[k].count += p.count
                for item in p.items where list[k].items.count < ImportProblem.sampleSize { list[k].items.append(item) }
            } else {
                index[key] = list.count
                list.append(p)
            }
        }
    }

    private static func key(
        _ severity: ImportProblem.Severity, _ file: String, _ layer: String?, _ field: String?, _ target: String?,
        _ value: String?, _ reason: String
    ) -> String {
        [severity.rawValue, file, layer ?? "", field ?? "", target ?? "", value ?? "\u{1}", reason].joined(separator: "\u{0}")
    }
}
