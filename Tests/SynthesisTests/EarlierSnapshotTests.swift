import GeoCore
import XCTest

@testable import Synthesis

/// `MianyangEarlierSnapshot`: the back-cast year tells the story it claims
/// (MianyangEarlierSnapshotStory), for the reference seed and other seeds,
/// deterministically, without touching the later dataset.
final class EarlierSnapshotTests: XCTestCase {
    func ids(_ features: [Feature]) -> [String] { features.compactMap { $0[property: "id"]?.stringValue } }

    func byId(_ features: [Feature]) -> [String: Feature] {
        Dictionary(features.map { ($0[property: "id"]!.stringValue!, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func testStoryHoldsForSeveralSeeds() throws {
        let counties = try CountyFixture.load()
        for seed: UInt64 in [2024, 7, 99] {
            let later = try MianyangGenerator(counties: counties, seed: seed).generate()
            let (earlier, story) = MianyangEarlierSnapshot(seed: seed).derive(from: later)
            let label = "seed \(seed)"
            for (name, list) in [("entered", story.entered), ("exited", story.exited), ("movedIntoParks", story.movedIntoParks),
                                 ("industryChanged", story.industryChanged), ("idleToBuilt", story.idleToBuilt),
                                 ("builtToIdle", story.builtToIdle), ("constructionToBuilt", story.constructionToBuilt),
                                 ("unreadyToReady", story.unreadyToReady), ("newParcels", story.newParcels)] {
                XCTAssertFalse(list.isEmpty, "\(label): no \(name)")
            }
            let laterEnterprises = byId(later.enterprises), earlierEnterprises = byId(earlier.enterprises)
            XCTAssertEqual(earlierEnterprises.count, earlier.enterprises.count, "\(label): unique ids")
            for id in story.entered {
                XCTAssertNotNil(laterEnterprises[id])
                XCTAssertNil(earlierEnterprises[id])
            }
            for id in story.exited {
                XCTAssertNil(laterEnterprises[id])
                XCTAssertNotNil(earlierEnterprises[id])
            }
            let parks = ParkOutlines(later.parks)
            for id in story.movedIntoParks {
                XCTAssertNil(parks.park(containing: MianyangEarlierSnapshot.point(earlierEnterprises[id]!)!), "\(label) \(id) outside earlier")
                XCTAssertNotNil(parks.park(containing: MianyangEarlierSnapshot.point(laterEnterprises[id]!)!), "\(label) \(id) inside later")
            }
            for id in story.industryChanged {
                let before = earlierEnterprises[id]![property: "industry"]!.stringValue!
                let after = laterEnterprises[id]![property: "industry"]!.stringValue!
                XCTAssertNotEqual(before, after)
                XCTAssertEqual(before.prefix(3), after.prefix(3), "same division")
            }
            // Continuing enterprises had lower output (growth trends 3–12 %, noise sd 2 %).
            var lower = 0, continuing = 0
            for (id, e) in earlierEnterprises {
                guard let l = laterEnterprises[id], let a = e[property: "output_wan"]?.doubleValue,
                      let b = l[property: "output_wan"]?.doubleValue else { continue }
                continuing += 1
                if a < b { lower += 1 }
            }
            XCTAssertGreaterThan(Double(lower) / Double(continuing), 0.95, label)

            // Parcels: the named transitions hold, new parcels are absent earlier, every earlier parcel exists later.
            let laterParcels = byId(later.parcels), earlierParcels = byId(earlier.parcels)
            func status(_ f: Feature?) -> String? { f?[property: "status"]?.stringValue }
            for id in story.idleToBuilt { XCTAssertEqual([status(earlierParcels[id]), status(laterParcels[id])], ["idle", "built"]) }
            for id in story.builtToIdle { XCTAssertEqual([status(earlierParcels[id]), status(laterParcels[id])], ["built", "idle"]) }
            for id in story.unreadyToReady {
                XCTAssertEqual([status(earlierParcels[id]), status(laterParcels[id])], ["unready", "ready"])
                XCTAssertEqual(earlierParcels[id]?[property: "land_use"]?.stringValue, "2301")
            }
            for id in story.newParcels { XCTAssertNil(earlierParcels[id]) }
            XCTAssertTrue(earlierParcels.keys.allSatisfy { laterParcels[$0] != nil })
            // Every parcel's enterprise exists in its own year.
            for p in earlier.parcels {
                if let owner = p[property: "enterprise"]?.stringValue { XCTAssertNotNil(earlierEnterprises[owner], "\(label) \(owner)") }
            }
            // Positioning: P05 had no C404 earlier.
            let p05Earlier = byId(earlier.parks)["P05"]![property: "main_industries"]!.arrayValue!.compactMap(\.stringValue)
            let p05Later = byId(later.parks)["P05"]![property: "main_industries"]!.arrayValue!.compactMap(\.stringValue)
            XCTAssertEqual(p05Later.filter { !p05Earlier.contains($0) }, ["C404"])
            XCTAssertEqual(earlier.districts, later.districts)
        }
    }

    func testDeterministicAndLaterUntouched() throws {
        let counties = try CountyFixture.load()
        let later = try MianyangGenerator(counties: counties, seed: 5).generate()
        let copy = later
        let a = MianyangEarlierSnapshot(seed: 5).derive(from: later)
        let b = MianyangEarlierSnapshot(seed: 5).derive(from: later)
        let c = MianyangEarlierSnapshot(seed: 6).derive(from: later)
        XCTAssertEqual(a.dataset.parcels, b.dataset.parcels)
        XCTAssertEqual(a.dataset.enterprises, b.dataset.enterprises)
        XCTAssertEqual(a.story, b.story)
        XCTAssertNotEqual(a.dataset.enterprises, c.dataset.enterprises)
        XCTAssertEqual(later.parcels, copy.parcels)
        XCTAssertEqual(MianyangEarlierSnapshot.featuredGrowth["P04"], 0.04)
    }
}
