import Foundation
import GeoCore
import LayoutModel

/// Told when each step of a long computation starts and ends, e.g. to show
/// progress on a terminal (`FullAnalysis.run`).
public protocol AnalysisStepObserver: AnyObject {
    func stepWillStart(_ name: String)
    func stepDidFinish(_ name: String, seconds: Double)
    /// The work of the running step done so far, `done` of `total` (the groups of the cluster
    /// step, the phases of stats), for a progress bar. Called on the step's thread.
    func stepProgress(_ name: String, done: Int, total: Int)
}

public extension AnalysisStepObserver {
    /// Observers that show no bar need not count.
    func stepProgress(_ name: String, done: Int, total: Int) {}
}

/// Every analysis of the main job on one dataset, with the commands' default
/// parameters: land-use statistics (level 2) with the per-mu table, DBSCAN per
/// industry division with NNI and Ripley's K, Gi* of output (1 km band),
/// agglomeration by employees, and the layout checks (docs/analyses.md §2–4).
///
/// `parkatlas analyze` is this plus writing; a Swift program gets the same
/// results without the command line.
public struct FullAnalysis: Sendable {
    public var stats: LandUseReport
    public var benefit: PerMuBenefitReport?
    public var cluster: ClusterReport
    /// Nil when the dataset has no enterprises.
    public var hotspots: HotspotAnalysis?
    public var agglomeration: AgglomerationAnalysis?
    public var check: CheckReport
    /// 工业向园区集中 per county and functional zone; nil without enterprises.
    public var concentration: ConcentrationByDistrict?
    /// Step name and seconds, in order.
    public var timings: [(step: String, seconds: Double)]

    /// The industry grouping of the cluster step: divisions (大类, e.g. C39), which
    /// separate the industries a park plan names while keeping groups big enough for DBSCAN.
    public static let clusterLevel = IndustryLevel.division
    /// The Gi* distance band, metres.
    public static let hotspotBand = 1000.0

    /// Runs every step on `dataset` (lon/lat, as loaded), on `threads` threads; `envelope` is how the
    /// cluster step makes the CSR envelope of K (`EnvelopeMethod`).
    public static func run(
        dataset data: Dataset, threads: Int, envelope: EnvelopeMethod = .auto, observer: (any AnalysisStepObserver)? = nil
    ) throws -> FullAnalysis {
        guard let extent = data.boundingBox else { throw AnalysisError.invalidParameter("the dataset has no geometry") }
        var timings: [(step: String, seconds: Double)] = []
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            observer?.stepWillStart(name)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            timings.append((name, seconds))
            observer?.stepDidFinish(name, seconds: seconds)
            return result
        }
        let (stats, benefit) = try step("stats") { () throws -> (LandUseReport, PerMuBenefitReport) in
            // Three phases: the parcels measured and indexed, the units clipped, the per-mu table.
            observer?.stepProgress("stats", done: 0, total: 3)
            let overlay = try ParcelOverlay(parcels: data.parcels, threads: threads)
            observer?.stepProgress("stats", done: 1, total: 3)
            let report = try LandUseStatistics.compute(dataset: data, level: 2, threads: threads, overlay: overlay)
            observer?.stepProgress("stats", done: 2, total: 3)
            let benefit = PerMuBenefit.evaluate(enterprises: data.enterprises, parcels: data.parcels,
                                                parcelAreas: overlay.parcelAreas, policy: data.policy.benefit)
            observer?.stepProgress("stats", done: 3, total: 3)
            return (report, benefit)
        }
        let cluster = try step("cluster") {
            try ClusterAnalysis.run(dataset: data, options: ClusterOptions(grouping: IndustryGrouping(level: clusterLevel), threads: threads,
                                                                         envelope: envelope)) { done, total, _ in
                observer?.stepProgress("cluster", done: done, total: total)
            }
        }
        let hasEnterprises = data.hasEnterprises && !data.enterprises.isEmpty
        let hotspots = try step("hotspots") { () throws -> HotspotAnalysis? in hasEnterprises ? try Self.hotspots(of: data, extent: extent, threads: threads) : nil }
        let agglomeration = try step("agglomeration") { () throws -> AgglomerationAnalysis? in
            hasEnterprises ? try Self.agglomeration(of: data, extent: extent, threads: threads) : nil
        }
        let check = try step("check") { () throws -> CheckReport in try Self.check(of: data, threads: threads) }
        let concentration = try step("concentration") { () throws -> ConcentrationByDistrict? in
            guard let agglomeration else { return nil }
            return try Self.concentration(of: data, agglomeration: agglomeration, threads: threads)
        }
        return FullAnalysis(stats: stats, benefit: benefit, cluster: cluster, hotspots: hotspots, agglomeration: agglomeration,
                            check: check, concentration: concentration, timings: timings)
    }
}

// The steps on their own, as `run` makes them (parkatlas-bench steps times them one by one).
public extension FullAnalysis {
    /// Gi* of output in the 1 km band (`hotspotBand`; another `band` in metres for benchmarks), in
    /// the dataset's metric frame.
    static func hotspots(of data: Dataset, extent: BoundingBox, band: Double = hotspotBand, threads: Int) throws -> HotspotAnalysis {
        try HotspotAnalysis(enterprises: data.enterprises, frame: try MetricFrame(extent: extent), value: .outputWan,
                            band: band, fdr: false, threads: threads)
    }

    /// Agglomeration of industry divisions by employees, without permutations.
    static func agglomeration(of data: Dataset, extent: BoundingBox, threads: Int) throws -> AgglomerationAnalysis {
        try AgglomerationAnalysis(dataset: data, frame: try MetricFrame(extent: extent), level: .division,
                                  measure: .employees, permutations: 0, seed: 0, threads: threads)
    }

    /// The layout checks with the policy's thresholds.
    static func check(of data: Dataset, threads: Int) throws -> CheckReport {
        try LayoutChecks.run(dataset: data, thresholds: nil, threads: threads)
    }

    /// 工业向园区集中 per district, from the park of each enterprise the agglomeration step found.
    static func concentration(of data: Dataset, agglomeration: AgglomerationAnalysis, threads: Int) throws -> ConcentrationByDistrict {
        let parks = data.parks.count
        return try ConcentrationByDistrict.compute(
            dataset: data, parkOfEnterprise: agglomeration.unitOfEnterprise.map { u in u.flatMap { $0 < parks ? $0 : nil } },
            threads: threads)
    }
}

/// The year-on-year part of the main job (`analyze --previous`): the comparison
/// of the two snapshots (level 2) and the featured-park scorecards.
public struct YearOnYear: Sendable {
    /// The previous year's dataset.
    public let previous: Dataset
    public let comparison: SnapshotComparison
    public let cards: [FeaturedParkEvaluation.Scorecard]

    public static func run(current: Dataset, previous: Dataset, threads: Int) throws -> YearOnYear {
        let comparison = try SnapshotComparison.compare(old: previous, new: current, level: 2, threads: threads)
        let cards = try FeaturedParkEvaluation.evaluate(dataset: current, previous: previous, threads: threads)
        return YearOnYear(previous: previous, comparison: comparison, cards: cards)
    }
}
