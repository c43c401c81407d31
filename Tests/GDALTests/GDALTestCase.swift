import Foundation
import GDAL
import GEOS
import GeoCore
import TestSupport
import XCTest

/// Base class of the GDAL tests: every GDAL, GEOS and PROJ handle created during a test is
/// freed by its end (`LeakCheckedTestCase`).
class GDALTestCase: LeakCheckedTestCase {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/gdal/\(name)").path
    }

    /// Tests/Fixtures/gdal/expected.json, written by `python3 Tests/Reference/gdal_formats.py`.
    nonisolated(unsafe) static let expected: [String: Any] = {
        let data = FileManager.default.contents(atPath: fixture("expected.json"))!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parkatlas-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A property as read, against the value fiona read (numbers compare by value).
    func assertValue(_ actual: JSONValue?, _ expected: Any, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        switch expected {
        case is NSNull:
            XCTAssertTrue(actual == nil || actual == .null, "\(context): expected null, got \(String(describing: actual))", file: file, line: line)
        case let s as String:
            XCTAssertEqual(actual?.stringValue, s, context, file: file, line: line)
        case let n as NSNumber:
            if case .bool(let b)? = actual {
                XCTAssertEqual(b, n.boolValue, context, file: file, line: line)
            } else if case .integer(let i)? = actual, !String(describing: n).contains(".") {
                XCTAssertEqual(i, n.int64Value, context, file: file, line: line)
            } else {
                XCTAssertEqual(actual?.doubleValue ?? .nan, n.doubleValue, accuracy: abs(n.doubleValue) * 1e-12, context, file: file, line: line)
            }
        default:
            XCTFail("\(context): unexpected reference value \(expected)", file: file, line: line)
        }
    }

    /// GeoJSON-style coordinates of the geometry in GEOS normal form (as shapely.normalize gives).
    func normalizedCoordinates(_ g: Geometry) throws -> (String, Any) {
        let normal = try GeometryHandle(g).normalized().geometry()
        func seq(_ s: CoordinateSequence) -> [[Double]] { (0..<s.count).map { [s.x($0), s.y($0)] } }
        switch normal {
        case .point(let p): return ("Point", [p.x, p.y])
        case .lineString(let s): return ("LineString", seq(s))
        case .polygon(let p): return ("Polygon", p.rings.map(seq))
        case .multiPolygon(let ps): return ("MultiPolygon", ps.map { $0.rings.map(seq) })
        case .multiLineString(let ss): return ("MultiLineString", ss.map(seq))
        case .multiPoint(let s): return ("MultiPoint", seq(s))
        case .geometryCollection: return ("GeometryCollection", [])
        }
    }

    /// Nested coordinate arrays equal within `tolerance`.
    func assertCoordinates(_ actual: Any, _ expected: Any, tolerance: Double, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        if let a = actual as? [Double], let e = expected as? [Any] {
            XCTAssertEqual(a.count, e.count, context, file: file, line: line)
            for (x, y) in zip(a, e) { XCTAssertEqual(x, (y as! NSNumber).doubleValue, accuracy: tolerance, context, file: file, line: line) }
            return
        }
        guard let a = actual as? [Any], let e = expected as? [Any] else {
            return XCTFail("\(context): shapes differ: \(actual) vs \(expected)", file: file, line: line)
        }
        XCTAssertEqual(a.count, e.count, "\(context): counts", file: file, line: line)
        for (x, y) in zip(a, e) { assertCoordinates(x, y, tolerance: tolerance, context, file: file, line: line) }
    }
}
