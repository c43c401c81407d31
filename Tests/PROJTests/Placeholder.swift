import XCTest

final class PROJTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
