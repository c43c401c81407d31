import Reporting
import XCTest

/// The progress line of `analyze` on a terminal (`ProgressBar`): expected strings written by
/// hand — 20 cells, filled and percentage rounded down, counts grouped by thousands, bytes as
/// megabytes (10⁶ bytes, one decimal), seconds with one decimal.
final class ProgressBarTests: XCTestCase {
    func testBarWithCounts() {
        // 450,000 / 1,000,000 = 45 %: 9 of 20 cells.
        XCTAssertEqual(
            ProgressBar.line(label: "analyze: write tables", done: 450_000, total: 1_000_000, unit: .rows, elapsed: 12.34),
            "analyze: write tables [#########...........]  45% 450,000/1,000,000 rows 12.3 s")
        XCTAssertEqual(
            ProgressBar.line(label: "analyze: stats", done: 0, total: 3, unit: .phases, elapsed: 0),
            "analyze: stats [....................]   0% 0/3 phases 0.0 s")
        XCTAssertEqual(
            ProgressBar.line(label: "analyze: cluster", done: 7, total: 7, unit: .groups, elapsed: 15.46),
            "analyze: cluster [####################] 100% 7/7 groups 15.5 s")
        XCTAssertEqual(
            ProgressBar.line(label: "analyze: park pages", done: 1, total: 3, unit: .pages, elapsed: 2),
            "analyze: park pages [######..............]  33% 1/3 pages 2.0 s")
    }

    func testBytesAsMegabytes() {
        // Half of 273 MB: 10 cells.
        XCTAssertEqual(
            ProgressBar.line(label: "analyze: validate", done: 136_500_000, total: 273_000_000, unit: .bytes, elapsed: 1.04),
            "analyze: validate [##########..........]  50% 136.5/273.0 MB 1.0 s")
    }

    func testRoundsDownAndClamps() {
        // 999/1000: 99 % and 19 cells, never 100 % before the end.
        XCTAssertEqual(
            ProgressBar.line(label: "x", done: 999, total: 1000, unit: .rows, elapsed: 0.06),
            "x [###################.]  99% 999/1,000 rows 0.1 s")
        XCTAssertEqual(
            ProgressBar.line(label: "x", done: 12, total: 10, unit: .files, elapsed: 1),
            "x [####################] 100% 10/10 files 1.0 s")
        XCTAssertEqual(
            ProgressBar.line(label: "x", done: -5, total: 10, unit: .files, elapsed: 1),
            "x [....................]   0% 0/10 files 1.0 s")
        // Nothing to do is done.
        XCTAssertEqual(
            ProgressBar.line(label: "x", done: 0, total: 0, unit: .rows, elapsed: 0),
            "x [####################] 100% 0/0 rows 0.0 s")
    }

    func testStepWithoutCountsShowsItsTime() {
        XCTAssertEqual(ProgressBar.line(label: "analyze: maps", elapsed: 3.44), "analyze: maps … 3.4 s")
    }
}
