import XCTest

@testable import LayoutModel

/// The allocation-free parse of well-formed codes agrees with the table for every shipped code.
final class IndustryCodeFastPathTests: XCTestCase {
    func testEveryShippedCodeParsesToItself() {
        for code in IndustryTable.byCode.keys {
            guard case .success(let parsed) = IndustryCode.parse(code) else { return XCTFail("\(code) rejected") }
            XCTAssertEqual(parsed.value, code)
        }
    }

    func testWellFormedButWrongSectionStillExplains() {
        guard case .failure(let error) = IndustryCode.parse("B3974") else { return XCTFail("B3974 accepted") }
        XCTAssertTrue(error.description.contains("C3974"), error.description)
        guard case .failure = IndustryCode.parse("C98") else { return XCTFail("division 98 accepted") }
        guard case .failure = IndustryCode.parse("C39741") else { return XCTFail("5 digits accepted") }
    }
}
