import GeoCore
import Synthesis
import XCTest

/// Small readers over generated features, for assertions.
extension Feature {
    func string(_ key: String) -> String? { properties?[key]?.stringValue }
    func number(_ key: String) -> Double? { properties?[key]?.doubleValue }
    func strings(_ key: String) -> [String] { properties?[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Open rings (closing vertex dropped) of every polygon.
    var openPolygons: [[[PlanarPoint]]] {
        geometry?.polygons.map { PlanarRing.openRings(of: $0) } ?? []
    }

    var point: PlanarPoint? {
        if case .point(let p) = geometry { return PlanarPoint(p.x, p.y) }
        return nil
    }
}

/// Ring-level validity: closed, counter-clockwise exterior, ≥ 3 distinct
/// vertices, no repeated consecutive vertices, no self-intersection.
func assertValidPolygonal(_ feature: Feature, file: StaticString = #filePath, line: UInt = #line) {
    guard let geometry = feature.geometry, geometry.isPolygonal else {
        return XCTFail("\(feature.id?.description ?? "?") is not polygonal", file: file, line: line)
    }
    for polygon in geometry.polygons {
        for (k, ring) in polygon.rings.enumerated() {
            XCTAssertTrue(ring.isClosed, "ring not closed", file: file, line: line)
            if k == 0 { XCTAssertGreaterThan(ring.signedDoubleArea, 0, "exterior not CCW in \(feature.id!)", file: file, line: line) }
            let open = PlanarRing.openRings(of: Polygon(rings: [ring]))[0]
            XCTAssertGreaterThanOrEqual(open.count, 3, file: file, line: line)
            for i in 0..<open.count {
                XCTAssertNotEqual(open[i], open[(i + 1) % open.count], "repeated vertex", file: file, line: line)
            }
            // Non-adjacent edges must not touch.
            let n = open.count
            for i in 0..<n {
                for j in (i + 2)..<(i + n - 1) where j < n || (j % n) != i {
                    let jj = j % n
                    if (jj + 1) % n == i { continue }
                    XCTAssertFalse(
                        PlanarRing.segmentsIntersect(open[i], open[(i + 1) % n], open[jj], open[(jj + 1) % n]),
                        "self-intersection in \(feature.id!)", file: file, line: line)
                }
            }
        }
    }
}

/// All numeric property values finite and ≥ 0.
func assertNumbersNonNegative(_ feature: Feature, file: StaticString = #filePath, line: UInt = #line) {
    for member in feature.properties ?? JSONObject() {
        if let d = member.value.doubleValue {
            XCTAssertTrue(d.isFinite && d >= 0, "\(member.key) = \(d) in \(feature.id!)", file: file, line: line)
        }
    }
}

/// Whether polygon `inner` (open rings) lies in polygon `outer`: exact ring
/// containment of the exterior.
func polygon(_ outer: [[PlanarPoint]], contains inner: [[PlanarPoint]]) -> Bool {
    PlanarRing.polygonContainsRing(outer, inner[0])
}
