import XCTest

final class GeoJSONTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
