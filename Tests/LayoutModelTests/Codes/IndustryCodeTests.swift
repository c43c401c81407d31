import XCTest
@testable import LayoutModel

final class IndustryCodeTests: XCTestCase {
    func testLevelsParentsAndAncestors() throws {
        let code = try XCTUnwrap(IndustryCode(validating: "C3974"))
        XCTAssertEqual(code.level, .class)
        XCTAssertEqual(code.section, "C")
        XCTAssertEqual(code.divisionNumber, "39")
        XCTAssertEqual(code.parent?.value, "C397")
        XCTAssertEqual(code.parent?.parent?.value, "C39")
        XCTAssertEqual(code.parent?.parent?.parent?.value, "C")
        XCTAssertNil(code.parent?.parent?.parent?.parent)
        XCTAssertEqual(code.ancestor(at: .section)?.value, "C")
        XCTAssertEqual(code.ancestor(at: .division)?.value, "C39")
        XCTAssertEqual(code.ancestor(at: .group)?.value, "C397")
        XCTAssertEqual(code.ancestor(at: .class)?.value, "C3974")
        XCTAssertNil(IndustryCode(validating: "C39")?.ancestor(at: .group))
    }

    func testBareNumberIsRejectedWithTheLetteredCode() {
        guard case .failure(let error) = IndustryCode.parse("3974") else { return XCTFail() }
        XCTAssertEqual(error, .missingSectionLetter(text: "3974", hint: "write \"C3974\""))
        XCTAssertTrue(error.description.contains("\"C3974\""))
    }

    func testWrongSectionLetterNamesTheRightOne() {
        guard case .failure(let error) = IndustryCode.parse("B3974") else { return XCTFail() }
        XCTAssertEqual(error, .sectionMismatch(text: "B3974", expected: "C3974"))
    }

    func testMalformedCodes() {
        for text in ["", "C", "C3", "C39745", "c3974", "Z39", "C 3974", "C98"] where text != "C" {
            guard case .failure = IndustryCode.parse(text) else { return XCTFail(text) }
        }
        XCTAssertNotNil(IndustryCode(validating: "C"), "a section alone is a code")
        guard case .failure(.malformed(_, let reason)) = IndustryCode.parse("c3974") else { return XCTFail() }
        XCTAssertTrue(reason.contains("\"C3974\""), reason)
    }
}
