import Foundation
import GeoCore
import GeoJSON
import XCTest

/// What GeoData/README.md and GeoData/reference/README.md promise about the
/// reference data is what the tool reports, so the documents cannot drift from
/// the data again (issue 20 item 19: the README promised a C38 scattered-industry
/// warning where the tool gives C13, C27 and C39, and five invalid counties where
/// `info` reports six).
final class GeoDataReadmeTests: XCTestCase {
    private func document(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(path)), as: UTF8.self)
    }

    /// One row of the table "Every error and warning `check` reports".
    private struct PromisedRow: Equatable {
        var findings: Int
        /// Subject ids (a pair as `A/B`), each distinct subject once.
        var subjects: Set<String>
        /// Kinds given as a count ("54 parcels"): kind → number of distinct subjects.
        var counted: [String: Int]
    }

    /// The rows of the table under `heading`, keyed "rule severity".
    private func promisedRows(in text: String, under heading: String) throws -> [String: PromisedRow] {
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: heading), "no section \(heading)")
        var rows: [String: PromisedRow] = [:]
        for line in lines[(start + 1)...] {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            // "", rule, severity, findings, subjects, why, ""
            XCTAssertEqual(cells.count, 7, line)
            guard cells.count == 7 else { continue }
            let rule = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var row = PromisedRow(findings: try XCTUnwrap(Int(cells[3]), line), subjects: [], counted: [:])
            for entry in cells[4].components(separatedBy: ", ") {
                let words = entry.split(separator: " ")
                if words.count == 2, let n = Int(words[0]), words[1].hasSuffix("s") {
                    row.counted[String(words[1].dropLast())] = n
                } else {
                    row.subjects.insert(entry)
                }
            }
            rows["\(rule) \(cells[2])"] = row
        }
        return rows
    }

    func testEveryErrorAndWarningGeoDataReadmeListsIsWhatCheckReports() throws {
        let promised = try promisedRows(in: try document("GeoData/README.md"),
                                        under: "### Every error and warning `check` reports")
        XCTAssertFalse(promised.isEmpty, "GeoData/README.md lists no findings")

        let result = try CLIRunner.run(["check", "GeoData/mianyang", "--format", "json", "--fail-on", "never"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try XCTUnwrap(JSONText.parse(result.stdout).objectValue)
        var reported: [String: PromisedRow] = [:]
        var countedIds: [String: [String: Set<String>]] = [:]
        for finding in (root["findings"]?.arrayValue ?? []).compactMap({ $0.objectValue }) {
            let severity = try XCTUnwrap(finding["severity"]?.stringValue)
            guard severity != "info" else { continue }
            let key = "\(try XCTUnwrap(finding["rule"]?.stringValue)) \(severity)"
            let subject = try XCTUnwrap(finding["subject"]?.objectValue)
            let kind = try XCTUnwrap(subject["kind"]?.stringValue)
            let id = subject["id"]?.stringValue
                ?? (subject["ids"]?.arrayValue ?? []).compactMap { $0.stringValue }.joined(separator: "/")
            var row = reported[key] ?? PromisedRow(findings: 0, subjects: [], counted: [:])
            row.findings += 1
            // Kinds the README counts instead of listing are compared as counts.
            if promised[key]?.counted[kind] != nil {
                countedIds[key, default: [:]][kind, default: []].insert(id)
                row.counted[kind] = countedIds[key]?[kind]?.count
            } else {
                row.subjects.insert(id)
            }
            reported[key] = row
        }
        XCTAssertEqual(Set(promised.keys), Set(reported.keys), "rules and severities of GeoData/README.md vs check")
        for (key, row) in promised.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(reported[key], row, key)
        }
    }

    /// Expected: 6, from shapely 2.2.0 (GEOS 3.14.1), independent of the tool:
    ///
    ///     python3 -c "import json,shapely; from shapely.geometry import shape; \
    ///       print(sum(not shapely.is_valid(shape(f['geometry'])) for f in \
    ///       json.load(open('GeoData/reference/mianyang_counties.raw.geojson'))['features']))"
    ///
    /// prints 6. Both READMEs must state that number, and `info` must report it.
    func testInvalidCountyCountTheReadmesStateIsWhatInfoReports() throws {
        let shapelyInvalid = 6
        let result = try CLIRunner.run(["info", "--format", "json", CLIRunner.countiesFile])
        XCTAssertEqual(result.status, 0, result.stderr)
        let file = try XCTUnwrap(JSONText.parse(result.stdout).objectValue?["files"]?.arrayValue?.first?.objectValue)
        let invalid = (file["geometry_problems"]?.arrayValue ?? [])
            .filter { $0.objectValue?["kind"]?.stringValue == "invalid" }.count
        XCTAssertEqual(invalid, shapelyInvalid)
        let statement = try NSRegularExpression(pattern: #"(\d+) of the 9 polygons are invalid"#)
        for path in ["GeoData/README.md", "GeoData/reference/README.md"] {
            let text = try document(path).replacingOccurrences(of: "\n  ", with: " ")
            let matches = statement.matches(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertFalse(matches.isEmpty, "\(path) does not say how many county polygons are invalid")
            for match in matches {
                let number = Int((text as NSString).substring(with: match.range(at: 1)))
                XCTAssertEqual(number, invalid, "\(path) states \(number ?? -1) invalid counties; info reports \(invalid)")
            }
        }
    }
}
