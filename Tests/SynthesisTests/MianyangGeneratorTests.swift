import GeoCore
import Synthesis
import XCTest

final class MianyangGeneratorTests: XCTestCase {
    func testExplore() throws {
        let counties = try CountyFixture.load()
        let d = try MianyangGenerator(counties: counties, seed: 2024).generate()
        print("districts", d.districts.count, "parks", d.parks.count, "parcels", d.parcels.count, "enterprises", d.enterprises.count)
        for s in d.planted { print(s.rule, s.subjects.prefix(5), s.note) }
    }
}
