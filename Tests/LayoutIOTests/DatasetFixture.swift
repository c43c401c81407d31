import Foundation
import GEOS
import PROJ
import TestSupport
import XCTest

/// Builds small dataset folders from GeoJSON text for loader tests.
struct DatasetFixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkatlas-ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(file))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A square ring around (lon, lat), `d` degrees a side, as GeoJSON coordinates.
    static func square(_ lon: Double, _ lat: Double, _ d: Double) -> String {
        "[[[\(lon),\(lat)],[\(lon + d),\(lat)],[\(lon + d),\(lat + d)],[\(lon),\(lat + d)],[\(lon),\(lat)]]]"
    }

    static func collection(_ features: [String]) -> String {
        #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }

    static func feature(_ properties: String, geometry: String) -> String {
        #"{"type":"Feature","properties":"# + properties + #","geometry":"# + geometry + "}"
    }

    static func polygon(_ lon: Double, _ lat: Double, _ d: Double) -> String {
        #"{"type":"Polygon","coordinates":"# + square(lon, lat, d) + "}"
    }

    static func point(_ lon: Double, _ lat: Double) -> String {
        #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#
    }

    /// A clean minimal dataset: one district, one park, two parcels, two enterprises.
    func writeClean() throws {
        try write("districts.geojson", Self.collection([
            Self.feature(#"{"code":"510703","name":"涪城区"}"#, geometry: Self.polygon(104.5, 31.3, 0.4)),
        ]))
        try write("parks.geojson", Self.collection([
            Self.feature(#"{"id":"P1","name":"园区","level":"provincial","district":"510703","main_industries":["C39"]}"#,
                         geometry: Self.polygon(104.6, 31.4, 0.05)),
        ]))
        try write("parcels.geojson", Self.collection([
            Self.feature(#"{"id":"L1","land_use":"1001","status":"built","floor_area_m2":1000,"footprint_m2":400,"enterprise":"E1"}"#,
                         geometry: Self.polygon(104.61, 31.41, 0.002)),
            Self.feature(#"{"id":"L2","land_use":"1101","status":"ready"}"#, geometry: Self.polygon(104.62, 31.41, 0.002)),
        ]))
        try write("enterprises.geojson", Self.collection([
            Self.feature(#"{"id":"E1","name":"甲公司","industry":"C3974","output_wan":1200,"employees":50}"#, geometry: Self.point(104.611, 31.411)),
            Self.feature(#"{"id":"E2","name":"乙公司","industry":"C2661"}"#, geometry: Self.point(104.7, 31.5)),
        ]))
    }
}

/// Every test of this target leaves no GEOS geometry or PROJ object alive.
typealias LeakCheckedTestCase = TestSupport.LeakCheckedTestCase

/// Base of the tests that start from `DatasetFixture.writeClean()` in a fresh folder, removed afterwards.
class CleanDatasetTestCase: LeakCheckedTestCase {
    var fixture: DatasetFixture!

    override func setUpWithError() throws {
        fixture = try DatasetFixture()
        try fixture.writeClean()
    }

    override func tearDown() {
        fixture.remove()
        super.tearDown()
    }
}
