import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The problems of a dataset (`validate`, and `validation.json` of `analyze`) as stable JSON, a table and CSV.
public struct ValidationReport: Sendable {
    /// The dataset's name as the user gave it.
    public let dataset: String
    public let result: DatasetLoadResult

    public init(dataset: String, result: DatasetLoadResult) {
        self.dataset = dataset
        self.result = result
    }

    /// `{"ok", "dataset", "errors", "warnings", "problems": [{"file", "index", "id", "property", "severity", "reason"}]}`.
    public func json() -> JSONValue {
        .object([
            "ok": .bool(!result.hasErrors),
            "dataset": .string(dataset),
            "errors": .integer(Int64(result.errorCount)),
            "warnings": .integer(Int64(result.warningCount)),
            "problems": .array(result.problems.map { .object($0.jsonObject) }),
        ])
    }

    /// Every problem, one row each, as in the JSON.
    public func csv() -> String {
        CSVText.table(
            header: ["severity", "file", "index", "id", "property", "reason"],
            rows: result.problems.map {
                [$0.severity.rawValue, $0.file, $0.index.map(String.init) ?? "", $0.id ?? "", $0.property ?? "", $0.reason]
            })
    }

    public func table() -> String {
        let d = result.dataset
        var out = "\(dataset): \(Plural.count(d.districts.count, "district")), \(Plural.count(d.parks.count, "park")), "
        out += "\(Plural.count(d.parcels.count, "parcel")), \(Plural.count(d.enterprises.count, "enterprise"))\n"
        if result.problems.isEmpty { return out + "OK: no problems\n" }
        var t = TextTable(headers: ["severity", "file", "index", "id", "property", "reason"])
        t.rightAligned = [2]
        // The same problem on many features is one row with the count (the JSON keeps every instance).
        for g in DatasetProblem.grouped(result.problems) {
            let p = g.first
            if g.count == 1 {
                t.rows.append([p.severity.rawValue, p.file, p.index.map(String.init) ?? "", p.id ?? "", p.property ?? "", p.reason])
            } else {
                t.rows.append([p.severity.rawValue, p.file, "", "", p.property ?? "", g.reason + " — " + g.featureCountText])
            }
        }
        out += t.render()
        out += "\(Plural.count(result.errorCount, "error")), \(Plural.count(result.warningCount, "warning"))\n"
        return out
    }
}
