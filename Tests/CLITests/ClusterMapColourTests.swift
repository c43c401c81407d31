import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Cluster maps give each industry shown its own colour, and every cluster of an
/// industry that colour (issue 20). Before the fix the analyze map cycled twelve
/// colours by group number (14 industries with clusters on GeoData/mianyang, so
/// two pairs shared a colour) and the `cluster --out` map coloured by cluster
/// number (cluster 0 of every industry was the same blue).
final class ClusterMapColourTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Asserts one colour per industry and distinct colours for distinct industries.
    private func assertOneDistinctColourPerIndustry(_ colours: [String: Set<String>], file: StaticString = #filePath, line: UInt = #line) {
        for (industry, set) in colours.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(set.count, 1, "\(industry) is drawn in \(set.sorted())", file: file, line: line)
        }
        let distinct = Set(colours.values.flatMap { $0 })
        XCTAssertEqual(distinct.count, colours.count, "\(colours.count) industries, \(distinct.count) colours", file: file, line: line)
    }

    /// The analyze report's cluster map (map_clusters.svg) of GeoData/mianyang: the
    /// hull paths are titled "<industry> cluster <n>"; the industries shown are
    /// those of cluster.json with at least one cluster.
    func testAnalyzeClusterMapOfMianyang() throws {
        let out = dir.appendingPathComponent("report")
        let result = try CLIRunner.run(["analyze", "GeoData/mianyang", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let svg = try String(contentsOf: out.appendingPathComponent("map_clusters.svg"), encoding: .utf8)
        let layerStart = try XCTUnwrap(svg.range(of: "<g id=\"layer-clusters\""))
        let layer = svg[layerStart.lowerBound...]
        let end = try XCTUnwrap(layer.range(of: "\n</g>"))
        let body = String(layer[..<end.lowerBound])
        let hull = try NSRegularExpression(pattern: #"<path [^>]*fill="(#[0-9A-Fa-f]{6})"[^>]*><title>([A-Z0-9]+) cluster \d+</title>"#)
        var colours: [String: Set<String>] = [:]
        for m in hull.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let ns = body as NSString
            colours[ns.substring(with: m.range(at: 2)), default: []].insert(ns.substring(with: m.range(at: 1)).lowercased())
        }
        let cluster = try JSONText.parse(String(decoding: try Data(contentsOf: out.appendingPathComponent("cluster.json")), as: UTF8.self))
        let groups = try XCTUnwrap(cluster.objectValue?["groups"]?.arrayValue)
        let withClusters = groups.compactMap(\.objectValue).filter { ($0["clusters"]?.arrayValue?.count ?? 0) > 0 }
            .compactMap { $0["industry"]?.stringValue }
        XCTAssertGreaterThan(withClusters.count, 12, "more industries than the old 12-colour cycle")
        XCTAssertEqual(Set(colours.keys), Set(withClusters))
        assertOneDistinctColourPerIndustry(colours)
    }

    /// `cluster GeoData/mianyang --out map.geojson`: hulls (fill) and clustered
    /// points (marker-color) share their industry's colour; noise stays grey.
    func testClusterGeoJSONMapOfMianyang() throws {
        let path = dir.appendingPathComponent("clusters.geojson").path
        let result = try CLIRunner.run(["cluster", "GeoData/mianyang", "--simulations", "0", "--out", path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let map = try GeoJSONReader().readFeatureCollection(contentsOfFile: path)
        var colours: [String: Set<String>] = [:]
        var noise: Set<String> = []
        for f in map.features {
            let industry = try XCTUnwrap(f[property: "cluster_group"]?.stringValue)
            if f[property: "kind"] == .string("cluster_hull") {
                colours[industry, default: []].insert(try XCTUnwrap(f[property: "fill"]?.stringValue))
            } else if let label = f[property: "cluster"]?.integerValue {
                let colour = try XCTUnwrap(f[property: "marker-color"]?.stringValue)
                if label >= 0 { colours[industry, default: []].insert(colour) } else { noise.insert(colour) }
            }
        }
        XCTAssertGreaterThan(colours.count, 12)
        XCTAssertEqual(noise, ["#9e9e9e"])
        XCTAssertFalse(colours.values.contains { $0.contains("#9e9e9e") })
        assertOneDistinctColourPerIndustry(colours)
    }
}
