import XCTest

final class GEOSTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
