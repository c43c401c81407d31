import GeoCore
import LayoutAnalysis
import LayoutModel

/// The count of features left out of the analyses (`Dataset.leftOut`, e.g.
/// an enterprise far outside every district), added to every report so that
/// a result never hides what it did not see.
public enum LeftOutNote {
    /// `{"count": N, "features": [{"file", "index", "id", "reason"}]}`.
    public static func json(_ datasets: [Dataset]) -> JSONValue {
        let all = datasets.flatMap(\.leftOut)
        return .object([
            "count": .integer(Int64(all.count)),
            "features": .array(all.map {
                .object([
                    "file": .string($0.file), "index": .integer(Int64($0.index)), "id": .string($0.id),
                    "reason": .string($0.reason.rawValue),
                ])
            }),
        ])
    }

    /// `report` with a top-level `left_out` member; a report that is not an object is returned unchanged.
    public static func adding(to report: JSONValue, _ datasets: [Dataset]) -> JSONValue {
        guard case .object(var object) = report else { return report }
        object["left_out"] = json(datasets)
        return .object(object)
    }

    /// A closing line for a table report, or "" when nothing was left out.
    public static func text(_ datasets: [Dataset]) -> String {
        let line = summary(datasets)
        return line.isEmpty ? "" : "\n" + line + "\n"
    }

    /// "Left out of the analysis: 1 enterprise far outside every district (E02874); see `parkatlas validate`."
    public static func summary(_ datasets: [Dataset]) -> String {
        let all = datasets.flatMap(\.leftOut)
        guard !all.isEmpty else { return "" }
        var parts: [String] = []
        for (file, noun) in [(DatasetFile.parcels, "parcel"), (DatasetFile.enterprises, "enterprise")] {
            let ids = all.filter { $0.file == file }.map(\.id)
            guard !ids.isEmpty else { continue }
            let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
            parts.append("\(Plural.count(ids.count, noun)) far outside every district (\(shown))")
        }
        return "Left out of the analysis: " + parts.joined(separator: "; ") + "; see `parkatlas validate`."
    }
}
