import Foundation
import GeoCore
import GeoJSON
import TestSupport
import XCTest

/// The seeded generator of the random tests (GeoCore's SplitMix64, with TestSupport's helpers).
typealias SeededRandom = SplitMix64

/// Locations of files the tests read.
enum TestPaths {
    /// The package root, found from this file's path (Tests/GeoJSONTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The raw Mianyang county boundaries kept in the repository (GeoData/reference/README.md).
    static var mianyangCounties: String {
        packageRoot.appendingPathComponent("GeoData/reference/mianyang_counties.raw.geojson").path
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/geojson/\(name)").path
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geojson-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Which `GeoJSONError` case a test expects.
enum ExpectedErrorKind {
    case malformedJSON
    case invalidGeoJSON
}

/// Asserts that `body` throws a `GeoJSONError` of `kind` whose message
/// contains `message`, at `line`:`column` (and `featureIndex`) when given.
func assertGeoJSONError(
    _ kind: ExpectedErrorKind, _ message: String, line: Int? = nil, column: Int? = nil, featureIndex: Int?? = nil,
    file: StaticString = #filePath, testLine: UInt = #line, _ body: () throws -> Void
) {
    do {
        try body()
        XCTFail("expected a GeoJSONError containing \"\(message)\", nothing was thrown", file: file, line: testLine)
    } catch let error as GeoJSONError {
        switch (kind, error) {
        case (.malformedJSON, .malformedJSON), (.invalidGeoJSON, .invalidGeoJSON): break
        default: XCTFail("wrong error kind: \(error)", file: file, line: testLine)
        }
        XCTAssertTrue(error.message.contains(message), "message \"\(error.message)\" lacks \"\(message)\"", file: file, line: testLine)
        if let line { XCTAssertEqual(error.location?.line, line, "line of \(error)", file: file, line: testLine) }
        if let column { XCTAssertEqual(error.location?.column, column, "column of \(error)", file: file, line: testLine) }
        if let featureIndex { XCTAssertEqual(error.location?.featureIndex, featureIndex, "feature of \(error)", file: file, line: testLine) }
    } catch {
        XCTFail("expected a GeoJSONError, got \(error)", file: file, line: testLine)
    }
}

/// Reads a GeoJSON text given as a Swift string.
func readDocument(_ text: String, strictRings: Bool = true) throws -> GeoJSONDocument {
    try GeoJSONReader(options: .init(strictRings: strictRings)).read(Array(text.utf8))
}

/// All doubles of a feature (coordinates, bbox, id, properties, foreign
/// members) in a fixed traversal order, as bit patterns, so that round trips
/// can be checked bit for bit (`==` treats 0.0 and -0.0 as equal).
func doubleBits(of feature: Feature) -> [UInt64] {
    var bits: [UInt64] = []
    func visit(_ value: JSONValue) {
        switch value {
        case .double(let d): bits.append(d.bitPattern)
        case .array(let items): items.forEach(visit)
        case .object(let o): o.members.forEach { visit($0.value) }
        default: break
        }
    }
    func visit(_ geometry: Geometry) {
        switch geometry {
        case .point(let p): bits += [p.x.bitPattern, p.y.bitPattern] + (p.z.map { [$0.bitPattern] } ?? [])
        case .geometryCollection(let gs): gs.forEach(visit)
        default: geometry.forEachSequence { s in bits += s.storage.map(\.bitPattern) }
        }
    }
    if case .double(let d) = feature.id { bits.append(d.bitPattern) }
    bits += (feature.bbox ?? []).map(\.bitPattern)
    if let g = feature.geometry { visit(g) }
    if let p = feature.properties { visit(.object(p)) }
    visit(.object(feature.foreignMembers))
    return bits
}
