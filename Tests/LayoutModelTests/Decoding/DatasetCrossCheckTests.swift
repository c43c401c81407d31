import GeoCore
import XCTest
@testable import LayoutModel

final class DatasetCrossCheckTests: XCTestCase {
    private func park(_ id: String, index: Int, parent: String? = nil, district: String? = nil) -> Park {
        Park(id: id, name: id, level: .provincial, district: district, parent: parent, mainIndustries: [],
             geometry: Fixtures.square, source: FeatureSource(file: DatasetFile.parks, index: index))
    }

    private let districts = [
        District(code: "510703", name: "涪城区", geometry: Fixtures.square, source: FeatureSource(file: DatasetFile.districts, index: 0)),
        District(code: "510704", name: "游仙区", geometry: Fixtures.square, source: FeatureSource(file: DatasetFile.districts, index: 1)),
    ]

    func testCleanReferencesGiveNoProblems() {
        let parks = [park("A", index: 0, district: "510703"), park("B", index: 1, parent: "A")]
        XCTAssertEqual(DatasetCrossCheck.problems(districts: districts, parks: parks), [])
    }

    func testDuplicateIdsNameTheFirstFeature() {
        let parks = [park("A", index: 0), park("B", index: 1), park("A", index: 2)]
        let problems = DatasetCrossCheck.problems(districts: districts, parks: parks)
        XCTAssertEqual(problems, [DatasetProblem(
            file: "parks.geojson", index: 2, id: "A", property: "id", severity: .error,
            reason: "duplicate park id \"A\"; first used by feature 0")])
    }

    func testUnknownDistrictAndParentAndSelfParent() {
        let parks = [park("A", index: 0, district: "999999"), park("B", index: 1, parent: "Z"), park("C", index: 2, parent: "C")]
        let problems = DatasetCrossCheck.problems(districts: districts, parks: parks)
        XCTAssertEqual(problems.map(\.property), ["district", "parent", "parent"])
        XCTAssertEqual(problems.map(\.id), ["A", "B", "C"])
        XCTAssertEqual(problems[2].reason, "a park cannot be its own parent")
    }

    func testParentCycleIsReportedOnEveryMember() {
        // A → B → C → A, and D → A hangs off the cycle without being on it.
        let parks = [park("A", index: 0, parent: "B"), park("B", index: 1, parent: "C"), park("C", index: 2, parent: "A"),
                     park("D", index: 3, parent: "A")]
        let problems = DatasetCrossCheck.problems(districts: districts, parks: parks)
        XCTAssertEqual(problems.map(\.id), ["A", "B", "C"])
        XCTAssertEqual(problems.first?.reason, "parent links form a cycle: A → B → C → A")
        XCTAssertEqual(problems[1].reason, "parent links form a cycle: B → C → A → B")
    }

    func testParcelNamingAnUnknownEnterprise() {
        let parcel = Parcel(id: "L1", landUse: "1001", status: .built, enterprise: "E9", geometry: Fixtures.square,
                            source: FeatureSource(file: DatasetFile.parcels, index: 4))
        let enterprise = Enterprise(id: "E1", name: "E1", industry: IndustryCode(validating: "C39")!, geometry: Fixtures.point,
                                    source: FeatureSource(file: DatasetFile.enterprises, index: 0))
        let problems = DatasetCrossCheck.problems(districts: districts, parks: [], parcels: [parcel], enterprises: [enterprise])
        XCTAssertEqual(problems.map(\.property), ["enterprise"])
        XCTAssertEqual(problems.first?.index, 4)
        // Without an enterprise file, parcel references are not checked.
        XCTAssertEqual(DatasetCrossCheck.problems(districts: districts, parks: [], parcels: [parcel], enterprises: nil), [])
    }
}
