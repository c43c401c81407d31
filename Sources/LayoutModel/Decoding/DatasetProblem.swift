import GeoCore

/// One problem found in a dataset: where it is and why, in one line
/// (the `validate` JSON shape of docs/cli.md).
public struct DatasetProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem makes the data wrong (`error`) or only doubtful (`warning`).
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error
        case warning
    }

    /// File name, e.g. `"parcels.geojson"`.
    public var file: String
    /// 0-based feature index; `nil` for a problem of the whole file (e.g. policy.json).
    public var index: Int?
    /// The feature's id (or district code) when it could be read.
    public var id: String?
    /// The property (or `"geometry"`, or a dotted policy key) concerned, if any.
    public var property: String?
    public var severity: Severity
    /// One line, English.
    public var reason: String

    public init(file: String, index: Int?, id: String?, property: String?, severity: Severity, reason: String) {
        self.file = file
        self.index = index
        self.id = id
        self.property = property
        self.severity = severity
        self.reason = reason
    }

    /// `file[index] id property: severity: reason`, for logs and terminals.
    public var description: String {
        var place = file
        if let index { place += "[\(index)]" }
        if let id { place += " \(id)" }
        if let property { place += " \(property)" }
        return "\(place): \(severity.rawValue): \(reason)"
    }
}

extension DatasetProblem {
    /// The `validate` JSON shape of docs/cli.md: `{"file", "index", "id",
    /// "property", "severity", "reason"}`, absent values as `null`.
    public var jsonObject: JSONObject {
        [
            "file": .string(file),
            "index": index.map { .integer(Int64($0)) } ?? .null,
            "id": id.map { .string($0) } ?? .null,
            "property": property.map { .string($0) } ?? .null,
            "severity": .string(severity.rawValue),
            "reason": .string(reason),
        ]
    }
}
