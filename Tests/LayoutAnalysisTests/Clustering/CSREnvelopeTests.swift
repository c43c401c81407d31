import Foundation
import GeoCore
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// The analytic CSR envelope of Ripley's K (`RipleyKMoments`, `EnvelopeMethod.analytic`).
///
/// Reference bands: `python3 Tests/Reference/envelope_reference.py` → Tests/Fixtures/cluster/out/
/// envelope_999.json: 999 CSR patterns per case drawn with numpy and counted with scipy `pdist`,
/// in a rectangle (n = 500 and 2000, the points' bounding box as study area) and in an
/// irregular polygon with a hole and a second part (n = 1000).
///
/// Tolerances are the Monte Carlo error of R = 999 simulations, at 4 standard errors:
/// - mean: sd/√R;
/// - standard deviation: sd/√(2(R − 1)) (normal sampling error of a sample sd);
/// - the 1 % and 99 % quantiles (10th smallest / largest of 999, the per-tail level 1/(R+1) of the
///   min/max of 99 simulations that the analytic band matches): √(α(1 − α)/R) / f(q) with
///   α = 0.01 and f the normal density at the quantile, f = φ(2.326)/sd, i.e. 0.118·sd.
final class CSREnvelopeTests: XCTestCase {
    struct Case {
        let name: String
        let n: Int
        let radii: [Double]
        let area: StudyArea
        let xy: [Double]
        let json: [String: Any]
    }

    static func cases() throws -> [Case] {
        let root = try ClusterFixtures.json("out/envelope_999.json")
        let list = try XCTUnwrap(root["cases"] as? [[String: Any]])
        XCTAssertEqual(list.count, 3)
        return try list.map { c in
            let xy = ClusterFixtures.flat(c["xy"])
            let area: StudyArea
            if c["bbox_study_area"] as? Bool == true {
                area = StudyArea.boundingBox(of: xy)
            } else {
                let polygons = try XCTUnwrap(c["polygons"] as? [[[[Double]]]]).map { rings in
                    Polygon(rings: rings.map { ring in CoordinateSequence(xy: ring.map { ($0[0], $0[1]) }) })
                }
                let region = Geometry.multiPolygon(polygons)
                area = StudyArea(kind: .parks, area: c.double("area_m2"), box: try XCTUnwrap(region.boundingBox), region: region)
            }
            return Case(name: c["name"] as? String ?? "?", n: c["n"] as? Int ?? 0, radii: c.doubles("radii"), area: area, xy: xy, json: c)
        }
    }

    /// scipy `norm.ppf(0.99)` = 2.3263478740408408 (and the published table value 2.326).
    func testNormalQuantile() {
        XCTAssertEqual(StandardNormal.quantile(0.99), 2.3263478740408408, accuracy: 1e-13)
        XCTAssertEqual(StandardNormal.quantile(0.01), -2.3263478740408408, accuracy: 1e-13)
        XCTAssertEqual(StandardNormal.quantile(0.975), 1.959963984540054, accuracy: 1e-13)
        XCTAssertEqual(RipleyAnalysis.envelopeZ(simulations: 99), 2.3263478740408408, accuracy: 1e-13)
        XCTAssertEqual(StandardNormal.upperTail(1.959963984540054), 0.025, accuracy: 1e-15)
    }

    /// For a rectangle a × b and r ≤ min(a, b), P(|X − Y| < r) for X, Y uniform is
    /// (πr²ab − (4/3)r³(a + b) + r⁴/2) / (ab)² (the integral of the set covariance
    /// (a − |h₁|)(b − |h₂|) over the disc; hand calculation), so E[K̂] = A·(n − 1)/n·p.
    /// The quadrature must reproduce it to 10⁻⁵ relative, and to 0.02 sd of K̂ for a million
    /// points (where the sd is 2·10⁻⁴ of the mean, so an error of 10⁻⁴ would shift the band by
    /// half its sd): a small box with large radii and a city-sized one.
    func testRectangleMeanMatchesTheClosedForm() {
        for (a, b, radii) in [(3000.0, 2000.0, [50.0, 150.0, 600.0, 1900.0]), (50_000.0, 40_000.0, [250.0, 500.0, 1000.0, 2000.0])] {
            let area = StudyArea(kind: .bbox, area: a * b, box: BoundingBox(minX: 500, minY: -200, maxX: 500 + a, maxY: b - 200), region: nil)
            let moments = RipleyKMoments(studyArea: area)
            for r in radii {
                let p = (Double.pi * r * r * a * b - 4.0 / 3.0 * r * r * r * (a + b) + r * r * r * r / 2) / (a * a * b * b)
                let n = 1_000_000
                let exact = a * b * Double(n - 1) / Double(n) * p
                let got = moments.moments(n: n, radius: r, threads: 2)
                XCTAssertEqual(got.mean, exact, accuracy: 1e-5 * exact, "\(a) × \(b), r = \(r)")
                XCTAssertEqual(got.mean, exact, accuracy: 0.02 * got.sd, "\(a) × \(b), r = \(r)")
            }
        }
    }

    /// The polygon path with a polygon that is the rectangle gives the rectangle's moments.
    func testPolygonWindowOfARectangleEqualsTheBox() {
        let box = BoundingBox(minX: 0, minY: 0, maxX: 3000, maxY: 2000)
        let ring = CoordinateSequence(xy: [(0, 0), (0, 2000), (3000, 2000), (3000, 0), (0, 0)])  // clockwise on purpose
        let polygon = StudyArea(kind: .parks, area: 6e6, box: box, region: .polygon(Polygon(rings: [ring])))
        let rectangle = StudyArea(kind: .bbox, area: 6e6, box: box, region: nil)
        for r in [100.0, 700.0] {
            let p = RipleyKMoments(studyArea: polygon).moments(n: 800, radius: r, threads: 1)
            let q = RipleyKMoments(studyArea: rectangle).moments(n: 800, radius: r, threads: 3)
            XCTAssertEqual(p.mean, q.mean, accuracy: 1e-9 * q.mean)
            XCTAssertEqual(p.sd, q.sd, accuracy: 1e-6 * q.sd)
        }
    }

    /// K itself stays pointpats' on these patterns and study areas.
    func testKMatchesPointpats() throws {
        for c in try Self.cases() {
            let k = try XCTUnwrap(RipleyK.k(coordinates: c.xy, radii: c.radii, area: c.area.area))
            for (got, want) in zip(k, c.json.doubles("k_pointpats")) { XCTAssertEqual(got, want, accuracy: 1e-9 * want, c.name) }
        }
    }

    /// The analytic mean, sd and 1 %/99 % band against 999 numpy simulations, within the Monte
    /// Carlo error (see the class comment).
    func testAnalyticBandAgreesWith999Simulations() throws {
        let r = 999.0
        let z = RipleyAnalysis.envelopeZ(simulations: 99)
        let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        for c in try Self.cases() {
            let analysis = try XCTUnwrap(RipleyAnalysis(
                coordinates: c.xy, radii: c.radii, studyArea: c.area, simulations: 99, seed: 1, threads: 2, envelope: .analytic))
            XCTAssertEqual(analysis.envelopeMethod, .analytic)
            let mean = try XCTUnwrap(analysis.expectedK), sd = try XCTUnwrap(analysis.standardDeviationK)
            let low = try XCTUnwrap(analysis.envelopeLowK), high = try XCTUnwrap(analysis.envelopeHighK)
            let simMean = c.json.doubles("sim_mean"), simSD = c.json.doubles("sim_sd")
            let qLow = c.json.doubles("sim_q_low"), qHigh = c.json.doubles("sim_q_high")
            for i in c.radii.indices {
                let label = "\(c.name) r = \(c.radii[i])"
                XCTAssertEqual(mean[i], simMean[i], accuracy: 4 * sd[i] / r.squareRoot(), "mean, \(label)")
                XCTAssertEqual(sd[i], simSD[i], accuracy: 4 * sd[i] / (2 * (r - 1)).squareRoot(), "sd, \(label)")
                let quantileSE = sd[i] * (0.01 * 0.99 / r).squareRoot() / density
                XCTAssertEqual(low[i], qLow[i], accuracy: 4 * quantileSE, "1 % band, \(label)")
                XCTAssertEqual(high[i], qHigh[i], accuracy: 4 * quantileSE, "99 % band, \(label)")
                // L band is the K band mapped through L = √(K/π).
                XCTAssertEqual(try XCTUnwrap(analysis.envelopeHigh)[i], (high[i] / Double.pi).squareRoot(), accuracy: 1e-9)
            }
        }
    }

    /// Our own simulation (SplitMix64, GEOS rejection for the polygon) agrees with the analytic
    /// moments within the same Monte Carlo error (4 standard errors of R = 999 patterns for the
    /// n = 500 rectangle, R = 300 for the polygon, whose GEOS rejection sampling is slow in debug).
    func testOwnSimulationsAgreeWithTheAnalyticMoments() throws {
        for c in try Self.cases() where c.n <= 1000 {
            let count = c.area.region == nil ? 999 : 300
            let sims = try RipleyAnalysis.simulate(n: c.n, radii: c.radii, studyArea: c.area, simulations: count, seed: 3, threads: 2)
            let moments = RipleyKMoments(studyArea: c.area)
            let r = Double(count)
            for (i, radius) in c.radii.enumerated() {
                let values = sims.map { $0[i] }
                let mean = values.reduce(0, +) / r
                let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (r - 1)).squareRoot()
                let m = moments.moments(n: c.n, radius: radius, threads: 1)
                XCTAssertEqual(m.mean, mean, accuracy: 4 * m.sd / r.squareRoot(), "\(c.name) r = \(radius)")
                XCTAssertEqual(m.sd, sd, accuracy: 4 * m.sd / (2 * (r - 1)).squareRoot(), "\(c.name) r = \(radius)")
            }
        }
    }

    /// `auto` simulates up to the threshold and is analytic above; the method is reported.
    func testAutoResolvesBySize() throws {
        XCTAssertEqual(EnvelopeMethod.auto.resolved(n: EnvelopeMethod.autoThreshold), .simulation)
        XCTAssertEqual(EnvelopeMethod.auto.resolved(n: EnvelopeMethod.autoThreshold + 1), .analytic)
        XCTAssertEqual(EnvelopeMethod.simulation.resolved(n: 10_000_000), .simulation)
        let xy: [Double] = [0, 0, 10, 0, 0, 10, 10, 10, 5, 5]
        let a = try XCTUnwrap(RipleyAnalysis(coordinates: xy, radii: [3], studyArea: StudyArea.boundingBox(of: xy), simulations: 9,
                                             seed: 1, threads: 1, envelope: .auto))
        XCTAssertEqual(a.envelopeMethod, .simulation)
        XCTAssertNil(a.expectedK)
        let none = try XCTUnwrap(RipleyAnalysis(coordinates: xy, radii: [3], studyArea: StudyArea.boundingBox(of: xy), simulations: 0,
                                                seed: 1, threads: 1, envelope: .analytic))
        XCTAssertNil(none.envelopeMethod)
        XCTAssertNil(none.envelopeHighK)
    }

    /// The analytic band is the same for any thread count (rows of the quadrature reduced in order).
    func testAnalyticBandDoesNotDependOnThreads() throws {
        for c in try Self.cases() {
            let one = try XCTUnwrap(RipleyAnalysis(coordinates: c.xy, radii: c.radii, studyArea: c.area, simulations: 99, seed: 1,
                                                   threads: 1, envelope: .analytic))
            for threads in [2, 3] {
                let other = try XCTUnwrap(RipleyAnalysis(coordinates: c.xy, radii: c.radii, studyArea: c.area, simulations: 99, seed: 1,
                                                         threads: threads, envelope: .analytic))
                XCTAssertEqual(one, other, "\(c.name), \(threads) threads")
            }
        }
    }
}
