import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// `summary.json` of `analyze`: stable keys for scripts and notebooks.
///
/// {"dataset", "crs", "counts": {"districts", "parks", "parcels", "enterprises"}, "errors", "warnings",
///  "total": {"area_m2", "parcel_area_m2", "parcel_count", "indicators"}, "national_reference",
///  "check": {"summary": {"error", "warning", "info"}, "parks": [{"id", "name", "district", "verdict", "verdict_zh",
///  "error", "warning", "info"}]}, "top_indicators": [{"park", "name", KEY…}], "clusters", "hotspots",
///  "evaluation" (null without --previous), "timings_s", "files"}, and only when needed
///  "outputs_at_scale" (`AnalyzeOutputRule`: layers only in results.gpkg, arrays left out of the
///  JSON reports) and "truncated" (lists cut at `listLimit`, with their full length and the file
///  holding them all), so that summary.json stays small (well under 1 MB) at any size.
public struct AnalyzeSummary {
    public let dataset: String
    public let loaded: DatasetLoadResult
    public var results: FullAnalysis?
    public var evaluation: (previousName: String, result: YearOnYear)?
    /// Step name and seconds of the whole run, in order.
    public var timings: [(step: String, seconds: Double)]
    /// `AnalysisOutput.scaleNote`, written as "outputs_at_scale" when not nil.
    public var outputsAtScale: JSONValue?
    /// The longest list written (parks, clusters, files, features left out); longer lists keep
    /// their first `listLimit` entries and are named in "truncated".
    public var listLimit: Int = AnalyzeSummary.defaultListLimit

    /// 1,000 entries, unless `PARKATLAS_SUMMARY_LIST_LIMIT` (hidden, for tests) sets another.
    public static var defaultListLimit: Int {
        if let text = ProcessInfo.processInfo.environment["PARKATLAS_SUMMARY_LIST_LIMIT"], let n = Int(text), n >= 0 { return n }
        return 1000
    }

    public init(dataset: String, loaded: DatasetLoadResult, results: FullAnalysis? = nil,
         evaluation: (previousName: String, result: YearOnYear)? = nil, timings: [(step: String, seconds: Double)] = []) {
        self.dataset = dataset
        self.loaded = loaded
        self.results = results
        self.evaluation = evaluation
        self.timings = timings
    }

    public func json(files: [String]) -> JSONValue {
        let d = loaded.dataset
        var truncated = JSONObject()
        /// The first `listLimit` entries; a longer list is named in "truncated" with where it is whole.
        func capped(_ list: [JSONValue], _ key: String, in file: String) -> JSONValue {
            guard list.count > listLimit else { return .array(list) }
            truncated[key] = .object(["total": .integer(Int64(list.count)), "shown": .integer(Int64(listLimit)), "in": .string(file)])
            return .array(Array(list.prefix(listLimit)))
        }
        var o: JSONObject = ["dataset": .string(dataset)]
        o["crs"] = .string(results?.check.crs ?? "OGC:CRS84")
        o["counts"] = .object(["districts": .integer(Int64(d.districts.count)), "parks": .integer(Int64(d.parks.count)),
                               "parcels": .integer(Int64(d.parcels.count)), "enterprises": .integer(Int64(d.enterprises.count))])
        if case .object(var leftOut) = LeftOutNote.json([d]), case .array(let features)? = leftOut["features"] {
            leftOut["features"] = capped(features, "left_out.features", in: "validation.json")
            o["left_out"] = .object(leftOut)
        }
        o["errors"] = .integer(Int64(loaded.errorCount))
        o["warnings"] = .integer(Int64(loaded.warningCount))
        var reference = JSONObject()
        for r in IntensiveUseIndicators.nationalReference { reference[r.key.key] = .double(r.value) }
        o["national_reference"] = .object(reference)
        if let r = results {
            var total = JSONObject()
            total["area_m2"] = JSONValue.number(r.stats.total.area)
            total["parcel_area_m2"] = JSONValue.number(r.stats.total.parcelArea)
            total["parcel_count"] = .integer(Int64(r.stats.total.parcelCount))
            total["indicators"] = Self.indicators(r.stats.total.indicators)
            o["total"] = .object(total)
            let s = r.check.summary
            o["check"] = .object([
                "summary": .object(["error": .integer(Int64(s.error)), "warning": .integer(Int64(s.warning)), "info": .integer(Int64(s.info))]),
                "parks": capped(r.check.parks.map { p in
                    .object(["id": .string(p.id), "name": .string(p.name), "district": p.district.map(JSONValue.string) ?? .null,
                             "verdict": .string(p.verdict.rawValue), "verdict_zh": .string(p.verdict.nameZh),
                             "error": .integer(Int64(p.counts.error)), "warning": .integer(Int64(p.counts.warning)),
                             "info": .integer(Int64(p.counts.info))])
                }, "check.parks", in: "check.json"),
            ])
            o["top_indicators"] = capped(r.stats.parks.map { p in
                var row: JSONObject = ["park": .string(p.id), "name": .string(p.name)]
                for (indicator, value) in p.statistics.indicators.all where IntensiveUseIndicators.nationalReference.contains(where: { $0.key == indicator }) {
                    row[indicator.key] = JSONValue.number(value)
                }
                return .object(row)
            }, "top_indicators", in: "stats.json")
            o["clusters"] = capped(r.cluster.groups.map { g in
                .object(["industry": .string(g.industry), "n": .integer(Int64(g.n)), "clusters": .integer(Int64(g.dbscan.clusterCount)),
                         "noise": .integer(Int64(g.dbscan.labels.count(where: { $0 < 0 }))),
                         "nni": JSONValue.number(g.nni?.nni)])
            }, "clusters", in: "cluster.json")
            if let h = r.hotspots {
                var bins = JSONObject()
                for bin in stride(from: 3, through: -3, by: -1) { bins[String(bin)] = .integer(Int64(h.entries.count(where: { $0.bin == bin }))) }
                o["hotspots"] = .object(["value": .string(h.value.rawValue), "band_m": .double(h.band), "n": .integer(Int64(h.entries.count)),
                                         "bins": .object(bins), "moran_i": JSONValue.number(h.moran.i), "moran_p": JSONValue.number(h.moran.p)])
            } else {
                o["hotspots"] = .null
            }
            if let e = evaluation {
                var summary = JSONObject()
                for v in FeaturedParkEvaluation.Verdict.allCases { summary[v.rawValue] = .integer(Int64(e.result.cards.count(where: { $0.verdict == v }))) }
                o["evaluation"] = .object(["previous": .string(e.previousName), "summary": .object(summary)])
            } else {
                o["evaluation"] = .null
            }
            var seconds = JSONObject()
            for t in timings { seconds[t.step] = .double((t.seconds * 1000).rounded() / 1000) }
            o["timings_s"] = .object(seconds)
        }
        if let outputsAtScale { o["outputs_at_scale"] = outputsAtScale }
        o["files"] = capped(files.map(JSONValue.string), "files", in: "the output folder")
        if !truncated.isEmpty { o["truncated"] = .object(truncated) }
        return .object(o)
    }

    public static func indicators(_ i: IntensiveUseIndicators) -> JSONValue {
        var o = JSONObject()
        for (indicator, value) in i.all { o[indicator.key] = JSONValue.number(value) }
        return .object(o)
    }
}
