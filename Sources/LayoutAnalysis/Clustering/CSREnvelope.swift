import GeoCore
import Dispatch
import GEOS

/// Ripley K/L of a pattern with a Monte Carlo envelope under complete spatial randomness.
///
/// Units: radii in metres, K in m², L in metres.
/// R patterns of n points uniform in the study area (in the box; in a polygonal area by
/// rejection) are drawn, simulation s from `SplitMix64.stream(seed:index: s)`, so results do
/// not depend on the order or thread the simulations run on. Per radius:
/// envelope = min and max of the simulated L (equivalently K, L being monotone in K);
/// p = (#{s : K_s(r) ≥ K_obs(r)} + 1) / (R + 1), the one-sided pointwise Monte Carlo
/// p-value for clustering (Besag & Diggle 1977), as pointpats' `k_test`.
public struct RipleyAnalysis: Sendable, Hashable {
    public let radii: [Double]
    public let k: [Double]
    public let l: [Double]
    public let simulations: Int
    /// Min / max of the simulated L(r); nil without simulations.
    public let envelopeLow: [Double]?
    public let envelopeHigh: [Double]?
    /// Min / max of the simulated K(r); nil without simulations.
    public let envelopeLowK: [Double]?
    public let envelopeHighK: [Double]?
    /// Pointwise p per radius; nil without simulations.
    public let p: [Double]?

    /// Nil for fewer than 2 points.
    public init?(coordinates xy: [Double], radii: [Double], studyArea: StudyArea, simulations: Int, seed: UInt64, threads: Int) throws {
        let n = xy.count / 2
        guard n >= 2, let observed = try RipleyK.k(coordinates: xy, radii: radii, area: studyArea.area, threads: threads) else { return nil }
        self.radii = radii
        k = observed
        l = RipleyK.l(fromK: observed)
        self.simulations = simulations
        guard simulations > 0 else {
            envelopeLow = nil; envelopeHigh = nil; envelopeLowK = nil; envelopeHighK = nil; p = nil
            return
        }
        let simulated = try Self.simulate(n: n, radii: radii, studyArea: studyArea, simulations: simulations, seed: seed, threads: threads)
        var low = [Double](repeating: .infinity, count: radii.count), high = [Double](repeating: -.infinity, count: radii.count)
        var atLeast = [Int](repeating: 0, count: radii.count)
        for sim in simulated {
            for r in radii.indices {
                low[r] = min(low[r], sim[r])
                high[r] = max(high[r], sim[r])
                if sim[r] >= observed[r] { atLeast[r] += 1 }
            }
        }
        envelopeLowK = low
        envelopeHighK = high
        envelopeLow = RipleyK.l(fromK: low)
        envelopeHigh = RipleyK.l(fromK: high)
        p = atLeast.map { Double($0 + 1) / Double(simulations + 1) }
    }

    /// K of each simulated pattern, in simulation order.
    static func simulate(n: Int, radii: [Double], studyArea: StudyArea, simulations: Int, seed: UInt64, threads: Int) throws -> [[Double]] {
        let out = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: simulations)
        out.initialize(repeating: [])
        defer { out.deinitialize(); out.deallocate() }
        nonisolated(unsafe) let results = out
        let failure = FailureBox()
        let workers = max(1, min(threads, simulations))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            do {
                // GEOS prepared geometries are per thread.
                let prepared = try studyArea.region.map { try PreparedGeometry(GeometryHandle($0)) }
                for s in stride(from: w, to: simulations, by: workers) {
                    var rng = SplitMix64.stream(seed: seed, index: s)
                    let pattern = try studyArea.uniformPattern(count: n, rng: &rng, prepared: prepared)
                    results[s] = RipleyK.kUnchecked(coordinates: pattern, radii: radii, area: studyArea.area, threads: 1) ?? []
                }
            } catch {
                failure.set(String(describing: error))
            }
        }
        if let message = failure.message { throw AnalysisError.geometry(message) }
        return Array(out)
    }
}
