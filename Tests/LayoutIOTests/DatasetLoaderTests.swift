import GeoCore
import LayoutIO
import LayoutModel
import PROJ
import XCTest

/// The loader reports every problem at once, with file, feature index, id and property.
final class DatasetLoaderTests: CleanDatasetTestCase {
    private func load(datum: Datum? = nil) throws -> DatasetLoadResult {
        try DatasetLoader.load(folder: fixture.folder.path, options: .init(datum: datum, threads: 2))
    }

    private func assertProblem(
        _ result: DatasetLoadResult, file: String, index: Int?, id: String?, property: String?,
        severity: DatasetProblem.Severity, containing text: String, line: UInt = #line
    ) {
        let match = result.problems.first {
            $0.file == file && $0.index == index && $0.id == id && $0.property == property && $0.severity == severity
                && $0.reason.contains(text)
        }
        XCTAssertNotNil(match, "no \(severity) \(file)[\(index.map(String.init) ?? "-")] \(id ?? "-") \(property ?? "-") '\(text)' in:\n"
            + result.problems.map(\.description).joined(separator: "\n"), line: line)
    }

    func testCleanDatasetLoadsWithoutProblems() throws {
        let result = try load()
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.dataset.districts.map(\.code), ["510703"])
        XCTAssertEqual(result.dataset.parks.map(\.id), ["P1"])
        XCTAssertEqual(result.dataset.parcels.map(\.id), ["L1", "L2"])
        XCTAssertEqual(result.dataset.enterprises.map(\.id), ["E1", "E2"])
        XCTAssertTrue(result.dataset.hasParcels && result.dataset.hasEnterprises)
    }

    func testMissingRequiredFileAndMalformedFileAreReportedTogether() throws {
        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("districts.geojson"))
        try fixture.write("parcels.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,]}}]}"#)
        let result = try load()
        assertProblem(result, file: "districts.geojson", index: nil, id: nil, property: nil, severity: .error, containing: "missing")
        // The malformed file's error carries its line and column; loading went on with the others.
        assertProblem(result, file: "parcels.geojson", index: nil, id: nil, property: nil, severity: .error, containing: "parcels.geojson:1:")
        XCTAssertEqual(result.dataset.enterprises.count, 2)
        // The park names a district that could not be read.
        assertProblem(result, file: "parks.geojson", index: 0, id: "P1", property: "district", severity: .error, containing: "510703")
    }

    func testInvalidPolygonIsRepairedWithWarning() throws {
        // A bow-tie: GEOS reports a self-intersection; make-valid gives two triangles.
        let bowTie = #"{"type":"Polygon","coordinates":[[[104.61,31.41],[104.612,31.412],[104.612,31.41],[104.61,31.412],[104.61,31.41]]]}"#
        try fixture.write("parcels.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"L9","land_use":"1001","status":"built"}"#, geometry: bowTie),
        ]))
        let result = try load()
        assertProblem(result, file: "parcels.geojson", index: 0, id: "L9", property: "geometry", severity: .warning, containing: "Self-intersection")
        XCTAssertFalse(result.hasErrors)
        let repaired = try XCTUnwrap(result.dataset.parcels.first?.geometry)
        XCTAssertEqual(repaired.polygons.count, 2)
    }

    func testRepeatedVerticesAndDegenerateRingsAreRemovedWithWarnings() throws {
        let geometry = #"{"type":"MultiPolygon","coordinates":[[[[104.61,31.41],[104.612,31.41],[104.612,31.41],[104.612,31.412],[104.61,31.412],[104.61,31.41]]],[[[104.7,31.5],[104.7,31.5],[104.7,31.5],[104.7,31.5]]]]}"#
        try fixture.write("parcels.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"L7","land_use":"1001","status":"built"}"#, geometry: geometry),
        ]))
        let result = try load()
        assertProblem(result, file: "parcels.geojson", index: 0, id: "L7", property: "geometry", severity: .warning, containing: "repeated consecutive vertices")
        assertProblem(result, file: "parcels.geojson", index: 0, id: "L7", property: "geometry", severity: .warning, containing: "dropped 1 polygons")
        let g = try XCTUnwrap(result.dataset.parcels.first?.geometry)
        XCTAssertEqual(g.polygons.count, 1)
        XCTAssertEqual(g.polygons[0].exterior?.count, 5)
    }

    func testSchemaProblemsCarryFileIndexIdProperty() throws {
        try fixture.write("enterprises.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"E1","name":"甲","industry":"C3974","output_wan":-5}"#, geometry: DatasetFixture.point(104.611, 31.411)),
            DatasetFixture.feature(#"{"id":"E1","name":"乙","industry":"C1310"}"#, geometry: DatasetFixture.point(104.62, 31.42)),
            DatasetFixture.feature(#"{"id":"E3","name":"丙","industry":"C3974"}"#, geometry: DatasetFixture.point(31.42, 104.62)),
            DatasetFixture.feature(#"{"id":"E4","name":"丁","industry":"C3974"}"#, geometry: DatasetFixture.polygon(104.6, 31.4, 0.01)),
        ]))
        try fixture.write("parks.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"P1","name":"园区","level":"provincial","district":"510703","parent":"P9","main_industries":["C39"]}"#,
                                   geometry: DatasetFixture.polygon(104.6, 31.4, 0.05)),
        ]))
        let result = try load()
        XCTAssertTrue(result.hasErrors)
        assertProblem(result, file: "enterprises.geojson", index: 0, id: "E1", property: "output_wan", severity: .error, containing: "≥ 0")
        assertProblem(result, file: "enterprises.geojson", index: 1, id: "E1", property: "industry", severity: .error, containing: "C1311")
        assertProblem(result, file: "enterprises.geojson", index: 1, id: "E1", property: "id", severity: .error, containing: "duplicate")
        assertProblem(result, file: "enterprises.geojson", index: 2, id: "E3", property: "geometry", severity: .error, containing: "swap")
        assertProblem(result, file: "enterprises.geojson", index: 3, id: "E4", property: "geometry", severity: .error, containing: "Point")
        assertProblem(result, file: "parks.geojson", index: 0, id: "P1", property: "parent", severity: .error, containing: "P9")
    }

    func testParcelNamingUnknownEnterprise() throws {
        try fixture.write("parcels.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"L1","land_use":"1001","status":"built","enterprise":"E404"}"#, geometry: DatasetFixture.polygon(104.61, 31.41, 0.002)),
        ]))
        let result = try load()
        assertProblem(result, file: "parcels.geojson", index: 0, id: "L1", property: "enterprise", severity: .error, containing: "E404")
    }

    /// A parcels file in CGCS2000 / 3-degree GK CM 105E (EPSG:4544) is reprojected to lon/lat.
    /// (471484.0875568798, 3480906.278892931) is 104.7°E 31.45°N by pyproj:
    ///   python3 -c "from pyproj import Transformer; print(Transformer.from_crs(4326,4544,always_xy=True).transform(104.7,31.45))"
    func testLegacyCRSMemberIsHonoured() throws {
        let (x, y) = (471_484.0875568798, 3_480_906.278892931)
        try fixture.write("enterprises.geojson", #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}},"features":["#
            + DatasetFixture.feature(#"{"id":"E1","name":"甲","industry":"C3974"}"#, geometry: #"{"type":"Point","coordinates":[\#(x),\#(y)]}"#) + "]}")
        let result = try load()
        XCTAssertEqual(result.problems, [])
        guard case .point(let p)? = result.dataset.enterprises.first?.geometry else { return XCTFail() }
        XCTAssertEqual(p.x, 104.7, accuracy: 1e-9)
        XCTAssertEqual(p.y, 31.45, accuracy: 1e-9)
    }

    /// policy.json's coordinate_system: gcj02 converts to WGS84 on load; --datum overrides it.
    func testDatumFromPolicyAndOverride() throws {
        let (gx, gy) = OffsetCoordinates.wgs84ToGCJ02(lon: 104.611, lat: 31.411)
        try fixture.write("enterprises.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"E1","name":"甲","industry":"C3974"}"#, geometry: DatasetFixture.point(gx, gy)),
        ]))
        try fixture.write("policy.json", #"{"coordinate_system":"gcj02"}"#)
        guard case .point(let p)? = try load().dataset.enterprises.first?.geometry else { return XCTFail() }
        XCTAssertEqual(p.x, 104.611, accuracy: 1e-9)
        XCTAssertEqual(p.y, 31.411, accuracy: 1e-9)
        guard case .point(let raw)? = try load(datum: .wgs84).dataset.enterprises.first?.geometry else { return XCTFail() }
        XCTAssertEqual(raw.x, gx)
    }

    func testPolicyErrorsAreReported() throws {
        try fixture.write("policy.json", #"{"checks":{"leading_share":1.5},"coordinate_sytem":"gcj02"}"#)
        let result = try load()
        XCTAssertTrue(result.problems.contains { $0.file == "policy.json" && $0.reason.contains("coordinate_system") }, "\(result.problems)")
        XCTAssertTrue(result.problems.contains { $0.file == "policy.json" && $0.severity == .error })
    }

    /// A command reads only the layers it uses: an unread file cannot cost memory or time,
    /// and its problems are left to `validate`, which reads everything.
    func testOnlyTheRequestedLayersAreRead() throws {
        try fixture.write("enterprises.geojson", "{ this is not JSON")
        let partial = try DatasetLoader.load(folder: fixture.folder.path, options: .init(layers: [.parcels]))
        XCTAssertEqual(partial.problems, [])
        XCTAssertEqual(partial.dataset.parcels.count, 2)
        XCTAssertTrue(partial.dataset.enterprises.isEmpty)
        XCTAssertFalse(partial.dataset.hasEnterprises)
        let full = try DatasetLoader.load(folder: fixture.folder.path)
        assertProblem(full, file: "enterprises.geojson", index: nil, id: nil, property: nil, severity: .error, containing: "enterprises.geojson:1:")
        let pointsOnly = try DatasetLoader.load(folder: fixture.folder.path, options: .init(layers: []))
        XCTAssertTrue(pointsOnly.dataset.parcels.isEmpty && !pointsOnly.dataset.hasParcels)
    }

    /// Without `keepsFeatures` the enterprises are decoded batch by batch while the file is parsed
    /// (`streamEnterprises`); the dataset and every problem must be exactly those of the ordinary path,
    /// over several batches, with bad features in the first and the last batch.
    func testStreamedEnterprisesEqualTheOrdinaryRead() throws {
        var features: [String] = []
        for i in 0..<40_000 {
            let lon = 104.61 + Double(i % 200) * 0.0002, lat = 31.41 + Double(i / 200) * 0.0002
            switch i {
            case 3: features.append(DatasetFixture.feature(#"{"id":"E3","name":"坏","industry":"C9999"}"#, geometry: DatasetFixture.point(lon, lat)))
            case 20_000: features.append(DatasetFixture.feature(#"{"id":"E1","name":"重复","industry":"C3974"}"#, geometry: DatasetFixture.point(lon, lat)))
            case 39_998: features.append(DatasetFixture.feature(#"{"id":"E39998","name":"无点","industry":"C3974"}"#, geometry: DatasetFixture.polygon(lon, lat, 0.001)))
            default: features.append(DatasetFixture.feature(#"{"id":"E\#(i)","name":"企业\#(i)","industry":"C3974","output_wan":\#(i)}"#, geometry: DatasetFixture.point(lon, lat)))
            }
        }
        try fixture.write("enterprises.geojson", DatasetFixture.collection(features))
        let ordinary = try DatasetLoader.load(folder: fixture.folder.path, options: .init(threads: 2, keepsFeatures: true))
        for threads in [1, 2] {
            let streamed = try DatasetLoader.load(folder: fixture.folder.path, options: .init(threads: threads, keepsFeatures: false))
            XCTAssertEqual(streamed.dataset.enterprises, ordinary.dataset.enterprises)
            XCTAssertEqual(streamed.problems, ordinary.problems)
            XCTAssertTrue(streamed.repairedFiles.isEmpty)
        }
        XCTAssertEqual(ordinary.dataset.enterprises.count, 40_000 - 2)
        XCTAssertEqual(Set(ordinary.problems.compactMap(\.index)), [3, 20_000, 39_998])
        XCTAssertEqual(ordinary.repairedFiles.map(\.file).last, "enterprises.geojson")
    }

    /// A projected CRS declared after the features is only known at the end of the stream: the loader
    /// reads the file again the ordinary way and reprojects (values as in testLegacyCRSMemberIsHonoured).
    func testStreamingFallsBackForACRSDeclaredAfterTheFeatures() throws {
        let (x, y) = (471_484.0875568798, 3_480_906.278892931)
        try fixture.write("enterprises.geojson", #"{"type":"FeatureCollection","features":["#
            + DatasetFixture.feature(#"{"id":"E1","name":"甲","industry":"C3974"}"#, geometry: #"{"type":"Point","coordinates":[\#(x),\#(y)]}"#)
            + #"],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}}}"#)
        let result = try DatasetLoader.load(folder: fixture.folder.path, options: .init(keepsFeatures: false))
        XCTAssertEqual(result.problems, [])
        guard case .point(let p)? = result.dataset.enterprises.first?.geometry else { return XCTFail() }
        XCTAssertEqual(p.x, 104.7, accuracy: 1e-9)
        XCTAssertEqual(p.y, 31.45, accuracy: 1e-9)
    }

    func testNotAFolderThrows() {
        XCTAssertThrowsError(try DatasetLoader.load(folder: "/nonexistent/dataset"))
    }
}
