import GEOS
import GeoCore
@testable import LayoutAnalysis
import LayoutModel
import PROJ
import TestSupport
import XCTest

/// The indexed candidate searches of issue 19 against passes over every pair or every piece:
/// parcel-overlap (grid instead of the x-sweep), parcel-outside-park (union pieces, then the
/// whole union for undecided parcels) and duplicate-positioning (nearby or same-district pairs).
final class CandidatePairTests: CheckRuleTestCase {
    /// 600 seeded random parcels on a 0.0001° lattice (repeats, shared edges and corners, boxes
    /// touching only at a point, overlaps of every size): the pairs found are those of the test
    /// on every pair (a < b), each once, intersected first-by-(west edge, index) ∩ second.
    func testParcelOverlapPairsAreThoseOfEveryPair() throws {
        var random = SplitMix64(seed: 0x0B0E_1A9)
        func int(_ n: Int) -> Int { Int(random.nextUnit() * Double(n)) }
        var parcels: [Parcel] = []
        for k in 0..<600 {
            if k % 11 == 5 { parcels.append(F.parcel("R\(k)", parcels[k - 1].geometry)); continue }  // an exact repeat
            let x = 104 + Double(int(120)) * 0.0001, y = 31 + Double(int(120)) * 0.0001
            let w = Double(1 + int(6)) * 0.0001, h = Double(1 + int(6)) * 0.0001
            parcels.append(F.parcel("R\(k)", F.rect(x, y, x + w, y + h)))
        }
        let minimum = 1.0
        let boxes = parcels.map { $0.geometry.boundingBox! }
        let handles = try parcels.map { try GeometryHandle($0.geometry) }
        var expected: [(a: Int, b: Int, area: Double)] = []
        for a in parcels.indices {
            for b in (a + 1)..<parcels.count where boxes[a].intersects(boxes[b]) {
                // The first by (west edge, index) is intersected with the other.
                let (i, j) = boxes[a].minX < boxes[b].minX || (boxes[a].minX == boxes[b].minX && a < b) ? (a, b) : (b, a)
                guard ParcelOverlapRule.envelopeOverlapBound(boxes[i], boxes[j]) > minimum,
                      try handles[i].relate(handles[j], pattern: "2********") else { continue }
                let area = Geodesic.grs80.area(of: try handles[i].intersection(handles[j]).geometry())
                if area > minimum { expected.append((a, b, area)) }
            }
        }
        XCTAssertGreaterThan(expected.count, 100, "the data must have overlaps")
        for threads in [1, 3] {
            let overlay = try ParcelOverlay(parcels: parcels, threads: threads)
            let found = try ParcelOverlapRule.overlappingPairs(overlay: overlay, minimumArea: minimum, threads: threads)
            XCTAssertEqual(found.map { "\($0.a)/\($0.b)" }, expected.map { "\($0.a)/\($0.b)" })
            XCTAssertEqual(found.map(\.area), expected.map(\.area), "bit for bit: the same intersection")
        }
    }

    /// Two disjoint parks (two pieces of the union) and parcels near the threshold (0.5), by hand:
    /// a lon/lat rectangle's area is proportional to its longitude span to 1e-7 at these sizes.
    /// 50.1 % outside is flagged, 49.9 % not; a parcel across both parks and the gap
    /// (14 − 2 − 2 = 10 of 14 thousandths outside) is flagged at 10/14; one touching a park only
    /// along an edge and one far away are wholly outside; one inside is not flagged.
    func testParcelOutsideParkNearTheThresholdAndAcrossTwoPieces() throws {
        let parks = [F.park("P1", F.rect(104.0, 31.0, 104.01, 31.01)), F.park("P2", F.rect(104.02, 31.0, 104.03, 31.01), district: "D1")]
        let parcels = [
            F.parcel("OUT501", F.rect(104.01 - 0.000499, 31.001, 104.01 + 0.000501, 31.002), status: .ready),
            F.parcel("OUT499", F.rect(104.01 - 0.000501, 31.003, 104.01 + 0.000499, 31.004), status: .ready),
            F.parcel("ACROSS", F.rect(104.008, 31.005, 104.022, 31.006), status: .ready),
            F.parcel("EDGE", F.rect(104.01, 31.007, 104.011, 31.008), status: .ready),
            F.parcel("FAR", F.rect(104.2, 31.2, 104.201, 31.201), status: .ready),
            F.parcel("IN", F.rect(104.001, 31.001, 104.002, 31.002), status: .ready),
        ]
        for threads in [1, 2] {
            let report = try F.run(F.dataset(parks: parks, parcels: parcels), threads: threads)
            XCTAssertEqual(report.subjects(.parcelOutsidePark), ["OUT501", "ACROSS", "EDGE", "FAR"])
            let values = report.findings(.parcelOutsidePark).map { $0.value! }
            for (value, expected) in zip(values, [0.501, 10.0 / 14, 1, 1]) { XCTAssertEqual(value, expected, accuracy: 1e-6) }
            XCTAssertEqual(values[2], 1, "touching along an edge only: nothing inside, exactly")
            XCTAssertEqual(values[3], 1, "far away: nothing inside, exactly")
        }
    }

    /// 60 seeded random parks with main codes from three groups, reporting to four districts,
    /// spread over 1.2° (≈ 115 km, so pairs on both sides of the 20 km limit), with 1 and 2
    /// threads: the pairs flagged are those of the rule's test applied to every pair.
    func testDuplicatePositioningPairsAreThoseOfEveryPair() throws {
        var random = SplitMix64(seed: 0xD0_0B1E)
        func int(_ n: Int) -> Int { Int(random.nextUnit() * Double(n)) }
        let codes = ["C3974", "C3971", "C2614", "C1311"]
        let parks = (0..<60).map { k -> Park in
            let x = 103.9 + random.nextUnit() * 1.2, y = 30.9 + random.nextUnit() * 1.2, s = 0.002 + random.nextUnit() * 0.02
            return F.park("P\(k)", F.rect(x, y, x + s, y + s), district: k % 5 == 0 ? nil : "D\(int(4) + 1)", main: [codes[int(4)]])
        }
        let districts = (1...4).map { District(code: "D\($0)", name: "D\($0)", geometry: F.rect(103.8, 30.8, 105.2, 32.2),
                                                 source: FeatureSource(file: "districts.geojson", index: $0)) }
        let dataset = F.dataset(parks: parks, districts: districts, hasParcels: false, hasEnterprises: false)
        let c = try CheckContext(dataset: dataset, thresholds: dataset.policy.checks, threads: 1)
        let threshold = GeometryDistanceThreshold(distance: c.thresholds.duplicatePositioningDistance, frame: c.frame)
        let metric = try c.parkMetric.map { try GeometryHandle($0) }
        var expected: [String] = []
        var near = 0, far = 0
        for a in parks.indices {
            for b in (a + 1)..<parks.count {
                let ga = Set(parks[a].mainIndustries.compactMap { $0.ancestor(at: .group) })
                guard !ga.isDisjoint(with: parks[b].mainIndustries.compactMap { $0.ancestor(at: .group) }) else { continue }
                let planar = try metric[a].planarDistance(to: metric[b])
                let (within, _) = try threshold.decide(metric[a], metric[b], planar: planar, boxes: c.parkMetricBoxes[a], c.parkMetricBoxes[b])
                if within { near += 1 } else { far += 1 }
                let same = c.reportingDistrict[a] != nil && c.reportingDistrict[a] == c.reportingDistrict[b]
                if same || within { expected.append("P\(a)/P\(b)") }
            }
        }
        XCTAssertGreaterThan(near, 10)
        XCTAssertGreaterThan(far, 100)
        for threads in [1, 2] {
            XCTAssertEqual(try F.run(dataset, threads: threads).subjects(.duplicatePositioning), expected)
        }
    }
}
