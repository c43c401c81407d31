import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `parkatlas map`: SVG and HTML on the reference dataset and on a big synthetic
/// one elsewhere, file sizes, command-line errors, atomic writes.
final class MapCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Collects the text of every <text> element; parsing fails on malformed XML.
    final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        private var inText = false
        func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if e == "text" { inText = true; texts.append("") }
        }
        func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) { if e == "text" { inText = false } }
        func parser(_ p: XMLParser, foundCharacters s: String) { if inText { texts[texts.count - 1] += s } }
    }

    private func parkNames(_ dataset: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(dataset)/parks.geojson"))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let features = root?["features"] as? [[String: Any]] ?? []
        return features.compactMap { ($0["properties"] as? [String: Any])?["name"] as? String }
    }

    private func checkSVG(_ path: String, parks: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let parser = try XCTUnwrap(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let collector = TextCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "well-formed: \(String(describing: parser.parserError))", file: file, line: line)
        for name in parks { XCTAssertTrue(collector.texts.contains(name), "park \(name) labelled", file: file, line: line) }
        XCTAssertTrue(collector.texts.contains("图例 Legend"), file: file, line: line)
    }

    func testMianyangSVGAndHTML() throws {
        let dataset = CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang").path
        let svg = directory.appendingPathComponent("mianyang.svg").path
        let result = try CLIRunner.run(["map", dataset, "--out", svg, "--title", "绵阳市园区布局"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try parkNames(dataset)
        XCTAssertEqual(names.count, 14)
        try checkSVG(svg, parks: names)
        let html = directory.appendingPathComponent("mianyang.html").path
        XCTAssertEqual(try CLIRunner.run(["map", dataset, "--out", html]).status, 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertFalse(page.contains("http://") || page.contains("https://"), "no network resource")
        XCTAssertTrue(page.contains("绵阳高新技术产业开发区"))
        for path in [svg, html] {
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            XCTAssertLessThan(size, 3_000_000, path)
        }
    }

    func testBigSyntheticCityStaysSmall() throws {
        // 4,000 parcels and 3,000 enterprises, away from China (UTM 33N).
        let dataset = directory.appendingPathComponent("big").path
        let synth = try CLIRunner.run(["synth", "--out", dataset, "--parks", "12", "--parcels", "4000", "--enterprises", "3000",
                                       "--seed", "11", "--center=13.4,52.5"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        for name in ["big.svg", "big.html"] {
            let out = directory.appendingPathComponent(name).path
            let result = try CLIRunner.run(["map", dataset, "--out", out])
            XCTAssertEqual(result.status, 0, result.stderr)
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: out)[.size] as? Int)
            XCTAssertLessThan(size, 3_000_000, "\(name): \(size) bytes")
            if name.hasSuffix(".svg") { try checkSVG(out, parks: try parkNames(dataset)) }
        }
    }

    func testMapAndExportLeaveNoLiveHandles() throws {
        for args in [["map", "Tests/Fixtures/maps/in/tiny", "--out", directory.appendingPathComponent("h.svg").path],
                     ["export", "Tests/Fixtures/maps/in/tiny", "--out", directory.appendingPathComponent("h.geojson").path]] {
            let result = try CLIRunner.run(args, environment: ["PARKATLAS_REPORT_HANDLES": "1"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), "\(args): \(result.stderr)")
        }
    }

    func testOutputIsTheSameForAnyThreadCount() throws {
        var outputs: [Data] = []
        for threads in ["1", "2"] {
            for name in ["t\(threads).svg", "t\(threads).geojson"] {
                let out = directory.appendingPathComponent(name).path
                let command = name.hasSuffix(".svg") ? "map" : "export"
                let result = try CLIRunner.run([command, "GeoData/mianyang", "--threads", threads, "--out", out])
                XCTAssertEqual(result.status, 0, result.stderr)
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
        }
        XCTAssertEqual(outputs[0], outputs[2], "SVG")
        XCTAssertEqual(outputs[1], outputs[3], "GeoJSON")
    }

    func testCommandLineErrorsAreExit2() throws {
        let png = try CLIRunner.run(["map", "Tests/Fixtures/maps/in/tiny", "--out", directory.appendingPathComponent("m.png").path])
        XCTAssertEqual(png.status, 2)
        let layer = try CLIRunner.run(["map", "Tests/Fixtures/maps/in/tiny", "--layers", "clusterz",
                                       "--out", directory.appendingPathComponent("m.svg").path])
        XCTAssertEqual(layer.status, 2)
        XCTAssertTrue(layer.stderr.contains("districts, parcels, parks, enterprises"), layer.stderr)
    }

    func testFailedWriteLeavesNoPartialFile() throws {
        let target = directory.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let result = try CLIRunner.run(["map", "Tests/Fixtures/maps/in/tiny", "--out", target.path])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["taken.svg"])
    }
}
