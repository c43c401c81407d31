import GeoCore
import Synthesis
import LayoutModel
import XCTest

final class SyntheticCityTests: XCTestCase {
    struct Generated {
        var districts: [Feature]
        var parks: [Feature]
        var parcels: [Feature]
        var enterprises: [Feature]
    }

    func generate(_ p: SyntheticCityParameters) throws -> (SyntheticCity, Generated) {
        let city = try SyntheticCity(parameters: p)
        var parcels: [Feature] = [], enterprises: [Feature] = []
        city.forEachParcel { parcels.append($0) }
        city.forEachEnterprise { enterprises.append($0) }
        return (city, Generated(districts: city.districtFeatures, parks: city.parkFeatures, parcels: parcels, enterprises: enterprises))
    }

    func testSameSeedIdenticalDifferentSeedDifferent() throws {
        let p = SyntheticCityParameters(parks: 6, parcels: 400, enterprises: 500, seed: 11)
        let (_, a) = try generate(p)
        let (_, b) = try generate(p)
        XCTAssertEqual(a.parks, b.parks)
        XCTAssertEqual(a.parcels, b.parcels)
        XCTAssertEqual(a.enterprises, b.enterprises)
        var q = p
        q.seed = 12
        let (_, c) = try generate(q)
        XCTAssertNotEqual(a.parcels, c.parcels)
        XCTAssertNotEqual(a.enterprises, c.enterprises)
    }

    func testValidAtSeveralSeedsAndPlaces() throws {
        let places: [(String, Double, Double)] = [("Mianyang", 104.73, 31.47), ("Berlin", 13.4, 52.5), ("São Paulo", -46.6, -23.5)]
        for (name, lon, lat) in places {
            for seed: UInt64 in [1, 2024, 987_654_321] {
                let p = SyntheticCityParameters(parks: 13, parcels: 1500, enterprises: 2000, seed: seed, centreLongitude: lon, centreLatitude: lat)
                let (city, g) = try generate(p)
                try checkValidity(city, g, p, context: "\(name) seed \(seed)")
            }
        }
    }

    func checkValidity(_ city: SyntheticCity, _ g: Generated, _ p: SyntheticCityParameters, context: String) throws {
        XCTAssertEqual(g.parcels.count, p.parcels, context)
        XCTAssertEqual(g.enterprises.count, p.enterprises, context)
        let topLevel = g.parks.filter { $0.properties?["parent"]?.isNull ?? true }
        XCTAssertEqual(topLevel.count, p.parks, context)
        XCTAssertGreaterThanOrEqual(g.districts.filter { $0.string("kind") == "functional" }.count, 1, context)

        // Unique ids / codes.
        for (layer, key) in [(g.districts, "code"), (g.parks, "id"), (g.parcels, "id"), (g.enterprises, "id")] {
            let ids = layer.compactMap { $0.string(key) }
            XCTAssertEqual(ids.count, layer.count, "\(context): missing \(key)")
            XCTAssertEqual(Set(ids).count, ids.count, "\(context): duplicate \(key)")
        }
        for f in g.districts + g.parks + g.parcels {
            assertValidPolygonal(f)
            assertNumbersNonNegative(f)
        }
        for f in g.enterprises {
            assertNumbersNonNegative(f)
            XCTAssertNotNil(f.properties?["employees"]?.integerValue)
            XCTAssertEqual(f.string("industry")?.count, 5, "industry must be a class code with its letter")
        }
        // Coordinates in range.
        for f in g.parks {
            let box = try XCTUnwrap(f.geometry?.boundingBox)
            XCTAssertTrue(box.minX >= -180 && box.maxX <= 180 && box.minY >= -90 && box.maxY <= 90, context)
        }

        // References resolve; parks inside their districts; sub-parks inside parents.
        let districtByCode = Dictionary(uniqueKeysWithValues: g.districts.map { ($0.string("code")!, $0) })
        let parkByID = Dictionary(uniqueKeysWithValues: g.parks.map { ($0.string("id")!, $0) })
        for park in g.parks {
            let district = try XCTUnwrap(districtByCode[park.string("district")!], context)
            XCTAssertTrue(polygon(district.openPolygons[0], contains: park.openPolygons[0]), "\(context): \(park.string("id")!) outside district")
            XCTAssertFalse(park.strings("main_industries").isEmpty)
            let level = ParkLevel(rawValue: park.string("level")!)!
            XCTAssertLessThanOrEqual(park.strings("main_industries").count, level.positioningCap.main, "generic parks keep the cap")
            if let parentID = park.properties?["parent"]?.stringValue {
                let parent = try XCTUnwrap(parkByID[parentID], context)
                XCTAssertTrue(polygon(parent.openPolygons[0], contains: park.openPolygons[0]), "\(context): sub-park outside parent")
            }
        }
        XCTAssertTrue(g.parks.contains { $0.properties?["chemical_park"]?.boolValue == true }, context)
        XCTAssertTrue(g.parks.contains { $0.properties?["featured_status"]?.stringValue != nil }, context)

        let enterpriseByID = Dictionary(uniqueKeysWithValues: g.enterprises.map { ($0.string("id")!, $0) })
        let parkRings = topLevel.map { $0.openPolygons[0] }
        var linked = 0
        for parcel in g.parcels {
            let ring = parcel.openPolygons[0]
            XCTAssertTrue(parkRings.contains { polygon($0, contains: ring) }, "\(context): parcel \(parcel.string("id")!) outside parks")
            if let e = parcel.properties?["enterprise"]?.stringValue {
                linked += 1
                let enterprise = try XCTUnwrap(enterpriseByID[e], context)
                XCTAssertTrue(PlanarRing.contains(ring[0], enterprise.point!), "\(context): enterprise \(e) not on its parcel")
                XCTAssertEqual(parcel.string("status"), "built")
            }
            let status = try XCTUnwrap(ParcelStatus(rawValue: parcel.string("status")!))
            if status != .built {
                XCTAssertEqual(parcel.number("floor_area_m2"), 0)
                XCTAssertEqual(parcel.number("footprint_m2"), 0)
            } else {
                XCTAssertLessThanOrEqual(parcel.number("footprint_m2")!, parcel.number("floor_area_m2")!)
            }
        }
        XCTAssertGreaterThan(linked, 0, context)

        // No parcel overlaps: parcels are axis-aligned rectangles in lon/lat, so
        // two overlap exactly when their boxes overlap with positive area.
        let boxes = g.parcels.map { $0.geometry!.boundingBox! }.sorted { $0.minX < $1.minX }
        for i in boxes.indices {
            var j = i + 1
            while j < boxes.count, boxes[j].minX < boxes[i].maxX {
                let overlapX = min(boxes[i].maxX, boxes[j].maxX) - max(boxes[i].minX, boxes[j].minX)
                let overlapY = min(boxes[i].maxY, boxes[j].maxY) - max(boxes[i].minY, boxes[j].minY)
                XCTAssertFalse(overlapX > 0 && overlapY > 0, "\(context): parcels overlap")
                j += 1
            }
        }

        // About 20 % of enterprises outside every park (share of the parameters ± 5 points).
        let inParks = g.enterprises.filter { e in parkRings.contains { PlanarRing.contains(polygon: $0, e.point!) } }.count
        XCTAssertEqual(1 - Double(inParks) / Double(g.enterprises.count), p.outsideShare, accuracy: 0.05, context)
        // Hazardous-chemical enterprises only in chemical parks.
        let chemicalRings = g.parks.filter { $0.properties?["chemical_park"]?.boolValue == true }.map { $0.openPolygons[0] }
        for e in g.enterprises where ["C25", "C26"].contains(where: { e.string("industry")!.hasPrefix($0) }) {
            XCTAssertTrue(chemicalRings.contains { PlanarRing.contains(polygon: $0, e.point!) }, "\(context): chemical firm outside chemical park")
        }
        // Planted situations name existing features.
        for s in city.plantedSituations {
            for id in s.subjects { XCTAssertTrue(parkByID[id] != nil || enterpriseByID[id] != nil || g.parcels.contains { $0.string("id") == id }, s.rule) }
        }
    }

    func testStatusMixNearNationalFigures() throws {
        let (_, g) = try generate(SyntheticCityParameters(parks: 8, parcels: 20_000, enterprises: 0, seed: 5))
        var count: [String: Int] = [:]
        for f in g.parcels { count[f.string("status")!, default: 0] += 1 }
        let n = Double(g.parcels.count)
        func share(_ s: String) -> Double { Double(count[s, default: 0]) / n }
        // Expected shares by count: built 0.77, unready 0.075, idle 0.015 (LandMix weights).
        XCTAssertEqual(share("built"), 0.77, accuracy: 0.015)
        XCTAssertEqual(share("unready"), 0.075, accuracy: 0.01)
        XCTAssertGreaterThan(count["idle", default: 0], 0)
    }

    func testTinyAndEmptyCities() throws {
        for (parks, parcels, enterprises) in [(1, 0, 0), (1, 3, 10), (2, 10, 40), (3, 1, 5), (4, 50, 0)] {
            let (_, g) = try generate(SyntheticCityParameters(parks: parks, parcels: parcels, enterprises: enterprises, seed: 3))
            XCTAssertEqual(g.parcels.count, parcels)
            XCTAssertEqual(g.enterprises.count, enterprises)
            XCTAssertEqual(g.parks.filter { $0.properties?["parent"]?.isNull == true }.count, parks)
            XCTAssertTrue(g.parks.contains { $0.properties?["chemical_park"]?.boolValue == true }, "one chemical park at least")
            let ids = g.parcels.map { $0.string("id")! } + g.enterprises.map { $0.string("id")! }
            XCTAssertEqual(Set(ids).count, ids.count)
        }
    }

    func testRejectsBadParameters() {
        XCTAssertThrowsError(try SyntheticCity(parameters: SyntheticCityParameters(parks: 0)))
        XCTAssertThrowsError(try SyntheticCity(parameters: SyntheticCityParameters(centreLatitude: 89)))
        XCTAssertThrowsError(try SyntheticCity(parameters: SyntheticCityParameters(parks: 2000, centreLongitude: 179.9)))
        XCTAssertThrowsError(try SyntheticCity(parameters: SyntheticCityParameters(centreLongitude: .nan)))
    }
}
