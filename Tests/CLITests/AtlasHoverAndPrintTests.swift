import Foundation
import GeoCore
import GeoJSON
import XCTest

/// The atlas in headless Chromium, as a planner uses it (issue 17):
/// - hovering a feature of any map (report.html's four maps, every park map, and the
///   `map --out x.html` page) shows its properties, not only its title: scripts/render_check.sh
///   (CHECK=1 HOVER=selector) dispatches a pointermove on a feature and records the map's info
///   box, whose "key: value" lines must equal the feature's properties in the dataset's GeoJSON;
/// - "print to PDF" of atlas.html gives the city summary, then exactly one page per park in
///   dataset order, each holding the park's heading and its whole map (legend and north arrow
///   inside the page box): `chromium --print-to-pdf`, pages counted with pdfinfo and read with
///   pdftotext (poppler-utils; scripts/test.sh installs it with chromium).
final class AtlasHoverAndPrintTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func features(_ layer: String) throws -> [String: [String: JSONValue]] {
        let url = CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang/\(layer).geojson")
        let doc = try JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        var out: [String: [String: JSONValue]] = [:]
        for f in doc.objectValue?["features"]?.arrayValue ?? [] {
            guard let p = f.objectValue?["properties"]?.objectValue, let id = (p["id"] ?? p["code"])?.stringValue else { continue }
            out[id] = Dictionary(p.members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        return out
    }

    @discardableResult
    private func tool(_ path: String, _ args: [String], environment: [String: String] = [:]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "\(path) \(args): \(text)")
        return text
    }

    /// What each map's info box showed after a pointermove on its first `selector` element.
    private func hovered(_ page: URL, selector: String) throws -> [String] {
        let dom = dir.appendingPathComponent(UUID().uuidString + ".dom.html")
        let text = try tool(CLIRunner.packageRoot.appendingPathComponent("scripts/render_check.sh").path, [page.path],
                            environment: ["CHECK": "1", "HOVER": selector, "DOM_OUT": dom.path])
        XCTAssertTrue(text.contains("console errors: 0"), "\(page.lastPathComponent): \(text)")
        let html = String(decoding: try Data(contentsOf: dom), as: UTF8.self)
        let pre = try NSRegularExpression(pattern: #"<pre class="hover-result" data-map="\d+">(.*?)</pre>"#, options: [.dotMatchesLineSeparators])
        return pre.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            String(html[Range(m.range(at: 1), in: html)!]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The "key: value" lines of an info box.
    private func properties(_ info: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in info.split(separator: "\n") {
            guard let r = line.range(of: ": ") else { continue }
            out[String(line[..<r.lowerBound])] = String(line[r.upperBound...])
        }
        return out
    }

    /// Every GeoJSON property (not null) appears with its value: text as is, numbers equal.
    private func assertShows(_ info: String, _ expected: [String: JSONValue], keys: [String], _ context: String) {
        let shown = properties(info)
        for key in keys {
            guard let want = expected[key], !want.isNull else { continue }
            guard let got = shown[key] else { XCTFail("\(context): \(key) not shown in \(info)"); continue }
            if let s = want.stringValue {
                XCTAssertEqual(got, s, "\(context) \(key)")
            } else if let b = want.boolValue {
                XCTAssertEqual(got, b ? "true" : "false", "\(context) \(key)")
            } else if let d = want.doubleValue {
                XCTAssertEqual(Double(got) ?? .nan, d, accuracy: 1e-9 * max(1, abs(d)), "\(context) \(key)")
            }
        }
    }

    func testEveryMapShowsTheHoveredFeaturesProperties() throws {
        let out = dir.appendingPathComponent("atlas")
        let r = try CLIRunner.run(["analyze", "GeoData/mianyang", "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let parks = try features("parks"), parcels = try features("parcels"), enterprises = try features("enterprises")
        // report.html: the four city maps all draw the parks.
        let city = try hovered(out.appendingPathComponent("report.html"), selector: #"[id$="layer-parks"] path"#)
        XCTAssertEqual(city.count, 4, "report.html has four maps")
        for info in city {
            let id = try XCTUnwrap(properties(info)["id"], "no id in \(info)")
            assertShows(info, try XCTUnwrap(parks[id], id), keys: ["id", "name", "level", "district", "featured_status"], "report.html park \(id)")
            XCTAssertTrue(info.contains("main_industries: "), info)
        }
        // Every park page: its map's parcels.
        for id in parks.keys.sorted() {
            let infos = try hovered(out.appendingPathComponent("parks/\(id).html"), selector: #"[id$="layer-parcels"] path"#)
            let info = try XCTUnwrap(infos.first, "\(id): no map")
            let parcel = try XCTUnwrap(properties(info)["id"], "\(id): no parcel id in \(info)")
            assertShows(info, try XCTUnwrap(parcels[parcel], parcel),
                        keys: ["id", "land_use", "status", "floor_area_m2", "footprint_m2", "investment_wan", "tax_wan", "enterprise"], "\(id) parcel \(parcel)")
        }
        // map --out x.html: an enterprise.
        let page = dir.appendingPathComponent("map.html")
        XCTAssertEqual(try CLIRunner.run(["map", "GeoData/mianyang", "--out", page.path, "--quiet"]).status, 0)
        let info = try XCTUnwrap(try hovered(page, selector: #"[id$="layer-enterprises"] circle"#).first)
        let enterprise = try XCTUnwrap(properties(info)["id"], "no enterprise id in \(info)")
        assertShows(info, try XCTUnwrap(enterprises[enterprise], enterprise),
                    keys: ["id", "name", "industry", "output_wan", "tax_wan", "employees", "above_scale"], "map.html \(enterprise)")
    }

    func testPrintAtlasGivesTheCitySummaryThenOneParkPerPage() throws {
        let out = dir.appendingPathComponent("atlas")
        let r = try CLIRunner.run(["analyze", "GeoData/mianyang", "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.html")), as: UTF8.self)
        XCTAssertTrue(report.contains("<a href=\"atlas.html\">"), "report.html links the print atlas")
        // Offline like every page: no console error, no network reference.
        let check = try tool(CLIRunner.packageRoot.appendingPathComponent("scripts/render_check.sh").path,
                             [out.appendingPathComponent("atlas.html").path], environment: ["CHECK": "1"])
        XCTAssertTrue(check.contains("console errors: 0") && check.contains("network references: 0"), check)
        let pdf = dir.appendingPathComponent("atlas.pdf")
        let printed = try tool(CLIRunner.packageRoot.appendingPathComponent("scripts/render_check.sh").path,
                               [out.appendingPathComponent("atlas.html").path], environment: ["PDF": pdf.path])
        // The parks in dataset order, with their names (GeoData/mianyang/parks.geojson).
        let doc = try JSONText.parse(String(decoding: try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang/parks.geojson")), as: UTF8.self))
        let parks = try (doc.objectValue?["features"]?.arrayValue ?? []).map { f -> (id: String, name: String) in
            let p = try XCTUnwrap(f.objectValue?["properties"]?.objectValue)
            return (try XCTUnwrap(p["id"]?.stringValue), try XCTUnwrap(p["name"]?.stringValue))
        }
        XCTAssertEqual(parks.count, 14)
        let pages = try XCTUnwrap(Int(try XCTUnwrap(printed.split(separator: "\n").first { $0.hasPrefix("pages: ") }).dropFirst(7)), printed)
        func text(_ page: Int) throws -> String {
            try tool("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
        }
        // The city part: the pages before the first park's page.
        let cityPages = pages - parks.count
        XCTAssertGreaterThanOrEqual(cityPages, 1, "\(pages) pages for \(parks.count) parks")
        XCTAssertTrue(try text(1).contains("概要"), "page 1 is the city summary")
        let info = try tool("/usr/bin/pdfinfo", ["-f", "1", "-l", "\(pages)", pdf.path])
        XCTAssertTrue(info.contains("(A4)"), "A4 pages: \(info)")
        // One page per park: its heading first, its map (legend, north arrow) on the page.
        let bbox = try tool("/usr/bin/pdftotext", ["-bbox", pdf.path, "-"])
        let pageTag = try NSRegularExpression(pattern: #"<page width="([0-9.]+)" height="([0-9.]+)">(.*?)</page>"#, options: [.dotMatchesLineSeparators])
        let word = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        let pageMatches = pageTag.matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox))
        XCTAssertEqual(pageMatches.count, pages)
        for (k, park) in parks.enumerated() {
            let number = cityPages + k + 1
            let body = try text(number)
            let heading = try XCTUnwrap(body.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "page \(number) empty")
            XCTAssertTrue(heading.contains(park.name) && heading.contains(park.id), "page \(number) should start with \(park.id) \(park.name): \(heading)")
            guard number <= pageMatches.count else { continue }
            let m = pageMatches[number - 1]
            let width = Double(bbox[Range(m.range(at: 1), in: bbox)!])!, height = Double(bbox[Range(m.range(at: 2), in: bbox)!])!
            let words = String(bbox[Range(m.range(at: 3), in: bbox)!])
            var marks: Set<String> = []
            for w in word.matches(in: words, range: NSRange(words.startIndex..., in: words)) {
                let v = (1...4).map { Double(words[Range(w.range(at: $0), in: words)!])! }
                let t = String(words[Range(w.range(at: 5), in: words)!])
                XCTAssertTrue(v[0] >= 0 && v[1] >= 0 && v[2] <= width && v[3] <= height, "page \(number): \(t) outside the page")
                if ["图例", "北"].contains(t) { marks.insert(t) }
            }
            XCTAssertEqual(marks, ["图例", "北"], "page \(number) (\(park.id)): the map's legend and north arrow are on the page")
        }
    }
}
