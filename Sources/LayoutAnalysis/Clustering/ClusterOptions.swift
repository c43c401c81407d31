import LayoutModel

/// Parameters of `cluster` (docs/analyses.md §3, docs/cli.md); defaults are the documented ones.
public struct ClusterOptions: Sendable, Hashable {
    public var grouping: IndustryGrouping
    /// DBSCAN radius, metres (default 500).
    public var eps: Double
    /// DBSCAN core threshold, self included (default 5).
    public var minPoints: Int
    /// K-function radii, metres.
    public var radii: [Double]
    public var studyArea: StudyAreaKind
    /// CSR patterns for the K envelope (default 99); 0 skips the envelope.
    public var simulations: Int
    public var seed: UInt64
    public var threads: Int
    /// How the CSR envelope of K is made (default `.auto`).
    public var envelope: EnvelopeMethod

    public static let defaultRadii: [Double] = [250, 500, 1000, 2000]

    public init(
        grouping: IndustryGrouping = IndustryGrouping(), eps: Double = 500, minPoints: Int = 5,
        radii: [Double] = ClusterOptions.defaultRadii, studyArea: StudyAreaKind = .bbox, simulations: Int = 99,
        seed: UInt64 = 1, threads: Int = 1, envelope: EnvelopeMethod = .auto
    ) {
        self.grouping = grouping
        self.eps = eps
        self.minPoints = minPoints
        self.radii = radii
        self.studyArea = studyArea
        self.simulations = simulations
        self.seed = seed
        self.threads = threads
        self.envelope = envelope
    }

    /// Throws `AnalysisError.invalidParameter` naming the first bad value.
    public func validate() throws {
        guard eps > 0, eps.isFinite else { throw AnalysisError.invalidParameter("eps must be a positive number of metres, got \(eps)") }
        guard minPoints >= 1 else { throw AnalysisError.invalidParameter("min_points must be at least 1, got \(minPoints)") }
        guard radii.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw AnalysisError.invalidParameter("radii must be positive numbers of metres, got \(radii)")
        }
        guard simulations >= 0 else { throw AnalysisError.invalidParameter("simulations must be ≥ 0, got \(simulations)") }
        guard threads >= 1 else { throw AnalysisError.invalidParameter("threads must be ≥ 1, got \(threads)") }
    }
}

/// How the CSR envelope of Ripley's K is made (docs/analyses.md §3).
///
/// Both give a pointwise band at the same nominal level: the min/max of R simulations leaves
/// each tail a probability 1/(R + 1) under CSR, so the analytic band is E[K̂] ± z·sd[K̂] with
/// z = Φ⁻¹(1 − 1/(R + 1)) (R = 99: z = 2.326, two-sided α = 0.02).
public enum EnvelopeMethod: String, Sendable, Hashable, CaseIterable {
    /// R simulated CSR patterns (Monte Carlo; min/max per radius).
    case simulation
    /// The exact CSR mean and variance of K̂ (`RipleyKMoments`) with a normal band.
    case analytic
    /// `simulation` while a group has at most `autoThreshold` points, `analytic` above.
    case auto

    /// The largest group `auto` still simulates. At this size 99 patterns cost about 4 s of CPU
    /// per group (2 s on 2 idle cores; release build, radii 250–2000 m: measured 3.4 s of CPU at
    /// n = 8260, Benchmarks/cluster_results.md), the analytic band 0.1 s; the analytic band has
    /// been checked against 999 simulations at n = 500–2000 (tests) and 200 at n = 107 000,
    /// where its normal approximation is already good, and it only improves with n. Below it,
    /// with few expected pairs at the smallest radius, the skew of K̂ makes the min/max of
    /// simulations the safer band.
    public static let autoThreshold = 10_000

    /// The method used for a group of n points.
    public func resolved(n: Int) -> EnvelopeMethod {
        switch self {
        case .auto: n <= Self.autoThreshold ? .simulation : .analytic
        default: self
        }
    }
}
