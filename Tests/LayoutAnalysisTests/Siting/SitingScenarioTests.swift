import GEOS
import GeoCore
import LayoutModel
import XCTest

@testable import LayoutAnalysis

/// Hand-built datasets where the best park is known by construction: positioning
/// decides, land decides (through the single-block constraint), synergy decides,
/// the chemical-park constraint decides, efficiency and ties; plus parcel
/// assignment, reclaimable land, the district filter and infeasible requests.
/// Parcels of 300 m × 300 m are ≈ 9 ha.
final class SitingScenarioTests: XCTestCase {
    var handlesBefore = 0

    override func setUp() { handlesBefore = GEOSLibrary.liveHandles }
    override func tearDown() { XCTAssertEqual(GEOSLibrary.liveHandles, handlesBefore, "leaked GEOS handles") }

    func request(_ code: String, _ ha: Double, district: String? = nil) throws -> SitingRequest {
        try SitingRequest.make(industry: code, areaHectares: ha, district: district)
    }

    /// A park at (x, 0) with one ready 9 ha parcel.
    func addPark(_ s: inout SitingScenario, _ id: String, x: Double, main: [String], featured: [String] = [], chemical: Bool = false) {
        s.park(id, x: x, y: 0, main: main, featured: featured, chemical: chemical)
        s.parcel("\(id)-1", x + 100, 100, x + 400, 400)
    }

    func testPositioningDecides() throws {
        var s = SitingScenario()
        addPark(&s, "B", x: 5000, main: ["C39"])
        addPark(&s, "C", x: 10_000, main: ["C13"], featured: ["C3974"])
        addPark(&s, "A", x: 0, main: ["C3974"])
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5), threads: 2)
        XCTAssertEqual(result.candidates.map(\.parkId), ["A", "C", "B"])
        XCTAssertEqual(result.candidates.map(\.components.positioning), [40, 30, 24])
        for c in result.candidates {
            XCTAssertEqual(c.components.land, 20)
            XCTAssertEqual(c.components.synergy, 0)
            XCTAssertEqual(c.components.efficiency, 0)
            XCTAssertEqual(c.score, c.components.positioning + 20)
        }
        XCTAssertEqual(result.candidates[1].positioning.list, .featured)
        XCTAssertEqual(result.candidates[2].positioning.level, .division)
        XCTAssertTrue(result.ruledOut.isEmpty)
    }

    /// The better-positioned park's two 4 ha parcels are 11 m apart: two blocks,
    /// neither holds 6 ha, so it is ruled out; 9 m apart they form one 8 ha block and it wins.
    func testLandDecidesThroughTheSingleBlockConstraint() throws {
        for (gap, expectWinner) in [(11.0, "B"), (9.0, "A")] {
            var s = SitingScenario()
            s.park("A", x: 0, y: 0, main: ["C3974"])
            s.parcel("A-1", 100, 100, 300, 300)
            s.parcel("A-2", 300 + gap, 100, 500 + gap, 300)
            addPark(&s, "B", x: 5000, main: ["C39"])
            let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 6), threads: 1)
            XCTAssertEqual(result.candidates.first?.parkId, expectWinner, "gap \(gap) m")
            if gap > 10 {
                XCTAssertEqual(result.candidates.map(\.parkId), ["B"])
                let out = try XCTUnwrap(result.ruledOut.first)
                XCTAssertEqual(out.parkId, "A")
                guard case .blockTooSmall(let largest, let needed) = out.reason else { return XCTFail("\(out.reason)") }
                XCTAssertEqual(largest / 10_000, 4, accuracy: 0.05)
                XCTAssertEqual(needed, 60_000)
                XCTAssertTrue(out.reason.english.hasPrefix("largest block 4.0"), out.reason.english)
            } else {
                XCTAssertEqual(result.candidates[0].block.parcels.count, 2)
                XCTAssertEqual(result.candidates[0].block.area / 10_000, 8, accuracy: 0.1)
            }
        }
    }

    /// Same positioning and land; only B has same-division output (C3971, division C39)
    /// near its block; a huge C26 firm near A does not count; a C39 firm 4.9 km from
    /// A's block edge (5.05 km from its centroid) counts for A: distance is to the polygon.
    func testSynergyDecidesMeasuredFromTheBlockPolygon() throws {
        var s = SitingScenario()
        addPark(&s, "A", x: 0, main: ["C3974"])
        addPark(&s, "B", x: 20_000, main: ["C3974"])
        s.enterprise("near-B", "C3971", output: 1000, x: 21_000, y: 250)
        s.enterprise("chem-near-A", "C2614", output: 1_000_000, x: 500, y: 250)
        s.enterprise("edge-A", "C3990", output: 300, x: 400 + 4900, y: 250)
        s.enterprise("far-A", "C3971", output: 500, x: 250, y: 100 - 5300)
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5), threads: 2)
        XCTAssertEqual(result.candidates.map(\.parkId), ["B", "A"])
        XCTAssertEqual(result.candidates.map(\.synergyOutput), [1000, 300])
        XCTAssertEqual(result.candidates[0].components.synergy, 25)
        XCTAssertEqual(result.candidates[1].components.synergy, 7.5, accuracy: 1e-12)
    }

    /// A hazardous-chemical project (C2614 under C26) only goes to parks flagged
    /// chemical; a sub-park of a chemical park that is not itself flagged is ruled out,
    /// even though its positioning matches best.
    func testChemicalConstraintDecides() throws {
        var s = SitingScenario()
        addPark(&s, "N", x: 0, main: ["C2614"])
        s.park("P", x: 5000, y: 0, side: 4000, main: ["C26"], chemical: true)
        s.parcel("P-1", 7000, 2000, 7300, 2300)
        s.park("S", x: 5500, y: 500, side: 1000, main: ["C2614"], parent: "P")
        s.parcel("S-1", 5600, 600, 5900, 900)
        addPark(&s, "Q", x: 12_000, main: ["C25"], chemical: true)
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C2614", 5), threads: 2)
        XCTAssertTrue(result.hazardous)
        XCTAssertEqual(result.candidates.map(\.parkId), ["P", "Q"])
        XCTAssertEqual(result.candidates[0].components.positioning, 24)
        XCTAssertEqual(result.candidates[1].components.positioning, 0)
        // S's parcel belongs to S (the smallest park holding it), not to P.
        XCTAssertEqual(result.candidates[0].block.parcels.map { s.parcels[$0].id }, ["P-1"])
        XCTAssertEqual(result.ruledOut.map(\.parkId), ["N", "S"])
        XCTAssertEqual(Set(result.ruledOut.map(\.reason)), [.notChemicalPark])
        // The same request for a non-hazardous code takes N first.
        let plain = try Siting.evaluate(dataset: s.dataset, request: request("C2710", 5), threads: 1)
        XCTAssertFalse(plain.hazardous)
        XCTAssertEqual(plain.candidates.count, 4)
    }

    /// Efficiency: industrial tax per ha scaled by the best; equal scores rank by park id.
    func testEfficiencyAndTies() throws {
        var s = SitingScenario()
        addPark(&s, "PB", x: 0, main: ["C3974"])
        s.parcel("PB-built", 500, 500, 600, 600, status: .built, tax: 50)
        addPark(&s, "PA", x: 5000, main: ["C3974"])
        s.parcel("PA-built", 5500, 500, 5600, 600, status: .built, tax: 100)
        addPark(&s, "T2", x: 10_000, main: ["C3974"])
        addPark(&s, "T1", x: 15_000, main: ["C3974"])
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5), threads: 2)
        XCTAssertEqual(result.candidates.map(\.parkId), ["PA", "PB", "T1", "T2"])
        XCTAssertEqual(result.candidates[0].components.efficiency, 15)
        XCTAssertEqual(result.candidates[1].components.efficiency, 7.5, accuracy: 0.01)
        XCTAssertEqual(result.candidates[2].score, result.candidates[3].score)
        XCTAssertNil(result.candidates[2].industrialTaxPerHectare)
        XCTAssertEqual(result.candidates.map(\.rank), [1, 2, 3, 4])
    }

    /// Which parcels count: ready industrial/warehouse only, idle listed as reclaimable,
    /// a parcel straddling two parks goes to the one holding most of it.
    func testAvailableLandAssignmentAndReclaimable() throws {
        var s = SitingScenario()
        s.park("A", x: 0, y: 0, main: ["C3974"])
        s.park("B", x: 2000, y: 0, main: ["C3974"])
        s.parcel("ready-10", 100, 100, 400, 400)
        s.parcel("ready-07", 500, 100, 900, 400, landUse: "0701")
        s.parcel("ready-11", 100, 600, 300, 800, landUse: "1101")
        s.parcel("idle-10", 600, 600, 800, 750, status: .idle)
        s.parcel("built-10", 1000, 1000, 1200, 1200, status: .built)
        s.parcel("straddle", 1900, 100, 2050, 200)  // 100 m in A, 50 m in B
        let data = s.dataset
        let frame = try MetricFrame(extent: data.boundingBox!)
        let land = try AvailableLand(dataset: data, frame: frame, mergeDistance: 10, threads: 2)
        let ids = { (list: [Int]) in list.map { data.parcels[$0].id } }
        XCTAssertEqual(land.blocks[0].map { ids($0.parcels) }, [["ready-10"], ["ready-11"], ["straddle"]])
        XCTAssertTrue(land.blocks[1].isEmpty)
        XCTAssertEqual(ids(land.reclaimable[0]), ["idle-10"])
        XCTAssertEqual(land.reclaimableArea(ofPark: 0) / 10_000, 3, accuracy: 0.01)
        // Block area is the parcel's ellipsoidal area.
        XCTAssertEqual(land.blocks[0][0].area, land.parcelAreas[0]!)
        let result = try Siting.evaluate(dataset: data, request: request("C3974", 1), threads: 1)
        XCTAssertEqual(result.ruledOut.map(\.reason), [.noReadyIndustrialLand])
        XCTAssertEqual(result.candidates[0].reclaimable.map { data.parcels[$0].id }, ["idle-10"])
        // Chosen block: the smallest holding the need (no synergy anywhere): the 1.5 ha straddling one.
        XCTAssertEqual(ids(result.candidates[0].block.parcels), ["straddle"])
        XCTAssertEqual(result.candidates[0].feasibleBlocks, 3)
        XCTAssertEqual(result.candidates[0].largestBlock.parcels.map { data.parcels[$0].id }, ["ready-10"])
    }

    /// District filter: a park reporting to D1 counts for D1 although it lies in D2;
    /// a park without a district property reports to D2 (largest share) and is ruled out for D1.
    func testDistrictFilter() throws {
        var s = SitingScenario()
        s.park("X", x: 0, y: 0, main: ["C3974"], district: "D1")
        s.parcel("X-1", 100, 100, 400, 400)
        addPark(&s, "Y", x: 5000, main: ["C3974"])
        let d1 = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5, district: "D1"), threads: 2)
        XCTAssertEqual(d1.candidates.map(\.parkId), ["X"])
        XCTAssertEqual(d1.ruledOut.map(\.reason), [.outsideDistrict("D1")])
        let d2 = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5, district: "D2"), threads: 2)
        XCTAssertEqual(d2.candidates.map(\.parkId).sorted(), ["X", "Y"])
        XCTAssertThrowsError(try Siting.evaluate(dataset: s.dataset, request: request("C3974", 5, district: "D9"))) {
            guard case SitingError.unknownDistrict(let code, let known) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(code, "D9")
            XCTAssertEqual(known, ["D1", "D2"])
        }
    }

    /// More land than any block holds: no candidate, every park's reason, and the largest block.
    func testInfeasibleRequestListsEveryParkAndTheLargestBlock() throws {
        var s = SitingScenario()
        addPark(&s, "A", x: 0, main: ["C3974"])
        s.park("B", x: 5000, y: 0, main: ["C39"])
        s.parcel("B-1", 5100, 100, 5500, 500)
        s.park("C", x: 10_000, y: 0, main: ["C39"])
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 100), threads: 2)
        XCTAssertTrue(result.candidates.isEmpty)
        XCTAssertEqual(result.ruledOut.map(\.reason.code), ["block_too_small", "block_too_small", "no_ready_industrial_land"])
        let largest = try XCTUnwrap(result.largestAvailableBlock)
        XCTAssertEqual(s.parks[largest.park].id, "B")
        XCTAssertEqual(largest.area / 10_000, 16, accuracy: 0.1)
    }

    /// A dataset without parcels: every park lacks land, and nothing is the largest block.
    func testDatasetWithoutParcels() throws {
        var s = SitingScenario()
        s.park("A", x: 0, y: 0, main: ["C3974"])
        s.enterprise("e", "C3974", output: 10, x: 100, y: 100)
        let result = try Siting.evaluate(dataset: s.dataset, request: request("C3974", 1), threads: 2)
        XCTAssertTrue(result.candidates.isEmpty)
        XCTAssertEqual(result.ruledOut.map(\.reason), [.noReadyIndustrialLand])
        XCTAssertNil(result.largestAvailableBlock)
    }

    func testRequestValidation() {
        for code in ["C9999", "C1310", "3974", "c3974", "X12", ""] {
            XCTAssertThrowsError(try SitingRequest.make(industry: code, areaHectares: 1), code) {
                guard case SitingError.unknownIndustry(let text, let reason) = $0 else { return XCTFail("\($0)") }
                XCTAssertEqual(text, code)
                XCTAssertFalse(reason.isEmpty)
            }
        }
        for area in [-1.0, 0, .nan, .infinity] {
            XCTAssertThrowsError(try SitingRequest.make(industry: "C3974", areaHectares: area)) {
                guard case SitingError.invalidArea = $0 else { return XCTFail("\($0)") }
            }
        }
        XCTAssertNoThrow(try SitingRequest.make(industry: "C39", areaHectares: 0.5))
    }
}
