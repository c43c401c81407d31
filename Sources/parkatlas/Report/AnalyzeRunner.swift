import Foundation
import GeoCore
import LayoutAnalysis
import LayoutModel

/// Everything `analyze` computed on one dataset.
struct AnalyzeResults {
    var stats: LandUseReport
    var benefit: PerMuBenefitReport?
    var cluster: ClusterReport
    /// Nil when the dataset has no enterprise with the value (e.g. no enterprises).
    var hotspots: HotspotAnalysis?
    var agglomeration: AgglomerationAnalysis?
    var check: CheckReport
    /// Step name and seconds, in order.
    var timings: [(step: String, seconds: Double)] = []
}

/// Runs the analyses of `analyze` in process with the commands' default parameters.
struct AnalyzeRunner {
    let data: Dataset
    let extent: BoundingBox
    let threads: Int
    let progress: StepProgress

    /// The industry grouping of the cluster step: divisions (大类, e.g. C39), which
    /// separate the industries a park plan names while keeping groups big enough for DBSCAN.
    static let clusterLevel = IndustryLevel.division

    func run() throws -> AnalyzeResults {
        let (stats, benefit) = try progress.step("stats") { () throws -> (LandUseReport, PerMuBenefitReport) in
            let overlay = try ParcelOverlay(parcels: data.parcels, threads: threads)
            let report = try LandUseStatistics.compute(dataset: data, level: 2, threads: threads, overlay: overlay)
            let benefit = PerMuBenefit.evaluate(enterprises: data.enterprises, parcels: data.parcels,
                                                parcelAreas: overlay.parcelAreas, policy: data.policy.benefit)
            return (report, benefit)
        }
        let cluster = try progress.step("cluster") {
            try ClusterAnalysis.run(dataset: data, options: ClusterOptions(
                grouping: IndustryGrouping(level: Self.clusterLevel), threads: threads))
        }
        let hasEnterprises = data.hasEnterprises && !data.enterprises.isEmpty
        let hotspots = try progress.step("hotspots") { () throws -> HotspotAnalysis? in
            guard hasEnterprises else { return nil }
            return try HotspotAnalysis(enterprises: data.enterprises, frame: try MetricFrame(extent: extent), value: .outputWan,
                                       band: 1000, fdr: false, threads: threads)
        }
        let agglomeration = try progress.step("agglomeration") { () throws -> AgglomerationAnalysis? in
            guard hasEnterprises else { return nil }
            return try AgglomerationAnalysis(dataset: data, frame: try MetricFrame(extent: extent), level: .division,
                                             measure: .employees, permutations: 0, seed: 0, threads: threads)
        }
        let check = try progress.step("check") { try LayoutChecks.run(dataset: data, thresholds: nil, threads: threads) }
        return AnalyzeResults(stats: stats, benefit: benefit, cluster: cluster, hotspots: hotspots, agglomeration: agglomeration,
                              check: check, timings: progress.timings)
    }
}

/// `--previous`: the year-on-year comparison and the featured-park scorecards, with the
/// JSON of `compare --format json` and `evaluate --format json`.
struct AnalyzeEvaluation {
    let previousName: String
    /// The previous year's dataset as loaded.
    let previous: Dataset
    let cards: [FeaturedParkEvaluation.Scorecard]
    let compareJSON: JSONValue
    let evaluateJSON: JSONValue

    static func run(current: Dataset, currentName: String, previousName: String, dataset: DatasetArgument, quiet: Bool) throws -> AnalyzeEvaluation {
        let old = try CompareCommand.load(previousName, datum: dataset.datum, threads: dataset.threads, quiet: true)
        try SnapshotPlausibility.check(oldName: previousName, old: old, newName: currentName, new: current, quiet: quiet)
        let threads = dataset.threads.resolved
        let comparison = try SnapshotComparison.compare(old: old, new: current, level: 2, threads: threads)
        let rendering = CompareRendering(oldName: previousName, newName: currentName, old: old, new: current, comparison: comparison)
        let cards = try FeaturedParkEvaluation.evaluate(dataset: current, previous: old, threads: threads)
        // The evaluate command renders its JSON from its own parsed arguments.
        let evaluate = try EvaluateCommand.parse([currentName, "--previous", previousName])
        return AnalyzeEvaluation(previousName: previousName, previous: old, cards: cards, compareJSON: rendering.json(),
                                 evaluateJSON: evaluate.json(cards, policy: current.policy.featured))
    }
}
