import GeoCore
import XCTest
@testable import LayoutModel

final class GeometryCheckTests: XCTestCase {
    private func parcelProblems(_ geometry: Geometry?) -> (Parcel?, [DatasetProblem]) {
        var problems: [DatasetProblem] = []
        let parcel = Parcel.decode(Fixtures.feature(Fixtures.parcel, geometry: geometry), index: 5, problems: &problems)
        return (parcel, problems)
    }

    private func square(_ pairs: [(Double, Double)]) -> Geometry {
        .polygon(Polygon(exterior: CoordinateSequence(xy: pairs)))
    }

    func testNullGeometry() {
        let (parcel, problems) = parcelProblems(nil)
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.property, "geometry")
        XCTAssertEqual(problems.first?.id, "L1")
        XCTAssertEqual(problems.first?.index, 5)
        XCTAssertEqual(problems.first?.reason, "geometry is null; a Polygon or MultiPolygon is required")
    }

    func testWrongGeometryType() {
        let line = Geometry.lineString(CoordinateSequence(xy: [(104.7, 31.5), (104.8, 31.6)]))
        let (parcel, problems) = parcelProblems(line)
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.first?.reason, "expected Polygon or MultiPolygon, found LineString")
    }

    func testSwappedCoordinatesInChina() {
        // Mianyang written (lat, lon): first ordinate 31.5 within ±90, second 104.7 beyond.
        let swapped = square([(31.50, 104.70), (31.50, 104.71), (31.51, 104.71), (31.50, 104.70)])
        let (parcel, problems) = parcelProblems(swapped)
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.first?.severity, .error)
        XCTAssertTrue(problems.first?.reason.hasPrefix("latitude and longitude look swapped (latitude 3–54 first") ?? false,
                      problems.first?.reason ?? "")
    }

    func testSwappedCoordinatesElsewhere() {
        // (lat 40, lon -120) swapped: second ordinate beyond ±90, outside the China box.
        let swapped = square([(40, -120), (40, -119), (41, -119), (40, -120)])
        let reason = parcelProblems(swapped).1.first?.reason ?? ""
        XCTAssertTrue(reason.hasPrefix("latitude and longitude look swapped, e.g. (40.0, -120.0)"), reason)
    }

    func testProjectedCoordinates() {
        // Gauss-Krüger metres (EPSG:4544 around Mianyang) without a crs member.
        let projected = square([(35_500_000, 3_485_000), (35_500_100, 3_485_000), (35_500_100, 3_485_100), (35_500_000, 3_485_000)])
        let reason = parcelProblems(projected).1.first?.reason ?? ""
        XCTAssertTrue(reason.contains("look projected"), reason)
    }

    func testPlainlyOutOfRange() {
        let outside = square([(181, 10), (182, 10), (182, 11), (181, 10)])
        let reason = parcelProblems(outside).1.first?.reason ?? ""
        XCTAssertTrue(reason.hasPrefix("coordinate (181.0, 10.0) is out of range"), reason)
    }

    func testNonFiniteCoordinate() {
        let broken = square([(104.7, 31.5), (.nan, 31.5), (104.71, 31.51), (104.7, 31.5)])
        let (parcel, problems) = parcelProblems(broken)
        XCTAssertNil(parcel)
        XCTAssertTrue(problems.first?.reason.contains("is not finite") ?? false)
    }

    func testMultiPolygonIsAccepted() throws {
        guard case .polygon(let p) = Fixtures.square else { return XCTFail() }
        let (parcel, problems) = parcelProblems(.multiPolygon([p, p]))
        XCTAssertEqual(problems, [])
        XCTAssertNotNil(parcel)
    }

    func testEmptyPolygon() {
        let (parcel, problems) = parcelProblems(.polygon(Polygon(rings: [])))
        XCTAssertNil(parcel)
        XCTAssertEqual(problems.first?.reason, "Polygon has no coordinates")
    }
}
