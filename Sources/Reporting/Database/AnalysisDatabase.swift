import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import PostgreSQL

/// `analyze --db postgresql://…?schema=R` (docs/postgis.md, "Writing"): every result
/// layer as a table with `run_id`, and a `runs` table, one run per transaction.
///
/// Tables: `park_verdicts` (check's parks), `findings` (with geometry),
/// `unit_indicators` (stats per park and district, land use and status as jsonb),
/// `land_use_classes` (per unit and class), `per_mu` (per-mu benefit per enterprise),
/// `enterprise_labels` (cluster, role, Gi* z/p/bin, with geometry), `hotspots` (Gi*),
/// `agglomeration` (location quotients), `evaluation` (with a previous year), and
/// `runs` (run_id, dataset, started_at, finished_at, toolkit_version, parameters).
///
/// All at once or not at all: the `runs` row and every result row are written in one
/// transaction, so a reader never sees half a run and a killed run leaves nothing
/// (the server rolls back a transaction whose client is gone). Runs into one schema
/// take a transaction-scoped advisory lock on it, so concurrent runs each land whole,
/// one after the other, under their own `run_id`.
public enum AnalysisDatabase {
    /// Writes the run; returns its `run_id`.
    @discardableResult
    public static func write(
        _ output: AnalysisOutput, to uri: String, started: Date, toolkitVersion: String, parameters: JSONObject,
        beforeCommit: (() -> Void)? = nil
    ) throws -> Int64 {
        let connection = try PostgresConnection(uri: uri)
        let schema = connection.uri.schema
        return try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", ["parkatlas results " + schema])
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(quoteIdentifier(schema))")
            let runs = qualifiedName(schema, "runs")
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS \(runs) (run_id bigserial PRIMARY KEY, dataset text NOT NULL, \
                started_at timestamptz NOT NULL, finished_at timestamptz, toolkit_version text NOT NULL, parameters jsonb NOT NULL)
                """)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let inserted = try connection.execute(
                "INSERT INTO \(runs) (dataset, started_at, toolkit_version, parameters) VALUES ($1, $2::timestamptz, $3, $4::jsonb) RETURNING run_id",
                [output.name, formatter.string(from: started), toolkitVersion, try JSONText.string(.object(parameters))])
            guard let text = inserted.text(0, 0), let runID = Int64(text) else { throw PostgresError.data("no run_id returned") }
            for table in try tables(output) {
                try PostGISWriter.appendRun(table, runID: runID, in: schema, on: connection)
            }
            try connection.execute("UPDATE \(runs) SET finished_at = clock_timestamp() WHERE run_id = $1", [String(runID)])
            beforeCommit?()
            return runID
        }
    }

    /// The result tables of one run, from the same renderings `analyze` writes as files.
    static func tables(_ output: AnalysisOutput) throws -> [PostGISWriter.Table] {
        let r = output.results, data = output.data
        func rows(_ value: JSONValue?, adding extra: JSONObject = JSONObject()) -> [Feature] {
            (value?.arrayValue ?? []).map { row in
                var p = extra
                for m in row.objectValue ?? JSONObject() { p.append(key: m.key, value: m.value) }
                return Feature(geometry: nil, properties: p)
            }
        }
        var out: [PostGISWriter.Table] = []
        let check = CheckRendering(dataset: output.name, report: r.check, districtNames: DistrictNames.of(data))
        let checkJSON = check.json().objectValue
        out.append(.init(name: "park_verdicts", features: rows(checkJSON?["parks"]), hasGeometry: false))
        out.append(.init(name: "findings", features: check.featureCollection().features))
        let stats = StatsRendering(dataset: output.name, report: r.stats, benefit: r.benefit).json().objectValue
        var units: [Feature] = [], classes: [Feature] = []
        for (kind, key) in [("park", "parks"), ("district", "districts")] {
            for unit in stats?[key]?.arrayValue ?? [] {
                let object = unit.objectValue ?? JSONObject()
                let id = object["id"] ?? object["code"] ?? .null
                var p: JSONObject = ["unit_kind": .string(kind), "unit_id": id]
                for m in object where m.key != "id" && m.key != "code" && m.key != "land_use" && m.key != "status" && m.key != "indicators" {
                    p.append(key: m.key, value: m.value)
                }
                for m in object["indicators"]?.objectValue ?? JSONObject() { p.append(key: m.key, value: m.value) }
                if let status = object["status"] { p.append(key: "status", value: status) }
                units.append(Feature(geometry: nil, properties: p))
                classes += rows(object["land_use"], adding: ["unit_kind": .string(kind), "unit_id": id])
            }
        }
        out.append(.init(name: "unit_indicators", features: units, hasGeometry: false))
        out.append(.init(name: "land_use_classes", features: classes, hasGeometry: false))
        out.append(.init(name: "per_mu", features: rows(stats?["enterprises"]), hasGeometry: false))
        out.append(.init(name: "enterprise_labels", features: EnterpriseAttributes.collection(data: data, results: r).features))
        if let h = r.hotspots {
            out.append(.init(name: "hotspots", features: rows(HotspotsReport.json(h, enterprises: data.enterprises).objectValue?["gi_star"]), hasGeometry: false))
        }
        if let a = r.agglomeration {
            out.append(.init(name: "agglomeration", features: rows(AgglomerationReport.json(a, dataset: data).objectValue?["location_quotients"]), hasGeometry: false))
        }
        if let (previousName, y) = output.yearOnYear {
            let evaluation = EvaluationReport(dataset: output.name, previous: previousName, cards: y.cards, policy: data.policy.featured).json().objectValue
            let key = evaluation?.members.first { $0.value.arrayValue?.first?.objectValue != nil }?.key
            out.append(.init(name: "evaluation", features: rows(key.flatMap { evaluation?[$0] }), hasGeometry: false))
        }
        return out
    }
}
