import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Issue "results get a home", defect 4: every GeoJSON export carries the input
/// properties through one path (`exportProperties`: whole numbers stay `120`, not
/// `120.0`) and adds styling keys only where the input has none (a user's own
/// `marker-color` or `fill` wins). Before: hotspots wrote `120.0` and overwrote
/// `marker-color`; the compare change map repeated keys.
final class ExportStylingTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// GeoData/mianyang with E00001 at output 120 and its own marker-color, P01 and parcel P01-0001 with their own fill.
    func styledCopy() throws -> String {
        let folder = dir.appendingPathComponent("styled")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang"), to: folder)
        func patch(_ file: String, _ id: String, _ apply: (inout JSONObject) -> Void) throws {
            let url = folder.appendingPathComponent(file)
            var collection = try GeoJSONReader().read(Array(try Data(contentsOf: url)), fileName: file).featureCollection
            let k = try XCTUnwrap(collection.features.firstIndex { $0[property: "id"]?.stringValue == id })
            var p = collection.features[k].properties ?? JSONObject()
            apply(&p)
            collection.features[k].properties = p
            try GeoJSONFile.write(collection, to: url.path)
        }
        try patch("enterprises.geojson", "E00001") { $0["output_wan"] = .integer(120); $0["marker-color"] = .string("#123456") }
        try patch("parks.geojson", "P01") { $0["fill"] = .string("#abcdef") }
        try patch("parcels.geojson", "P01-0001") { $0["fill"] = .string("#fedcba") }
        return folder.path
    }

    func features(_ path: String) throws -> [Feature] {
        try GeoJSONReader().read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), fileName: path).featureCollection.features
    }

    func testEveryExportKeepsTheUsersStylingAndWholeNumbers() throws {
        let ds = try styledCopy()
        let runs: [(String, [String])] = [
            ("hotspots", ["hotspots", ds]),
            ("cluster", ["cluster", ds, "--industry", "C39", "--simulations", "0"]),
            ("export", ["export", ds, "--layers", "parks,parcels,enterprises"]),
            ("site", ["site", ds, "--industry", "C3974", "--area-ha", "3"]),
        ]
        for (name, arguments) in runs {
            let path = dir.appendingPathComponent("\(name).geojson").path
            let run = try CLIRunner.run(arguments + ["--out", path, "--quiet"])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            let all = try features(path)
            if let e = all.first(where: { $0[property: "id"]?.stringValue == "E00001" && $0[property: "industry"] != nil }) {
                XCTAssertEqual(e[property: "marker-color"], .string("#123456"), "\(name) overwrote the user's marker-color")
                XCTAssertEqual(e[property: "output_wan"], .integer(120), "\(name) changed 120")
            } else {
                XCTAssertTrue(name == "site", "\(name) has no E00001")
            }
            if let p = all.first(where: { $0[property: "id"]?.stringValue == "P01" && $0[property: "level"] != nil }) {
                XCTAssertEqual(p[property: "fill"], .string("#abcdef"), "\(name) overwrote the park's fill")
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertFalse(text.contains("\"output_wan\":120.0"), name)
        }
        // The change map of compare: the parcel keeps its own fill, and no key appears twice.
        let changes = dir.appendingPathComponent("changes.geojson").path
        XCTAssertEqual(try CLIRunner.run(["compare", "GeoData/mianyang-2023", ds, "--out", changes, "--quiet"]).status, 0)
        let parcel = try XCTUnwrap(try features(changes).first { $0[property: "id"]?.stringValue == "P01-0001" })
        XCTAssertEqual(parcel[property: "fill"], .string("#fedcba"))
        let keys = parcel.properties?.keys ?? []
        XCTAssertEqual(keys.count, Set(keys).count, "repeated keys: \(keys)")
    }
}
