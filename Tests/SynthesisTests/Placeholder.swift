import XCTest

final class SynthesisTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
