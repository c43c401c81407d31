import Foundation
import GeoCore
import XCTest

/// Reads the Mianyang county file with Foundation's JSONSerialization (tests
/// only; the toolkit's GeoJSON reader is another module). Geometry is taken
/// as published (six counties have tiny self-intersections, harmless for the
/// ray-casting tests here).
enum CountyFixture {
    /// The raw county file kept in the repository (GeoData/reference/README.md).
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GeoData/reference/mianyang_counties.raw.geojson").path

    static func load() throws -> [Feature] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try XCTUnwrap(root["features"] as? [[String: Any]])
        return try features.map { f in
            let props = try XCTUnwrap(f["properties"] as? [String: Any])
            let geometry = try XCTUnwrap(f["geometry"] as? [String: Any])
            let type = try XCTUnwrap(geometry["type"] as? String)
            let coordinates = try XCTUnwrap(geometry["coordinates"] as? [Any])
            func ring(_ any: Any) throws -> CoordinateSequence {
                let pts = try XCTUnwrap(any as? [[Double]])
                return CoordinateSequence(xy: pts.map { ($0[0], $0[1]) })
            }
            func polygon(_ any: Any) throws -> Polygon {
                Polygon(rings: try XCTUnwrap(any as? [Any]).map(ring))
            }
            let g: Geometry = type == "Polygon" ? .polygon(try polygon(coordinates)) : .multiPolygon(try coordinates.map(polygon))
            var p = JSONObject()
            p["adcode"] = .string("\(props["adcode"]!)")
            p["name"] = .string(props["name"] as? String ?? "")
            return Feature(geometry: g, properties: p)
        }
    }
}
