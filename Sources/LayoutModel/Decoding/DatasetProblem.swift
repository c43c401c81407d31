import GeoCore

/// One problem found in a dataset: where it is and why, in one line
/// (the `validate` JSON shape of docs/cli.md).
public struct DatasetProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem makes the data wrong (`error`) or only doubtful (`warning`).
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error
        case warning
    }

    /// File name, e.g. `"parcels.geojson"`; for a layer of a multi-layer file, the file and
    /// the layer (`"mianyang.gpkg layer parcels"`, see `place(file:layer:kind:)`).
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

    /// `file[index] id property: severity: reason`, for logs and terminals; in a layer of a
    /// multi-layer file `file layer L, feature index (id X) property: severity: reason`.
    public var description: String {
        var place = file
        if file.contains(Self.layerMark) || file.contains(Self.tableMark) {
            if let index { place += ", feature \(index)" + (id.map { " (id \($0))" } ?? "") } else if let id { place += " (id \(id))" }
        } else {
            if let index { place += "[\(index)]" }
            if let id { place += " \(id)" }
        }
        if let property { place += " \(property)" }
        return "\(place): \(severity.rawValue): \(reason)"
    }
}

extension DatasetProblem {
    static let layerMark = " layer ", tableMark = " table "

    /// The `file` of a problem in layer `layer` of a multi-layer file (a GeoPackage dataset):
    /// `"mianyang.gpkg layer parks"`; `kind` "table" for a table without geometry.
    public static func place(file: String, layer: String, kind: String = "layer") -> String {
        "\(file) \(kind) \(layer)"
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

extension DatasetProblem {
    /// What the same problem on different features has in common: file,
    /// severity, property and the reason with the feature's own id taken out.
    /// 3,164 parcels with `status: "已建成"` share one key, so a listing can
    /// show one row with a count instead of 3,164 rows.
    public struct GroupKey: Sendable, Hashable {
        public var file: String
        public var severity: Severity
        public var property: String?
        public var reason: String
    }

    public var groupKey: GroupKey {
        GroupKey(file: file, severity: severity, property: property, reason: genericReason)
    }

    /// The reason with this feature's own id, where it is quoted in it,
    /// written `"‹id›"` (`no "id" property; using the feature's top-level id
    /// "‹id›"`). Indices are not in reasons: a `feature N` there names
    /// another feature (the first use of a duplicate id) and must stay.
    public var genericReason: String {
        guard let id, !id.isEmpty else { return reason }
        return reason.replacing("\"\(id)\"", with: "\"‹id›\"")
    }

    /// Problems with equal `groupKey`s gathered, in the order each key first
    /// appears, each group with its count and the ids of its first
    /// `sampleSize` features (for listings; `validate --format json` keeps
    /// every instance).
    public static func grouped(_ problems: [DatasetProblem], sampleSize: Int = 3) -> [DatasetProblemGroup] {
        var groups: [DatasetProblemGroup] = []
        var position: [GroupKey: Int] = [:]
        for problem in problems {
            let key = problem.groupKey
            if let k = position[key] {
                groups[k].count += 1
                if groups[k].sample.count < sampleSize { groups[k].sample.append(problem.featureLabel) }
            } else {
                position[key] = groups.count
                groups.append(DatasetProblemGroup(first: problem, count: 1, sample: [problem.featureLabel], genericReason: key.reason))
            }
        }
        return groups
    }

    /// The feature as a listing names it: its id, else `[index]`, else nothing.
    var featureLabel: String { id ?? index.map { "[\($0)]" } ?? "" }
}

/// Problems that are the same on several features (`DatasetProblem.grouped`).
public struct DatasetProblemGroup: Sendable, Hashable {
    /// The first problem of the group, as found.
    public var first: DatasetProblem
    /// How many problems the group holds.
    public var count: Int
    /// Ids (`[index]` without an id) of the first few features, in order.
    public var sample: [String]
    /// The shared reason (`DatasetProblem.genericReason`).
    public var genericReason: String

    /// The reason to show: the problem's own when it is alone, the shared one otherwise.
    public var reason: String { count == 1 ? first.reason : genericReason }

    /// `P0001, P0002, P0003, …`: the sample, with an ellipsis when the group holds more.
    public var sampleText: String {
        sample.joined(separator: ", ") + (count > sample.count ? ", …" : "")
    }
}
