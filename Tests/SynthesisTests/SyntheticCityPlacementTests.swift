import Foundation
import GeoCore
import LayoutModel
import Synthesis
import XCTest

/// Where the generic synthetic city puts its enterprises and how it names its
/// districts (issue 20).
final class SyntheticCityPlacementTests: XCTestCase {
    /// No enterprise is pushed onto the edge of the city: points that would fall
    /// outside the city's box are drawn again, not clamped onto it.
    ///
    /// Measured before the fix (`parkatlas synth --parks 60 --enterprises 60000
    /// --seed 3`, then counting in Python the points within 1e-9° of the four edges
    /// of the enterprises' own bounding box): 200 points on the edges, ≈ 50 per
    /// edge, all outside-park enterprises clamped 10 m inside the districts' box.
    /// Points drawn from a continuous distribution touch each edge of their own
    /// box once (the extreme point), so the count must be exactly 4.
    func testNoEnterprisesPileUpOnTheCityEdges() throws {
        let p = SyntheticCityParameters(parks: 60, parcels: 6000, enterprises: 60_000, seed: 3)
        let city = try SyntheticCity(parameters: p)
        var points: [PlanarPoint] = []
        points.reserveCapacity(p.enterprises)
        city.forEachEnterprise { points.append($0.point!) }
        let minX = points.map(\.x).min()!, maxX = points.map(\.x).max()!
        let minY = points.map(\.y).min()!, maxY = points.map(\.y).max()!
        func on(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
        let perEdge = [
            points.filter { on($0.x, minX) }.count, points.filter { on($0.x, maxX) }.count,
            points.filter { on($0.y, minY) }.count, points.filter { on($0.y, maxY) }.count,
        ]
        XCTAssertEqual(perEdge, [1, 1, 1, 1], "enterprises on the W, E, S, N edges of their bounding box")

        // And every enterprise still lies inside the city (the districts' box).
        var box = city.districtFeatures[0].geometry!.boundingBox!
        for d in city.districtFeatures { box.extend(with: d.geometry!.boundingBox!) }
        XCTAssertTrue(minX > box.minX && maxX < box.maxX && minY > box.minY && maxY < box.maxY)
    }

    /// The compass word of every administrative district name (城东区, 城西北区,
    /// 城中区, 城东二区, …) matches where the district's centroid lies relative to
    /// the city centre: 城中 within 4 km of the centre, otherwise the 45° sector
    /// of the bearing (东 = bearing 90° ± 22.5°, 东北 = 45° ± 22.5°, …).
    /// Before the fix the names were handed out in slot order: with 12 parks
    /// 城东区 was the south-west district and 城南区 the north-west one.
    func testDistrictNamesMatchTheirCompassPosition() throws {
        let centres: [(Double, Double)] = [(104.73, 31.47), (13.4, 52.5), (-46.6, -23.5), (151.2, -33.9)]
        let sectors = ["北", "东北", "东", "东南", "南", "西南", "西", "西北"]  // bearing 0°, 45°, … clockwise from north
        var seen = Set<String>()
        for (k, parks) in [1, 3, 5, 12, 16, 25, 60, 150].enumerated() {
            let (lon, lat) = centres[k % centres.count]
            let p = SyntheticCityParameters(parks: parks, parcels: 0, enterprises: 0, seed: UInt64(7 + k), centreLongitude: lon, centreLatitude: lat)
            let city = try SyntheticCity(parameters: p)
            let administrative = city.districtFeatures.filter { $0.string("kind") != "functional" }
            let names = administrative.map { $0.string("name")! }
            XCTAssertEqual(Set(names).count, names.count, "\(parks) parks: district names are unique: \(names)")
            for d in administrative {
                let name = d.string("name")!
                let box = d.geometry!.boundingBox!  // districts are axis-aligned rectangles
                // Metres east and north of the centre (spherical Earth, R = 6 371 008.8 m).
                let metresPerDegree = 6_371_008.8 * Double.pi / 180
                let east = ((box.minX + box.maxX) / 2 - lon) * metresPerDegree * cos(lat * Double.pi / 180)
                let north = ((box.minY + box.maxY) / 2 - lat) * metresPerDegree
                let distance = (east * east + north * north).squareRoot()
                let word = try XCTUnwrap(Self.compassWord(name), "\(parks) parks: \(name) has no compass word")
                seen.insert(word)
                if word == "中" {
                    XCTAssertLessThan(distance, 4_000, "\(parks) parks: \(name) at (\(east), \(north)) m")
                } else {
                    XCTAssertGreaterThanOrEqual(distance, 4_000, "\(parks) parks: \(name) at (\(east), \(north)) m")
                    var bearing = atan2(east, north) * 180 / Double.pi
                    if bearing < 0 { bearing += 360 }
                    let expected = sectors[Int((bearing / 45).rounded()) % 8]
                    XCTAssertEqual(word, expected, "\(parks) parks: \(name) at bearing \(bearing)°")
                }
            }
        }
        XCTAssertEqual(seen, Set(sectors + ["中"]), "every compass word occurs in these cities")
    }

    /// "城西南二区" → "西南"; nil when the name is not 城<direction>[ordinal]区.
    static func compassWord(_ name: String) -> String? {
        guard name.hasPrefix("城"), name.hasSuffix("区") else { return nil }
        let inner = name.dropFirst().dropLast()
        for word in ["东北", "东南", "西北", "西南", "东", "西", "南", "北", "中"] where inner.hasPrefix(word) {
            let rest = inner.dropFirst(word.count)
            return rest.allSatisfy { "一二三四五六七八九十百0123456789".contains($0) } ? word : nil
        }
        return nil
    }
}
