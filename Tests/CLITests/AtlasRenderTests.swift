import Foundation
import GeoCore
import GeoJSON
import XCTest

/// The atlas in a real browser: `analyze GeoData/mianyang` writes report.html and 14 park
/// pages; each is loaded in headless Chromium by `CHECK=1 scripts/render_check.sh` (scripts
/// run, console logged, DOM dumped) and must log no console error and reference no network
/// URL. The park map of every page draws at least as many land-use–filled paths as
/// `stats` counts parcels in the park (stats.json of the same run), and every park and
/// district name of the dataset's GeoJSON files appears in the rendered city page.
/// Not skipped: scripts/test.sh installs chromium and fonts-noto-cjk when missing.
final class AtlasRenderTests: XCTestCase {
    func testEveryPageRendersOfflineWithoutErrorsAndShowsItsParcels() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("atlas")
        let r = try CLIRunner.run(["analyze", "GeoData/mianyang", "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let root = CLIRunner.packageRoot
        func names(_ file: String, _ key: String) throws -> [(id: String, name: String)] {
            let doc = try JSONText.parse(String(decoding: try Data(contentsOf: root.appendingPathComponent("GeoData/mianyang/\(file)")), as: UTF8.self))
            return (doc.objectValue?["features"]?.arrayValue ?? []).compactMap { f in
                let p = f.objectValue?["properties"]?.objectValue
                guard let id = p?[key]?.stringValue, let name = p?["name"]?.stringValue else { return nil }
                return (id, name)
            }
        }
        let parks = try names("parks.geojson", "id"), districts = try names("districts.geojson", "code")
        XCTAssertEqual(parks.count, 14)
        XCTAssertEqual(districts.count, 12)
        let stats = try JSONText.parse(String(decoding: try Data(contentsOf: out.appendingPathComponent("stats.json")), as: UTF8.self))
        var parcelCount: [String: Int] = [:]
        for p in stats.objectValue?["parks"]?.arrayValue ?? [] {
            if let id = p.objectValue?["id"]?.stringValue, let n = p.objectValue?["parcel_count"]?.integerValue { parcelCount[id] = Int(n) }
        }
        XCTAssertEqual(parcelCount.count, 14, "stats.json lists every park")
        // Land-use fills: LandUsePalette's colours as the renderer writes them.
        let fill = try NSRegularExpression(pattern: #"<path [^>]*fill="(#[0-9A-Fa-f]{6})""#)
        func render(_ page: URL) throws -> String {
            let dom = dir.appendingPathComponent(page.lastPathComponent + ".dom.html")
            let p = Process()
            p.executableURL = root.appendingPathComponent("scripts/render_check.sh")
            p.arguments = [page.path]
            p.environment = ProcessInfo.processInfo.environment.merging(["CHECK": "1", "DOM_OUT": dom.path]) { $1 }
            let output = Pipe()
            p.standardOutput = output
            p.standardError = Pipe()
            try p.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(page.lastPathComponent): \(text)")
            XCTAssertTrue(text.contains("console errors: 0"), "\(page.lastPathComponent): \(text)")
            XCTAssertTrue(text.contains("network references: 0"), "\(page.lastPathComponent): \(text)")
            return String(decoding: try Data(contentsOf: dom), as: UTF8.self)
        }
        let city = try render(out.appendingPathComponent("report.html"))
        for (id, name) in parks {
            XCTAssertTrue(city.contains(name), "report.html lacks park \(name)")
            XCTAssertTrue(city.contains("href=\"parks/\(id).html\""), "report.html does not link \(id)")
        }
        for (_, name) in districts { XCTAssertTrue(city.contains(name), "report.html lacks district \(name)") }
        // The script ran: it made the layer switches of the maps.
        XCTAssertTrue(city.contains("class=\"map-layers\"><label>"), "no layer switches: the map script did not run")
        for (id, name) in parks {
            let dom = try render(out.appendingPathComponent("parks/\(id).html"))
            XCTAssertTrue(dom.contains(name), "\(id): no park name")
            let start = try XCTUnwrap(dom.range(of: "id=\"m-\(id)-layer-parcels\""), "\(id): no parcel layer")
            let end = try XCTUnwrap(dom.range(of: "</g>", range: start.upperBound..<dom.endIndex))
            let layer = String(dom[start.lowerBound..<end.lowerBound])
            let filled = fill.numberOfMatches(in: layer, range: NSRange(layer.startIndex..., in: layer))
            XCTAssertGreaterThanOrEqual(filled, try XCTUnwrap(parcelCount[id]), "\(id): parcels drawn")
            XCTAssertGreaterThan(filled, 0, id)
            XCTAssertTrue(dom.contains("class=\"map-layers\"><label>"), "\(id): the map script did not run")
        }
    }
}
