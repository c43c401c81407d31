import Cartography
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// What `AnalysisOutput.writeTables` writes for one run under `AnalyzeOutputRule`: which
/// per-feature arrays stay in the JSON reports, which layers get a GeoJSON file, and the
/// files in the order of summary.json. Every layer is made one row at a time.
struct OutputPlan {
    let output: AnalysisOutput
    let rowLimit: Int
    let stats: StatsRendering
    let check: CheckRendering
    /// Cluster points of all groups (one per clustered enterprise).
    let clusterPoints: Int
    /// The layers in file order, each with its feature count and its row maker.
    let layers: [(name: String, count: Int, feature: (Int) -> Feature)]

    init(output: AnalysisOutput, rowLimit: Int) {
        self.output = output
        self.rowLimit = rowLimit
        let data = output.data, r = output.results
        stats = StatsRendering(dataset: output.name, report: r.stats, benefit: r.benefit)
        check = CheckRendering(dataset: output.name, report: r.check, districtNames: DistrictNames.of(data))
        clusterPoints = r.cluster.groups.reduce(0) { $0 + $1.n }
        // Districts and parks are small: built whole. Parcels, enterprises and findings row by row.
        let districts = GeoJSONExport.features(for: [BaseLayers.districts(data)])
        let parks = GeoJSONExport.features(for: [BaseLayers.parks(data)])
        let enterprises = EnterpriseAttributes.Rows(data: data, results: r)
        let check = check
        layers = [
            ("districts", districts.count, { districts[$0] }),
            ("parks", parks.count, { parks[$0] }),
            ("parcels", data.parcels.count, { GeoJSONExport.feature(BaseLayers.parcel(data.parcels[$0]), layer: "parcels", kind: .polygon) }),
            ("enterprises", enterprises.count, enterprises.feature),
            ("findings", r.check.findings.count, check.feature),
        ]
    }

    var statsRowsInJSON: Bool { stats.benefitRowCount <= rowLimit }
    var clusterPointsInJSON: Bool { clusterPoints <= rowLimit }
    var giInJSON: Bool { (output.results.hotspots?.entries.count ?? 0) <= rowLimit }
    var excludedInJSON: Bool { (output.results.hotspots?.excluded.count ?? 0) <= rowLimit }
    var findingsInJSON: Bool { output.results.check.findings.count <= rowLimit }
    func hasGeoJSON(_ layer: Int) -> Bool { layers[layer].count <= rowLimit }

    /// Every file in the order of summary.json (compare.json and evaluate.json follow).
    var fileNames: [String] {
        var names = ["stats.json", "stats_classes.csv", "per_mu.csv", "cluster.json"]
        if !clusterPointsInJSON { names.append("cluster_points.csv") }
        if output.results.hotspots != nil {
            names += ["hotspots.json", "hotspots.csv"]
            if !excludedInJSON { names.append("hotspots_excluded.csv") }
        }
        if output.results.agglomeration != nil { names += ["agglomeration.json", "agglomeration.csv"] }
        names += ["check.json", "findings.csv"]
        names += layers.indices.filter(hasGeoJSON).map { "\(layers[$0].name).geojson" }
        return names + ["results.gpkg"]
    }

    /// Rows reported to a progress bar by `writeFiles`: every CSV row (headers included) and GeoJSON feature.
    var fileRows: Int {
        var n = stats.benefitRowCount + output.results.check.findings.count
        if stats.benefit != nil { n += 1 }
        n += 1  // findings.csv header
        if !clusterPointsInJSON { n += clusterPoints + 1 }
        if let h = output.results.hotspots { n += h.entries.count + 1 + (excludedInJSON ? 0 : h.excluded.count + 1) }
        for k in layers.indices where hasGeoJSON(k) { n += layers[k].count }
        return n
    }

    /// Rows reported by `writeGeoPackage`: one per feature of every layer.
    var geoPackageRows: Int { layers.reduce(0) { $0 + $1.count } }

    /// `{"file": …, "key": …, "rows": N, "in": [files]}`: a per-feature array left out of a JSON report.
    static func moved(_ rows: Int, _ places: [String]) -> JSONValue {
        .object(["rows": .integer(Int64(rows)), "in": .array(places.map(JSONValue.string))])
    }

    /// The JSON reports' `per_feature_tables` members, by file: key → where the rows are.
    var movedArrays: [(file: String, key: String, rows: Int, places: [String])] {
        var out: [(file: String, key: String, rows: Int, places: [String])] = []
        if !statsRowsInJSON { out.append(("stats.json", "enterprises", stats.benefitRowCount, ["per_mu.csv"])) }
        if !clusterPointsInJSON {
            out.append(("cluster.json", "groups[].points", clusterPoints, ["cluster_points.csv", "results.gpkg:enterprises"]))
        }
        if let h = output.results.hotspots {
            if !giInJSON { out.append(("hotspots.json", "gi_star", h.entries.count, ["hotspots.csv", "results.gpkg:enterprises"])) }
            if !excludedInJSON { out.append(("hotspots.json", "excluded", h.excluded.count, ["hotspots_excluded.csv"])) }
        }
        if !findingsInJSON {
            out.append(("check.json", "findings", output.results.check.findings.count, ["findings.csv", "results.gpkg:findings"]))
        }
        return out
    }

    /// The report `value` with `per_feature_tables` added when an array of `file` was left out.
    func noted(_ value: JSONValue, file: String) -> JSONValue {
        let moved = movedArrays.filter { $0.file == file }
        guard !moved.isEmpty, case .object(var o) = value else { return value }
        var tables = JSONObject()
        for m in moved { tables[m.key] = Self.moved(m.rows, m.places) }
        o["per_feature_tables"] = .object(tables)
        return .object(o)
    }

    /// summary.json's `outputs_at_scale`, or nil when nothing was left out (a city under the limit).
    var note: JSONValue? {
        let gpkgOnly = layers.indices.filter { !hasGeoJSON($0) }
        let moved = movedArrays
        guard !gpkgOnly.isEmpty || !moved.isEmpty else { return nil }
        return .object([
            "row_limit": .integer(Int64(rowLimit)),
            "gpkg_only_layers": .array(gpkgOnly.map {
                .object(["layer": .string(layers[$0].name), "features": .integer(Int64(layers[$0].count)), "in": .string("results.gpkg")])
            }),
            "per_feature_tables": .array(moved.map {
                .object(["file": .string($0.file), "key": .string($0.key), "rows": .integer(Int64($0.rows)),
                         "in": .array($0.places.map(JSONValue.string))])
            }),
        ])
    }

    /// The JSON, CSV and GeoJSON files (pure Swift, written on the calling thread).
    func writeFiles(to files: AnalysisOutputFolder, progress: (@Sendable (Int) -> Void)?) throws {
        let r = output.results, data = output.data
        let id = { (i: Int) in data.enterprises[i].id }
        try files.report("stats.json", noted(stats.json(perEnterprise: statsRowsInJSON), file: "stats.json"), leftOut: [data], record: false)
        try files.csv("stats_classes.csv", record: false) { csv in
            // Small (units × classes): the table as before.
            try csv.sink.write(text: stats.classCSV())
        }
        try files.csv("per_mu.csv", record: false, onRows: progress) { try stats.benefitCSV(to: $0) }
        try files.report("cluster.json", noted(r.cluster.json(points: clusterPointsInJSON), file: "cluster.json"), leftOut: [data], record: false)
        if !clusterPointsInJSON {
            try files.csv("cluster_points.csv", record: false, onRows: progress) { csv in
                try csv.row(["industry", "id", "cluster", "core", "role"])
                for g in r.cluster.groups { try g.pointRows(to: csv) }
            }
        }
        if let h = r.hotspots {
            let json = HotspotsReport.json(h, id: id, perEnterprise: giInJSON, excluded: excludedInJSON)
            try files.report("hotspots.json", noted(json, file: "hotspots.json"), leftOut: [data], record: false)
            try files.csv("hotspots.csv", record: false, onRows: progress) { try HotspotsReport.csv(h, id: id, to: $0) }
            if !excludedInJSON {
                try files.csv("hotspots_excluded.csv", record: false, onRows: progress) { try HotspotsReport.excludedCSV(h, id: id, to: $0) }
            }
        }
        if let a = r.agglomeration {
            try files.report("agglomeration.json", AgglomerationReport.json(a, dataset: data), leftOut: [data], record: false)
            try files.csv("agglomeration.csv", record: false) { try $0.sink.write(text: AgglomerationReport.csv(a)) }
        }
        try files.report("check.json", noted(check.json(findings: findingsInJSON), file: "check.json"), leftOut: [data], record: false)
        try files.csv("findings.csv", record: false, onRows: progress) { try check.csv(to: $0) }
        for k in layers.indices where hasGeoJSON(k) {
            let layer = layers[k]
            try files.geojson("\(layer.name).geojson", count: layer.count, record: false, onRows: progress, feature: layer.feature)
        }
    }

    /// results.gpkg: every non-empty layer, streamed; on the worker thread of `startTables` when
    /// there are two threads (GDAL keeps its PROJ context per thread and frees it with the thread).
    func writeGeoPackage(to files: AnalysisOutputFolder, threads: Int, progress: (@Sendable (Int) -> Void)?) throws {
        var reported = 0
        let rowLayers = layers.filter { $0.count > 0 }.map { VectorOutput.RowLayer(name: $0.name, count: $0.count, feature: $0.feature) }
        try files.vector("results.gpkg", rows: rowLayers, record: false, threads: threads) { done in
            // Batches of 4096 rows: the bar is updated at most ten times a second anyway.
            if done - reported >= 4096 {
                progress?(done - reported)
                reported = done
            }
        }
        progress?(rowLayers.reduce(0) { $0 + $1.count } - reported)
    }
}

/// The first error of a block run on another thread.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? { lock.withLock { stored } }

    func catching(_ body: () throws -> Void) {
        do { try body() } catch { lock.withLock { if stored == nil { stored = error } } }
    }
}
