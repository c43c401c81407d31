import GEOS
import GeoCore
import XCTest

final class OverlayTests: GEOSTestCase {
    // A = [0,2]², B = [1,3]²: they share the unit square [1,2]².
    private func squares() throws -> (GeometryHandle, GeometryHandle) {
        (try GeometryHandle(Shapes.square(0, 0, side: 2)), try GeometryHandle(Shapes.square(1, 1, side: 2)))
    }

    func testOverlayAreas() throws {
        let (a, b) = try squares()
        // Hand: |A ∩ B| = 1; |A ∪ B| = 4 + 4 − 1 = 7; |A − B| = 4 − 1 = 3; |A △ B| = 7 − 1 = 6.
        XCTAssertEqual(try a.intersection(b).planarArea(), 1, accuracy: 1e-12)
        XCTAssertEqual(try a.union(b).planarArea(), 7, accuracy: 1e-12)
        XCTAssertEqual(try a.difference(b).planarArea(), 3, accuracy: 1e-12)
        XCTAssertEqual(try b.difference(a).planarArea(), 3, accuracy: 1e-12)
        XCTAssertEqual(try a.symmetricDifference(b).planarArea(), 6, accuracy: 1e-12)
        XCTAssertEqual(try a.intersection(b).bounds(), BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 2))
    }

    func testUnionOfManyDissolvesSharedEdges() throws {
        // Three unit squares side by side make one 3×1 rectangle: area 3, one polygon.
        let pieces = try (0..<3).map { try GeometryHandle(Shapes.square(Double($0), 0, side: 1)) }
        let merged = try GeometryHandle.union(of: pieces)
        XCTAssertEqual(try merged.planarArea(), 3, accuracy: 1e-12)
        XCTAssertEqual(try merged.typeName(), "Polygon")
        XCTAssertEqual(try merged.planarLength(), 8, accuracy: 1e-12)
        XCTAssertTrue(try merged.isValid())
    }

    func testUnionOfNothingIsEmpty() throws {
        XCTAssertTrue(try GeometryHandle.union(of: []).isEmpty())
    }

    func testUnaryUnionOfOverlappingMultiPolygon() throws {
        // MultiPolygon of the two overlapping squares (invalid as a MultiPolygon) dissolves to area 7.
        let multi = try GeometryHandle(.multiPolygon(Shapes.square(0, 0, side: 2).polygons + Shapes.square(1, 1, side: 2).polygons))
        XCTAssertEqual(try multi.unaryUnion().planarArea(), 7, accuracy: 1e-12)
    }
}
