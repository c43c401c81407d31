import XCTest
@testable import LayoutModel

/// `DatasetProblem.grouped`: the key is file, severity, property and the reason without the
/// feature's own id; groups keep first-appearance order, the count and the first ids.
final class DatasetProblemGroupingTests: XCTestCase {
    private func problem(_ index: Int, _ id: String?, _ property: String?, _ reason: String, file: String = "parcels.geojson") -> DatasetProblem {
        DatasetProblem(file: file, index: index, id: id, property: property, severity: .error, reason: reason)
    }

    func testSameReasonOnManyFeaturesIsOneGroup() {
        let status = #"unknown status "已建成"; write "built""#
        let problems = [
            problem(0, "P1", "status", status), problem(1, "P2", "status", status),
            problem(2, "P3", "floor_area_m2", #""floor_area_m2" must be ≥ 0, found -1.0"#),
            problem(3, "P4", "status", status), problem(4, nil, "status", status),
            problem(5, "P6", "status", status, file: "other.geojson"),
        ]
        let groups = DatasetProblem.grouped(problems)
        XCTAssertEqual(groups.map(\.count), [4, 1, 1])
        XCTAssertEqual(groups[0].sample, ["P1", "P2", "P4"])
        XCTAssertEqual(groups[0].sampleText, "P1, P2, P4, …")
        XCTAssertEqual(groups[0].reason, status)
        XCTAssertEqual(groups[1].sampleText, "P3")
        XCTAssertEqual(groups[2].first.file, "other.geojson")
        XCTAssertEqual(DatasetProblem.grouped([problem(4, nil, "status", status)]).first?.sample, ["[4]"])
    }

    /// A reason quoting the feature's own id groups with the others; the shown reason then has `‹id›`.
    func testTheFeaturesOwnIdIsTakenOutOfTheKey() {
        let a = problem(0, "7", "id", #"no "id" property; using the feature's top-level id "7""#)
        let b = problem(1, "8", "id", #"no "id" property; using the feature's top-level id "8""#)
        XCTAssertEqual(a.groupKey, b.groupKey)
        let groups = DatasetProblem.grouped([a, b])
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0].reason, #"no "id" property; using the feature's top-level id "‹id›""#)
        // Another feature's index in the reason stays: these are different problems.
        XCTAssertNotEqual(problem(2, "A", "id", #"duplicate park id "A"; first used by feature 0"#).groupKey,
                          problem(3, "A", "id", #"duplicate park id "A"; first used by feature 1"#).groupKey)
    }
}
