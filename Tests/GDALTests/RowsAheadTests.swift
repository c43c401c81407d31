@testable import GDAL
import Foundation
import GeoCore
import LayoutIO
import XCTest

/// Rows made ahead on a second thread reach the writer in order, every one once; a failure on
/// either side stops both threads and is reported. Expected values are the row numbers themselves
/// (row i has id i and the point (100 + i/10⁴, 30)), written by hand below.
final class RowsAheadTests: GDALTestCase {
    /// Three batches and a part (`RowsAhead.batch` is 4096).
    let count = 3 * RowsAhead.batch + 123

    func layer(failingAt bad: Int? = nil) -> VectorWriter.RowLayer {
        VectorWriter.RowLayer(name: "points", count: count) { i in
            if i == bad { throw Failure.row(i) }
            return Feature(geometry: .point(Position(x: 100 + Double(i) / 10_000, y: 30)),
                           properties: ["id": .integer(Int64(i)), "name": .string("第\(i)行")])
        }
    }

    enum Failure: Error, Equatable { case row(Int), writer(Int) }

    func testEveryRowInOrderWithAndWithoutASecondThread() throws {
        for ahead in [false, true] {
            var seen: [Int] = []
            try RowsAhead.forEach(layer(), ahead: ahead, prepare: { f in f.geometry.map(WKB.encode) }) { index, feature, wkb in
                XCTAssertEqual(feature.properties?["id"], .integer(Int64(index)))
                XCTAssertEqual(wkb, WKB.encode(.point(Position(x: 100 + Double(index) / 10_000, y: 30))))
                seen.append(index)
            }
            XCTAssertEqual(seen, Array(0..<count), "ahead \(ahead)")
        }
    }

    func testAFailingRowStopsAtThatRow() {
        var seen = 0
        XCTAssertThrowsError(try RowsAhead.forEach(layer(failingAt: 9000), ahead: true, prepare: { _ in nil }) { index, _, _ in
            XCTAssertEqual(index, seen)
            seen += 1
        }) { XCTAssertEqual($0 as? Failure, .row(9000)) }
        XCTAssertEqual(seen, 9000, "every row before the failing one, none after")
    }

    func testAFailingWriterStopsTheMaker() {
        var seen = 0
        // Returns (the maker thread has ended) rather than hanging with the maker waiting for a free slot.
        XCTAssertThrowsError(try RowsAhead.forEach(layer(), ahead: true, prepare: { _ in nil }) { index, _, _ in
            seen += 1
            if index == 5000 { throw Failure.writer(index) }
        }) { XCTAssertEqual($0 as? Failure, .writer(5000)) }
        XCTAssertEqual(seen, 5001)
    }

    /// The GeoPackage written with the rows made ahead holds every row, in order, with its values.
    func testGeoPackageWithTwoThreadsHoldsEveryRowInOrder() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("points.gpkg").path
        try VectorWriter.write(rows: [layer()], to: path, threads: 2)
        let read = try VectorInput.read(path: path, options: VectorInputOptions(layer: "points"))
        XCTAssertEqual(read.collection.features.count, count)
        for (i, f) in read.collection.features.enumerated() {
            guard f.properties?["id"] == .integer(Int64(i)), f.properties?["name"] == .string("第\(i)行"),
                  f.geometry == .point(Position(x: 100 + Double(i) / 10_000, y: 30)) else {
                XCTFail("row \(i): \(f)")
                return
            }
        }
    }
}
