import GeoCore
import LayoutIO
import LayoutModel
import XCTest

/// Messages that must not mislead or stop early (issue 20, items 7 and 8): a
/// broken geometry in one feature is that feature's error, and a feature
/// rejected in one file is not reported as missing from it.
final class DatasetReportingTests: CleanDatasetTestCase {
    private func load(keepsFeatures: Bool = true, threads: Int = 2) throws -> DatasetLoadResult {
        try DatasetLoader.load(folder: fixture.folder.path, options: .init(threads: threads, keepsFeatures: keepsFeatures))
    }

    private func listing(_ result: DatasetLoadResult) -> String {
        result.problems.map(\.description).joined(separator: "\n")
    }

    /// Item 7: an unclosed ring in feature 1 (its id after the geometry) is reported on that
    /// feature, with line and column, and the other parks still load and report their problems.
    /// The ring's column is found by searching the text for the ring's opening `[`.
    func testUnclosedRingIsAFeatureErrorAndLoadingGoesOn() throws {
        let openRing = #"{"type":"Polygon","coordinates":[[[104.7,31.5],[104.72,31.5],[104.72,31.52],[104.7,31.52]]]}"#
        let features = [
            DatasetFixture.feature(#"{"id":"P1","name":"园区","level":"provincial","district":"510703","main_industries":["C39"]}"#,
                                   geometry: DatasetFixture.polygon(104.6, 31.4, 0.05)),
            #"{"type":"Feature","geometry":"# + openRing + #","properties":{"id":"P2","name":"坏环","level":"provincial","main_industries":["C39"]}}"#,
            DatasetFixture.feature(#"{"id":"P3","name":"三","level":"galactic","main_industries":["C39"]}"#,
                                   geometry: DatasetFixture.polygon(104.8, 31.4, 0.05)),
        ]
        let text = DatasetFixture.collection(features)
        try fixture.write("parks.geojson", text)
        let ringColumn = text.distance(from: text.startIndex, to: text.range(of: "[[104.7,31.5]")!.lowerBound) + 1
        let result = try load()
        XCTAssertEqual(result.dataset.parks.map(\.id), ["P1"], listing(result))
        let ring = result.problems.filter { $0.file == "parks.geojson" && $0.index == 1 }
        XCTAssertEqual(ring.count, 1, listing(result))
        XCTAssertEqual(ring.first?.id, "P2")
        XCTAssertEqual(ring.first?.property, "geometry")
        XCTAssertEqual(ring.first?.severity, .error)
        XCTAssertEqual(ring.first?.reason, "unclosed polygon ring (first and last positions differ) at line 1, column \(ringColumn)")
        XCTAssertTrue(result.problems.contains { $0.file == "parks.geojson" && $0.index == 2 && $0.property == "level" }, listing(result))
    }

    /// Item 7 on the streamed path (enterprises decoded while parsed): the same problems as the
    /// ordinary read, on one and two threads, for a Point with one number and an id after it.
    func testFeatureErrorsAreTheSameWhenEnterprisesAreStreamed() throws {
        try fixture.write("enterprises.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"E1","name":"甲公司","industry":"C3974"}"#, geometry: DatasetFixture.point(104.611, 31.411)),
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[104.6]},"properties":{"id":"E2","name":"乙","industry":"C2661"}}"#,
            DatasetFixture.feature(#"{"id":"E3","name":"丙","industry":"C1310"}"#, geometry: DatasetFixture.point(104.62, 31.42)),
        ]))
        let ordinary = try load(keepsFeatures: true)
        XCTAssertEqual(ordinary.dataset.enterprises.map(\.id), ["E1", "E3"], listing(ordinary))
        let bad = ordinary.problems.filter { $0.file == "enterprises.geojson" && $0.index == 1 }
        XCTAssertEqual(bad.map(\.id), ["E2"], listing(ordinary))
        XCTAssertEqual(bad.first?.reason.hasPrefix("position needs 2 or 3 numbers, found 1 at line 1, column "), true, listing(ordinary))
        for threads in [1, 2] {
            XCTAssertEqual(try load(keepsFeatures: false, threads: threads).problems, ordinary.problems)
        }
    }

    /// Item 7: malformed JSON still stops the file, with its line and column.
    func testSyntaxErrorStillStopsTheFile() throws {
        try fixture.write("parks.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,]}}]}"#)
        let result = try load()
        XCTAssertTrue(result.problems.contains { $0.file == "parks.geojson" && $0.index == nil && $0.reason.contains("parks.geojson:1:") }, listing(result))
        XCTAssertEqual(result.dataset.parks, [])
    }

    /// Item 8: a parcel naming an enterprise that is in the file but was rejected is told so,
    /// not that the enterprise is missing.
    func testParcelNamingARejectedEnterprise() throws {
        try fixture.write("enterprises.geojson", DatasetFixture.collection([
            DatasetFixture.feature(#"{"id":"E1","name":"甲公司","industry":"3974"}"#, geometry: DatasetFixture.point(104.611, 31.411)),
        ]))
        let result = try load()
        let reference = result.problems.filter { $0.file == "parcels.geojson" && $0.property == "enterprise" }
        XCTAssertEqual(reference.map(\.id), ["L1"], listing(result))
        XCTAssertEqual(reference.first?.reason, "names enterprise \"E1\", which was rejected (see its errors in enterprises.geojson)")
    }

    /// Item 8: an enterprises file without features is treated like a missing one: parcels'
    /// references are not checked (before, one error per referencing parcel).
    func testEmptyEnterprisesFileIsTreatedLikeAMissingOne() throws {
        try fixture.write("enterprises.geojson", DatasetFixture.collection([]))
        let empty = try load()
        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("enterprises.geojson"))
        let missing = try load()
        XCTAssertEqual(missing.problems, [])
        XCTAssertEqual(empty.problems, missing.problems)
    }
}
