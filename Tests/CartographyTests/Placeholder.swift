import XCTest

final class CartographyPlaceholderTests: XCTestCase {
    func testBuilds() {}
}
