import LayoutModel
import XCTest

@testable import LayoutAnalysis

/// The positioning match of docs/analyses.md §5, by hand from GB/T 4754 ancestors.
final class PositioningMatchTests: XCTestCase {
    func code(_ s: String) -> IndustryCode { IndustryCode(validating: s)! }

    func testAgreementLevels() {
        let p = code("C3974")
        XCTAssertEqual(PositioningMatch.agreementLevel(p, code("C3974")), .class)
        XCTAssertEqual(PositioningMatch.agreementLevel(p, code("C397")), .group)
        XCTAssertEqual(PositioningMatch.agreementLevel(p, code("C3976")), .group)
        XCTAssertEqual(PositioningMatch.agreementLevel(p, code("C39")), .division)
        XCTAssertEqual(PositioningMatch.agreementLevel(p, code("C3981")), .division)
        XCTAssertNil(PositioningMatch.agreementLevel(p, code("C38")))
        XCTAssertNil(PositioningMatch.agreementLevel(p, code("C")))
        // A division-level project agrees with any code of its division at division level only.
        XCTAssertEqual(PositioningMatch.agreementLevel(code("C39"), code("C3974")), .division)
    }

    func testBestOverMainAndFeatured() {
        let p = code("C3974")
        let m = PositioningMatch.best(project: p, main: [code("C38"), code("C39")], featured: [code("C3974")])
        XCTAssertEqual(m.value, 0.75)
        XCTAssertEqual(m.list, .featured)
        XCTAssertEqual(m.code, code("C3974"))
        let g = PositioningMatch.best(project: p, main: [code("C397")], featured: [code("C3974")])
        XCTAssertEqual(g.value, 0.8)
        XCTAssertEqual(g.list, .main)
        // Equal values: main wins over featured, earlier over later.
        let tie = PositioningMatch.best(project: p, main: [code("C3971"), code("C3972")], featured: [])
        XCTAssertEqual(tie.code, code("C3971"))
        XCTAssertEqual(PositioningMatch.best(project: p, main: [code("C13")], featured: []), .none)
    }
}
