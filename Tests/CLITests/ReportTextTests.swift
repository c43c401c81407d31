import Foundation
import XCTest

/// The words of the `analyze` report and the `check` report: the report explains its
/// jargon in a glossary the README also covers (issue 20 item 18), and neither names a
/// file a user does not have (issue 16 defect 7: "docs/analyses.md §2" in the report).
final class ReportTextTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Every `….md` path in `text` exists in the repository (relative to its root).
    private func assertNamesOnlyRepositoryFiles(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try NSRegularExpression(pattern: #"[A-Za-z0-9_./-]+\.md\b"#)
        XCTAssertFalse(text.contains("../shared"), "\(what) points outside the repository", file: file, line: line)
        for match in path.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = (text as NSString).substring(with: match.range)
            XCTAssertTrue(FileManager.default.fileExists(atPath: CLIRunner.packageRoot.appendingPathComponent(name).path),
                          "\(what) names \(name), which the repository does not have", file: file, line: line)
        }
    }

    /// The README's "## Glossary" section, up to the next level-2 heading.
    private func readmeGlossary() throws -> String {
        let readme = String(decoding: try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md")), as: UTF8.self)
        let start = try XCTUnwrap(readme.range(of: "\n## Glossary\n"), "README.md has no Glossary section")
        let rest = readme[start.upperBound...]
        // Markdown escapes (`Gi\*`) read as the character itself.
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]).replacingOccurrences(of: "\\*", with: "*")
    }

    func testReportHasAGlossaryTheReadmeCoversAndNamesOnlyRepositoryFiles() throws {
        let out = dir.appendingPathComponent("report")
        let result = try CLIRunner.run(["analyze", "GeoData/mianyang", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.html")), as: UTF8.self)
        XCTAssertTrue(html.contains("<a href=\"#glossary\">"), "no link to the glossary")
        XCTAssertTrue(html.contains("<details id=\"glossary\">"), "no glossary")
        try assertNamesOnlyRepositoryFiles(html, "report.html")

        // Every term the report explains, the README explains too (as a bold lead-in).
        let terms = try NSRegularExpression(pattern: #"<dt>(.*?) <span"#)
        let found = terms.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            (html as NSString).substring(with: $0.range(at: 1))
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
        }
        // The jargon issue 20 item 18 names, at least.
        for term in ["Gi*", "Clark–Evans NNI", "Ripley", "CSR", "LQ", "HHI", "Ellison–Glaeser", "CLQ", "A2", "B21", "B22", "亩", "万元"] {
            XCTAssertTrue(found.contains { $0.contains(term) }, "the report's glossary lacks \(term): \(found)")
        }
        let glossary = try readmeGlossary()
        for term in found {
            XCTAssertTrue(glossary.contains("**\(term)**"), "README.md#glossary lacks **\(term)**")
        }
    }

    func testCheckReportNamesOnlyRepositoryFiles() throws {
        let result = try CLIRunner.run(["check", "GeoData/mianyang", "--fail-on", "never"])
        XCTAssertEqual(result.status, 0, result.stderr)
        try assertNamesOnlyRepositoryFiles(result.stdout, "check's report")
    }
}
