import Foundation
import XCTest

/// `parkatlas --help` and every subcommand's `--help` read well and point only at
/// what a user has (issue 20 item 20, issue 16 defect 7).
///
/// swift-argument-parser wraps the overview and discussion to the terminal width
/// (`COLUMNS`, else 80 off a terminal), keeps every line break of the source and
/// breaks a line at the last space that fits in `width` characters (so lines hold
/// at most width − 1), and appends "(default: …)" to every option with a default.
final class HelpTextTests: XCTestCase {
    private static let defaultWidth = 80

    /// The subcommands `parkatlas --help` lists, so a new one is covered without editing this test.
    private func subcommands() throws -> [String] {
        let help = try help([], width: Self.defaultWidth)
        let lines = help.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "SUBCOMMANDS:"))
        let names = lines[(start + 1)...].compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
        XCTAssertGreaterThanOrEqual(names.count, 15, help)
        return names
    }

    private func help(_ command: [String], width: Int) throws -> String {
        let result = try CLIRunner.run(command + ["--help"], environment: ["COLUMNS": String(width)])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// Every help text: the root's and each subcommand's, at `width` columns.
    private func everyHelp(width: Int) throws -> [(name: String, text: String)] {
        try [("parkatlas", try help([], width: width))] + subcommands().map { ("parkatlas \($0)", try help([$0], width: width)) }
    }

    /// The lines between "OVERVIEW:" and "USAGE:": the abstract and the discussion.
    private func overviewLines(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        let end = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.endIndex
        return Array(lines[..<end])
    }

    /// A prose line that ends where the next line's first word would still have fit
    /// is a line break of the source that the parser kept, then re-wrapped around:
    /// "…carries the legacy" / "`crs` member naming it. … The" / "output is".
    func testProseIsWrappedOnceAtTheTerminalWidth() throws {
        for width in [Self.defaultWidth, 120] {
            for (name, text) in try everyHelp(width: width) {
                let lines = overviewLines(text)
                for (a, b) in zip(lines, lines.dropFirst()) {
                    guard !a.isEmpty, !b.isEmpty, !a.hasPrefix(" "), !b.hasPrefix(" ") else { continue }
                    let next = b.split(separator: " ").first.map(String.init) ?? b
                    XCTAssertGreaterThanOrEqual(a.count + 1 + next.count, width,
                                                "\(name) at \(width) columns breaks a sentence: \"\(a)\" / \"\(b)\"")
                }
            }
        }
    }

    /// Preformatted lines (indented: JSON shapes) must fit an 80-column terminal so the
    /// parser leaves them alone: read at a width wider than any line, they are as written.
    func testPreformattedLinesFitEightyColumns() throws {
        for (name, text) in try everyHelp(width: 1000) {
            for line in overviewLines(text) where line.hasPrefix(" ") {
                XCTAssertLessThan(line.count, Self.defaultWidth, "\(name): \(line)")
            }
        }
    }

    /// No backquoted span is cut across lines, at any of these widths (spans hold no
    /// spaces, so wrapping cannot cut one), and "legacy `crs` member" reads whole.
    func testBackquotedSpansStayOnOneLine() throws {
        for width in [60, Self.defaultWidth, 120] {
            for (name, text) in try everyHelp(width: width) {
                for line in text.components(separatedBy: "\n") {
                    XCTAssertEqual(line.filter { $0 == "`" }.count % 2, 0, "\(name) at \(width) columns: \(line)")
                }
            }
        }
        // Every "legacy `crs` member" of `convert --help` lies on one line (the second was cut after "legacy").
        let convert = try help(["convert"], width: Self.defaultWidth)
        let phrase = "legacy `crs` member"
        let inText = convert.replacingOccurrences(of: "\n", with: " ").components(separatedBy: phrase).count - 1
        let onLines = convert.components(separatedBy: "\n").map { $0.components(separatedBy: phrase).count - 1 }.reduce(0, +)
        XCTAssertGreaterThan(inText, 0, convert)
        XCTAssertEqual(onLines, inText, convert)
    }

    /// swift-argument-parser appends "(default: …)" itself; a help string that also says
    /// it printed "Dataset folder (default: GeoData/mianyang). (default: GeoData/mianyang)".
    func testNoOptionStatesItsDefaultTwice() throws {
        for (name, text) in try everyHelp(width: Self.defaultWidth) {
            // One entry per argument or option: its first line starts "  -" or "  <", continuations are indented more.
            var entries: [String] = []
            var inSection = false
            for line in text.components(separatedBy: "\n") {
                if line == "ARGUMENTS:" || line == "OPTIONS:" { inSection = true; continue }
                if line.isEmpty || !line.hasPrefix(" ") { inSection = false; continue }
                guard inSection else { continue }
                if line.hasPrefix("  -") || line.hasPrefix("  <") { entries.append(line) } else if !entries.isEmpty {
                    entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                }
            }
            XCTAssertFalse(entries.isEmpty, name)
            for entry in entries {
                let mentions = entry.lowercased().components(separatedBy: "default").count - 1
                XCTAssertLessThanOrEqual(mentions, 1, "\(name): \(entry)")
            }
        }
    }

    /// Help names only files a clone of the repository has: every `….md` path exists
    /// (relative to the repository root, an anchor `#…` allowed) and nothing points
    /// outside it ("docs/analyses.md §3" named a specification users never see).
    func testHelpNamesOnlyFilesInTheRepository() throws {
        let path = try NSRegularExpression(pattern: #"[A-Za-z0-9_./-]+\.md\b"#)
        var named: Set<String> = []
        for (name, text) in try everyHelp(width: 1000) {
            XCTAssertFalse(text.contains("../shared"), "\(name) points outside the repository")
            for match in path.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let file = (text as NSString).substring(with: match.range)
                named.insert(file)
                XCTAssertTrue(FileManager.default.fileExists(atPath: CLIRunner.packageRoot.appendingPathComponent(file).path),
                              "\(name) names \(file), which the repository does not have")
            }
        }
        // The root help points to the glossary of the README.
        XCTAssertTrue(named.contains("README.md"), "\(named)")
        XCTAssertTrue(try help([], width: 1000).contains("README.md#glossary"))
    }
}
