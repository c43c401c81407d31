import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `analyze --previous`: every park page's indicator table gains a "上年 previous year"
/// column, which must show the previous snapshot's own indicators. Reference: the twelve
/// indicators of GeoData/mianyang-2023 per park, computed from its GeoJSON with shapely and
/// pyproj by the independent stats reference,
///   python3 Tests/Reference/stats_reference.py GeoData/mianyang-2023 --level 2 --out Tests/Fixtures/stats/out/mianyang2023_level2.json
/// (P01: land development rate 0.896, floor-area ratio 1.056, tax per ha 114.3 万元/ha).
/// A shown value must equal the reference to the digits it shows (3 decimals; 1 for 万元/ha).
final class AtlasPreviousYearTests: XCTestCase {
    /// The indicator rows of a park page, in order (docs/cli.md's keys, the order of docs/analyses.md §2).
    static let keys = [
        "land_development_rate", "land_supply_rate", "land_built_rate", "industrial_land_rate", "floor_area_ratio", "building_density",
        "industrial_floor_area_ratio", "industrial_building_coefficient", "investment_intensity", "industrial_tax_per_ha", "tax_per_ha",
        "idle_land_rate",
    ]

    /// The cells of each body row of the table after `heading`, tags stripped.
    static func tableRows(_ html: String, after heading: String) throws -> [[String]] {
        let start = try XCTUnwrap(html.range(of: heading), "no \(heading)")
        let body = try XCTUnwrap(html.range(of: "<tbody>", range: start.upperBound..<html.endIndex))
        let end = try XCTUnwrap(html.range(of: "</tbody>", range: body.upperBound..<html.endIndex))
        let table = String(html[body.upperBound..<end.lowerBound])
        let cell = try NSRegularExpression(pattern: "<td[^>]*>(.*?)</td>"), tag = try NSRegularExpression(pattern: "<[^>]+>")
        return table.components(separatedBy: "</tr>").compactMap { row -> [String]? in
            let cells = cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { m -> String in
                let inner = String(row[Range(m.range(at: 1), in: row)!])
                return tag.stringByReplacingMatches(in: inner, range: NSRange(inner.startIndex..., in: inner), withTemplate: "")
            }
            return cells.isEmpty ? nil : cells
        }
    }

    func testParkPagesShowThePreviousSnapshotsIndicators() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["analyze", "GeoData/mianyang", "--previous", "GeoData/mianyang-2023", "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let fixture = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/stats/out/mianyang2023_level2.json")
        let reference = try JSONText.parse(String(decoding: try Data(contentsOf: fixture), as: UTF8.self))
        let parks = try XCTUnwrap(reference.objectValue?["parks"]?.arrayValue)
        XCTAssertEqual(parks.count, 14)
        var compared = 0, changed = 0
        for park in parks {
            let id = try XCTUnwrap(park.objectValue?["id"]?.stringValue)
            let indicators = try XCTUnwrap(park.objectValue?["indicators"]?.objectValue)
            let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("parks/\(id).html")), as: UTF8.self)
            XCTAssertTrue(html.contains("上年<br><span class=\"en\">previous year</span>"), "\(id): no previous-year column")
            let rows = try Self.tableRows(html, after: "<h3>集约利用指标")
            XCTAssertEqual(rows.count, Self.keys.count, id)
            for (row, key) in zip(rows, Self.keys) {
                let shown = try XCTUnwrap(row.last, "\(id) \(key)")
                guard let want = indicators[key]?.doubleValue else {
                    XCTAssertEqual(shown, "—", "\(id) \(key): the previous snapshot has no value")
                    continue
                }
                let decimals = ["investment_intensity", "industrial_tax_per_ha", "tax_per_ha"].contains(key) ? 1 : 3
                let value = try XCTUnwrap(Double(shown.replacingOccurrences(of: ",", with: "")), "\(id) \(key): \(shown)")
                XCTAssertEqual(value, want, accuracy: 0.5 * pow(10, -Double(decimals)) + 1e-9, "\(id) \(key)")
                compared += 1
                if row[1] != shown { changed += 1 }
            }
        }
        XCTAssertGreaterThan(compared, 120)
        // The years differ, so a column showing this year's values would fail above.
        XCTAssertGreaterThan(changed, 20, "previous and current columns should differ for many rows")
    }
}
