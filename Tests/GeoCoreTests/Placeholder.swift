import XCTest

final class GeoCoreTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
