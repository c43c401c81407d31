import GeoCore
import PROJ
import TestSupport
import XCTest

/// Base class: every test must give back every PROJ object it created (`LeakCheckedTestCase`).
class PROJTestCase: LeakCheckedTestCase {
    /// Asserts |actual − expected| ≤ tolerance × |expected|.
    func assertRelative(
        _ actual: Double, _ expected: Double, _ tolerance: Double, _ message: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)
        XCTAssertLessThanOrEqual(error, tolerance, "\(message) actual \(actual) expected \(expected)", file: file, line: line)
    }
}

/// Closed ring from (lon, lat) pairs, repeating the first vertex.
func ring(_ pairs: [(Double, Double)]) -> CoordinateSequence {
    var all = pairs
    if let first = pairs.first, let last = pairs.last, first != last { all.append(first) }
    return CoordinateSequence(xy: all)
}
