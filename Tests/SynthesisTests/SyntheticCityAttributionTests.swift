import GeoCore
@testable import Synthesis
import XCTest

/// `SyntheticCity.expectedFindings()` trusts the park each enterprise was generated for. That is only
/// sound if it is also the smallest park whose rectangle holds the enterprise's point: checked here
/// for every enterprise of cities in three places, parent parks with sub-parks included.
final class SyntheticCityAttributionTests: XCTestCase {
    func testTheGeneratedParkIsTheSmallestParkHoldingThePoint() throws {
        for (lon, lat, seed) in [(104.73, 31.47, UInt64(11)), (13.4, 52.5, 7), (-46.6, -23.5, 3)] {
            let city = try SyntheticCity(parameters: SyntheticCityParameters(
                parks: 10, parcels: 2500, enterprises: 6000, seed: seed, centreLongitude: lon, centreLatitude: lat))
            let parks = city.parks
            XCTAssertTrue(parks.contains { $0.parent != nil }, "the city has sub-parks")
            var inSubParks = 0
            for i in 0..<6000 {
                let d = city.draw(i)
                // Sub-parks come after their parent, so the last holder is the smallest.
                let holder = parks.indices.last { parks[$0].rect.contains(d.point) }
                XCTAssertEqual(d.park, holder, "enterprise \(i) (\(d.role)) at seed \(seed)")
                if let p = d.park, parks[p].parent != nil { inSubParks += 1 }
            }
            XCTAssertGreaterThan(inSubParks, 0)
        }
    }
}
