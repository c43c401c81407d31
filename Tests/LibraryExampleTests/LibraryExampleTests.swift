import Foundation
import XCTest

/// The README's library example runs on GeoData/mianyang and says what the CLI says.
final class LibraryExampleTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// GeoData/README.md plants a positioning-cap error in P04 and leaves P02A compliant
    /// (checked independently by Tests/Reference/check_reference.py); 14 parks in all.
    func testExampleRunsOnMianyang() throws {
        let result = try analyse(folder: Self.root.appendingPathComponent("GeoData/mianyang").path)
        XCTAssertEqual(result.verdicts.count, 14)
        XCTAssertEqual(result.verdicts["P04"], "needs_action")
        XCTAssertEqual(result.verdicts["P02A"], "compliant")
        XCTAssertTrue(result.table.contains("开发率"), result.table)
        XCTAssertTrue(result.html.hasPrefix("<!DOCTYPE html>") && result.html.contains("<svg"))
    }

    /// The README quotes this target's example word for word.
    func testReadmeQuotesTheExample() throws {
        let source = try String(contentsOf: Self.root.appendingPathComponent("Tests/LibraryExampleTests/LibraryExample.swift"), encoding: .utf8)
        let start = try XCTUnwrap(source.range(of: "// BEGIN README EXAMPLE\n"))
        let end = try XCTUnwrap(source.range(of: "// END README EXAMPLE"))
        let example = String(source[start.upperBound..<end.lowerBound])
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```swift\n" + example + "```"), "README.md's Swift example differs from LibraryExample.swift")
    }
}
