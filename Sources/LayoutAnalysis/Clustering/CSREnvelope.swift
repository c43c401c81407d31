import Foundation
import GeoCore
import GEOS

/// Ripley K/L of a pattern with a pointwise envelope under complete spatial randomness.
///
/// Units: radii in metres, K in m², L in metres.
///
/// Two ways to the envelope (`EnvelopeMethod`), at the same nominal level:
/// - **simulation**: R patterns of n points uniform in the study area (in the box; in a
///   polygonal area by rejection) are drawn, simulation s from `SplitMix64.stream(seed:index: s)`,
///   so results do not depend on the order or thread the simulations run on. Per radius:
///   envelope = min and max of the simulated L (equivalently K, L being monotone in K);
///   p = (#{s : K_s(r) ≥ K_obs(r)} + 1) / (R + 1), the one-sided pointwise Monte Carlo
///   p-value for clustering (Besag & Diggle 1977), as pointpats' `k_test`.
/// - **analytic**: the exact CSR mean and standard deviation of K̂ for n points in the same
///   window (`RipleyKMoments`); envelope = E[K̂] ± z·sd[K̂] with z = Φ⁻¹(1 − 1/(R + 1)), the
///   quantile each tail of an R-simulation min/max envelope has (R = 99: z = 2.3263; a
///   two-sided pointwise α of 2/(R + 1) = 0.02); L envelope = √(K envelope/π) (a negative low
///   K is clamped to 0); p = 1 − Φ((K_obs − E[K̂]) / sd[K̂]), the normal approximation of the
///   same one-sided p. K̂ is a U-statistic, asymptotically normal; at a few dozen expected
///   pairs its skew makes the normal tails too light, which is why `auto` simulates small groups.
public struct RipleyAnalysis: Sendable, Hashable {
    public let radii: [Double]
    public let k: [Double]
    public let l: [Double]
    /// R: the simulations run, or (analytic) the simulation count whose level the band matches.
    public let simulations: Int
    /// How the envelope was made: `.simulation` or `.analytic`; nil without an envelope.
    public let envelopeMethod: EnvelopeMethod?
    /// Min / max of the simulated L(r), or the analytic band; nil without an envelope.
    public let envelopeLow: [Double]?
    public let envelopeHigh: [Double]?
    /// Min / max of the simulated K(r), or the analytic band; nil without an envelope.
    public let envelopeLowK: [Double]?
    public let envelopeHighK: [Double]?
    /// Pointwise p per radius; nil without an envelope.
    public let p: [Double]?
    /// Analytic only: E[K̂(r)] and sd[K̂(r)] under CSR, m².
    public let expectedK: [Double]?
    public let standardDeviationK: [Double]?

    /// Nil for fewer than 2 points. `envelope` `.auto` resolves by n (`EnvelopeMethod.resolved`);
    /// `moments` is the study area's `RipleyKMoments` when the caller shares one between groups.
    public init?(
        coordinates xy: [Double], radii: [Double], studyArea: StudyArea, simulations: Int, seed: UInt64, threads: Int,
        envelope: EnvelopeMethod = .simulation, moments: RipleyKMoments? = nil
    ) throws {
        let n = xy.count / 2
        guard n >= 2, let observed = try RipleyK.k(coordinates: xy, radii: radii, area: studyArea.area, threads: threads) else { return nil }
        self.radii = radii
        k = observed
        l = RipleyK.l(fromK: observed)
        self.simulations = simulations
        guard simulations > 0 else {
            envelopeMethod = nil
            envelopeLow = nil; envelopeHigh = nil; envelopeLowK = nil; envelopeHighK = nil; p = nil
            expectedK = nil; standardDeviationK = nil
            return
        }
        let method = envelope.resolved(n: n)
        envelopeMethod = method
        if method == .analytic {
            let window = moments ?? RipleyKMoments(studyArea: studyArea)
            let z = Self.envelopeZ(simulations: simulations)
            var mean: [Double] = [], sd: [Double] = [], low: [Double] = [], high: [Double] = [], pValues: [Double] = []
            for (i, r) in radii.enumerated() {
                let m = window.moments(n: n, radius: r, threads: threads)
                mean.append(m.mean)
                sd.append(m.sd)
                low.append(max(0, m.mean - z * m.sd))
                high.append(m.mean + z * m.sd)
                pValues.append(m.sd > 0 ? StandardNormal.upperTail((observed[i] - m.mean) / m.sd) : (observed[i] > m.mean ? 0 : 1))
            }
            expectedK = mean
            standardDeviationK = sd
            envelopeLowK = low
            envelopeHighK = high
            envelopeLow = RipleyK.l(fromK: low)
            envelopeHigh = RipleyK.l(fromK: high)
            p = pValues
            return
        }
        expectedK = nil
        standardDeviationK = nil
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

    /// z of the analytic band at the level of `simulations` simulations: Φ⁻¹(1 − 1/(R + 1)).
    public static func envelopeZ(simulations: Int) -> Double { StandardNormal.quantile(1 - 1 / Double(max(1, simulations) + 1)) }

    /// z of this analysis's analytic band.
    public var envelopeZ: Double { Self.envelopeZ(simulations: simulations) }

    /// K of each simulated pattern, in simulation order.
    static func simulate(n: Int, radii: [Double], studyArea: StudyArea, simulations: Int, seed: UInt64, threads: Int) throws -> [[Double]] {
        let out = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: simulations)
        out.initialize(repeating: [])
        defer { out.deinitialize(); out.deallocate() }
        nonisolated(unsafe) let results = out
        let failure = FailureBox()
        // Simulations are independent and each is seeded by its index, so they are spread over
        // every worker and each fills its own slot: the same envelope for any thread count.
        ParallelRanges.forEach(count: simulations, threads: threads, minimumChunk: 1) { range in
            do {
                // GEOS prepared geometries are per thread.
                let prepared = try studyArea.region.map { try PreparedGeometry(GeometryHandle($0)) }
                for s in range {
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

/// The standard normal distribution's upper tail and quantile.
enum StandardNormal {
    /// P(Z ≥ z) = erfc(z/√2)/2.
    static func upperTail(_ z: Double) -> Double { erfc(z / 2.0.squareRoot()) / 2 }

    /// Φ⁻¹(q) for 0 < q < 1: Acklam's rational approximation (relative error < 1.2·10⁻⁹),
    /// refined by one Halley step on erfc, which brings it to machine precision.
    static func quantile(_ q: Double) -> Double {
        precondition(q > 0 && q < 1, "quantile of a probability in (0, 1)")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if q < low {
            let t = (-2 * log(q)).squareRoot()
            x = (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
        } else if q <= 1 - low {
            let u = q - 0.5, t = u * u
            x = (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * u
                / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1)
        } else {
            let t = (-2 * log(1 - q)).squareRoot()
            x = -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
        }
        // Halley: e = Φ(x) − q, u = e·√(2π)·exp(x²/2).
        let e = erfc(-x / 2.0.squareRoot()) / 2 - q
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
