import XCTest

final class LayoutModelTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
