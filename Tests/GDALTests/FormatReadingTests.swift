import Foundation
import GDAL
import GeoCore
import LayoutIO
import XCTest

/// Reading every format against what fiona (its own bundled GDAL 3.x) reads from the same files.
///
/// Reference: `python3 Tests/Reference/gdal_formats.py` wrote the files in Tests/Fixtures/gdal/
/// with pyogrio and recorded in expected.json every attribute and each geometry
/// (shapely.normalize, GeoJSON coordinates; the EPSG:4544 file's in lon/lat via pyproj).
final class FormatReadingTests: GDALTestCase {
    func check(_ file: String, options: VectorInputOptions = .init(), tolerance: Double = 1e-12, line: UInt = #line) throws -> VectorInputLayer {
        let read = try VectorInput.read(path: Self.fixture(file), options: options)
        let reference = (Self.expected[file] as! [String: Any])["features"] as! [[String: Any]]
        XCTAssertEqual(read.collection.features.count, reference.count, file, line: line)
        for (k, (feature, ref)) in zip(read.collection.features, reference).enumerated() {
            let props = ref["properties"] as! [String: Any]
            XCTAssertEqual(Set(feature.properties?.keys ?? []), Set(props.keys), "\(file) #\(k) fields", line: line)
            for (key, value) in props {
                // GDAL ≥ 3.8 (fiona's) reads FileGDB date-times as UTC and says so; GDAL 3.6 leaves the zone out.
                let reference = file == "sample.gdb" ? ((value as? String)?.replacingOccurrences(of: "+00:00", with: "") ?? value) : value
                assertValue(feature.properties?[key], reference, "\(file) #\(k) \(key)", line: line)
            }
            if let g = ref["geometry"] as? [String: Any], file != "sample.dxf" {
                let (type, coordinates) = try normalizedCoordinates(XCTUnwrap(feature.geometry, "\(file) #\(k) geometry"))
                XCTAssertEqual(type, g["type"] as? String, "\(file) #\(k)", line: line)
                assertCoordinates(coordinates, g["coordinates"]!, tolerance: tolerance, "\(file) #\(k)", line: line)
            }
        }
        return read
    }

    func testShapefileWithUTF8Cpg() throws {
        let read = try check("sample.shp")
        XCTAssertEqual(read.encoding, .cpg("UTF-8"))
        XCTAssertEqual(read.collection.features[0].properties?["QYMC"], .string("绵阳高新区电子信息产业园"))
        XCTAssertEqual(read.collection.features[1].properties?["CYRS"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(read.collection.features[0].properties?["PZRQ"], .string("2023/05/01 00:00:00"))
        XCTAssertFalse(read.wasTransformed)
    }

    /// GBK text and no .cpg: the records are not UTF-8, so they are read as GB18030.
    func testShapefileInGBKWithoutCpgIsDetected() throws {
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.fixture("sample_gbk.cpg")))
        XCTAssertFalse(VectorFile.dbfRecordsAreUTF8(Self.fixture("sample_gbk.dbf")))
        let read = try check("sample_gbk.shp")
        XCTAssertEqual(read.encoding, .detectedGB18030)
        XCTAssertEqual(read.collection.features[1].properties?["QYMC"], .string("四川九洲电器集团有限责任公司"))
    }

    /// CGCS2000 3° Gauss-Krüger (EPSG:4544) reprojected to lon/lat; fiona+pyproj give the reference.
    func testProjectedShapefileIsReprojected() throws {
        let read = try check("sample_4544.shp", tolerance: 1e-8)
        XCTAssertTrue(read.wasTransformed)
        XCTAssertEqual(read.sourceCRS, "EPSG:4544")
    }

    func testGeoPackage() throws {
        let read = try check("sample.gpkg", options: .init(layer: "parcels"))
        XCTAssertEqual(read.fields.first { $0.name == "PZRQ" }?.kind, .dateTime)
    }

    func testFileGDB() throws { _ = try check("sample.gdb", options: .init(layer: "parcels")) }

    func testFlatGeobuf() throws { _ = try check("sample.fgb") }

    func testCSVWithWKTColumn() throws {
        _ = try check("sample_wkt.csv", options: .init(crs: "EPSG:4326", points: .wkt("WKT")))
    }

    func testCSVAndXLSXPointsFromColumns() throws {
        let lonlat = Self.expected["points_lonlat"] as! [[Double]]
        for file in ["points.csv", "points.xlsx"] {
            let read = try check(file, options: .init(crs: "EPSG:4326", points: .columns(x: "经度", y: "纬度")))
            XCTAssertEqual(read.collection.features.map(\.geometry), lonlat.map { .point(Position($0[0], $0[1])) }, file)
            XCTAssertEqual(read.collection.features[0].properties?["企业名称"], .string("四川长虹电器股份有限公司"))
        }
    }

    /// DXF closed polylines become polygons with the same ring; the CAD layer name is a field.
    func testDXFClosedPolylinesArePolygons() throws {
        let read = try check("sample.dxf", options: .init(crs: "EPSG:4326"))
        let reference = (Self.expected["sample.dxf"] as! [String: Any])["features"] as! [[String: Any]]
        for (feature, ref) in zip(read.collection.features, reference) {
            let g = ref["geometry"] as! [String: Any]
            let coords = (g["coordinates"] as! [[Double]])
            let ring = CoordinateSequence(xy: coords.map { ($0[0], $0[1]) })
            if ring.isClosed {
                guard case .polygon(let p)? = feature.geometry else { return XCTFail("closed polyline not a polygon: \(String(describing: feature.geometry))") }
                XCTAssertEqual(abs(p.rings[0].signedDoubleArea), abs(ring.signedDoubleArea), accuracy: 1e-12)
                XCTAssertEqual(Set(p.rings[0].storage), Set(ring.storage))
            } else {
                XCTAssertEqual(feature.geometry, .lineString(ring))
            }
        }
        XCTAssertEqual(read.collection.features.map { $0.properties?["Layer"]?.stringValue }, ["KFQ_BOUNDARY", "KFQ_BOUNDARY", "ROAD"])
    }
}
