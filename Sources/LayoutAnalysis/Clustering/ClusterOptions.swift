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

    public static let defaultRadii: [Double] = [250, 500, 1000, 2000]

    public init(
        grouping: IndustryGrouping = IndustryGrouping(), eps: Double = 500, minPoints: Int = 5,
        radii: [Double] = ClusterOptions.defaultRadii, studyArea: StudyAreaKind = .bbox, simulations: Int = 99,
        seed: UInt64 = 1, threads: Int = 1
    ) {
        self.grouping = grouping
        self.eps = eps
        self.minPoints = minPoints
        self.radii = radii
        self.studyArea = studyArea
        self.simulations = simulations
        self.seed = seed
        self.threads = threads
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
