import GeoCore
import GeoJSON
import XCTest
@testable import LayoutModel

/// The byte decoder (`EnterpriseBatchBuilder.take`) may only take a feature
/// that `Enterprise.decode` accepts without a problem; every other feature
/// must reach `Enterprise.decode`, so each message is the one it gives.
final class EnterpriseByteDecodingTests: XCTestCase {
    /// Wraps the builder to record which features it took from their bytes.
    struct Recording: FeatureBatchBuilder {
        static var scansPointFeatures: Bool { true }
        var inner = EnterpriseBatchBuilder()
        var taken: [Int] = []
        mutating func take(_ feature: ScannedPointFeature, index: Int) -> Bool {
            let ok = inner.take(feature, index: index)
            if ok { taken.append(index) }
            return ok
        }
        mutating func add(_ feature: Feature, index: Int) { inner.add(feature, index: index) }
        mutating func finish() -> (EnterpriseBatchBuilder.Batch, [Int]) {
            defer { taken = [] }
            return (inner.finish(), taken)
        }
    }

    static let point = #"{"type":"Point","coordinates":[104.7,31.5]}"#
    static func feature(_ properties: String, geometry: String = point, extra: String = "") -> String {
        #"{"type":"Feature"\#(extra),"geometry":\#(geometry),"properties":\#(properties)}"#
    }
    static let good = #""id":"E9","name":"甲","industry":"C3974""#

    /// Each breaks one reading rule of docs/dataset.md (all but the last one
    /// make `Enterprise.decode` report a problem).
    static let bad: [String] = [
        feature(#"{"name":"甲","industry":"C3974"}"#, extra: #","id":"T1""#),  // id from the top level: a warning
        feature(#"{"id":"","name":"甲","industry":"C3974"}"#),
        feature(#"{"id":123,"name":"甲","industry":"C3974"}"#),
        feature(#"{"id":"E1","industry":"C3974"}"#),
        feature(#"{"id":"E1","name":"","industry":"C3974"}"#),
        feature(#"{"id":"E1","name":7,"industry":"C3974"}"#),
        feature(#"{"id":"E1","name":"甲","industry":"3974"}"#),
        feature(#"{"id":"E1","name":"甲","industry":"C1310"}"#),  // the 2011 code: unknown, kept with an error
        feature(#"{"id":"E1","name":"甲","industry":3974}"#),
        feature(#"{"id":"E1","name":"甲","industry":"c3974"}"#),
        feature(#"{"id":"E1","name":"甲"}"#),
        feature("{" + good + #","output_wan":-1}"#),
        feature("{" + good + #","output_wan":"12"}"#),
        feature("{" + good + #","tax_wan":true}"#),
        feature("{" + good + #","employees":12.5}"#),
        feature("{" + good + #","employees":1e16}"#),
        feature("{" + good + #","employees":9007199254740993}"#),  // ≥ 9e15 once a Double
        feature("{" + good + #","employees":-3}"#),
        feature("{" + good + #","land_m2":-0.5}"#),
        feature("{" + good + #","above_scale":"yes"}"#),
        feature("{" + good + #","above_scale":1}"#),
        feature("{" + good + "}", geometry: "null"),
        feature("{" + good + "}", geometry: #"{"type":"Polygon","coordinates":[[[104.7,31.5],[104.8,31.5],[104.8,31.6],[104.7,31.5]]]}"#),
        feature("{" + good + "}", geometry: #"{"type":"Point","coordinates":[200,31.5]}"#),
        feature("{" + good + "}", geometry: #"{"type":"Point","coordinates":[31.5,104.7]}"#),
        feature("{" + good + "}", geometry: #"{"type":"Point","coordinates":[471484.1,3480906.3]}"#),
        feature("{" + good + "}", geometry: #"{"type":"Point","coordinates":[104.7]}"#),  // a feature error
        feature("{" + good + "}", geometry: #"{"type":"LineString","coordinates":[[104.7,31.5],[104.8,31.5]]}"#),
        feature("null"),
        feature("{" + good + #","id":"E10"}"#),  // a key twice: last wins, at the first place
        #"{"type":"Feture","geometry":\#(point),"properties":{\#(good)}}"#,  // not a Feature: a feature error
        #"{"type":"Feature","geometry":\#(point),"properties":{"id":"E1","name":"甲","industry":"C3974"},"properties":{"id":"E2","name":"乙","industry":"C3974"}}"#,
    ]

    /// Plain and clean: the byte decoder takes them.
    static let plain: [String] = [
        feature("{" + good + #","output_wan":0,"tax_wan":-0.0,"employees":8999999999999999,"land_m2":1.5e3,"above_scale":null,"x":[1,{"y":2}]}"#),
        feature(#"{"industry":"C2661","name":"乙","id":"E8","above_scale":true}"#, extra: #","id":7"#),
        #"{"properties":{"id":"E7","name":"丙","industry":"C3974"},"geometry":{"coordinates":[104.7,31.5,480.5],"type":"Point"},"type":"Feature"}"#,
    ]

    /// Clean, but of a shape left to the general parser (escapes, bbox, foreign members).
    static let otherClean: [String] = [
        feature(#"{"id":"E6","name":"\u7532\"","industry":"C3974"}"#),
        feature("{" + good + "}", extra: #","bbox":[104.7,31.5,104.7,31.5]"#),
        feature("{" + good + "}", extra: #","source":"survey""#),
        feature("{" + good + "}", geometry: #"{"type":"Point","coordinates":[104.7,31.5],"bbox":[104.7,31.5,104.7,31.5]}"#),
        feature(#"{"\u0069d":"E5","name":"甲","industry":"C3974"}"#),
    ]

    func testOnlyProblemFreeFeaturesAreTakenFromTheBytesAndBothPathsAgree() throws {
        let features = Self.plain + Self.bad + Self.otherClean
        let text = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}"
        let bytes = Array(text.utf8)

        // The general path: features, then Enterprise.decode.
        var oldValues: [Enterprise] = [], oldProblems: [DatasetProblem] = [], oldRejected: [String] = [], oldErrors: [GeoJSONError] = []
        _ = try GeoJSONReader().forEachFeatureBatch(
            bytes, threads: 1, batchSize: 4, transform: { DatasetDecoding.enterprises(FeatureCollection(features: $0)) },
            consume: { first, part in
                oldValues += part.values.map { var e = $0; e.source.index += first; return e }
                oldProblems += part.problems.map { var p = $0; p.index = p.index.map { $0 + first }; return p }
                oldRejected += part.rejectedIDs
            }, featureErrors: { oldErrors.append($0) })

        // The byte path.
        var table = EnterpriseTable(), problems: [DatasetProblem] = [], rejected: [String] = [], errors: [GeoJSONError] = []
        var taken: [Int] = []
        _ = try GeoJSONReader().forEachFeatureBatch(
            bytes, threads: 1, batchSize: 4, makeBuilder: { Recording() },
            consume: { first, part in
                table.append(table: part.0.table, indexOffset: first)
                problems += part.0.problems.map { var p = $0; p.index = p.index.map { $0 + first }; return p }
                rejected += part.0.rejectedIDs
                taken += part.1.map { $0 + first }
            }, featureErrors: { errors.append($0) })

        XCTAssertEqual(Array(table), oldValues)
        XCTAssertEqual(table, EnterpriseTable(oldValues))
        XCTAssertEqual(problems, oldProblems)
        XCTAssertEqual(rejected, oldRejected)
        XCTAssertEqual(errors.map(\.description), oldErrors.map(\.description))
        // Exactly the plain features were taken from their bytes; every bad one has its problem.
        XCTAssertEqual(taken, Array(0..<Self.plain.count))
        let badIndices = Set(Self.plain.count..<(Self.plain.count + Self.bad.count))
        let reported = Set(oldProblems.compactMap(\.index)).union(oldErrors.compactMap(\.location?.featureIndex))
        XCTAssertEqual(reported.intersection(badIndices).count, Self.bad.count - 2, "all but the duplicate key and the two properties")
        // Kept of the bad ones (docs/dataset.md: invalid numbers are dropped, a numeric id is used as written,
        // the id stands in for a name): bad[0, 2, 3, 4, 5, 7, 11...20, 29, 31], 18 of them.
        XCTAssertEqual(table.count, Self.plain.count + Self.otherClean.count + 18)
        // The plain ones, as read: hand-checked values.
        XCTAssertEqual(table[0].employees, 8_999_999_999_999_999, "below 2^53 and 9e15: exact")
        XCTAssertEqual(table[0].tax?.sign, .minus)
        XCTAssertEqual(table[0].land, 1500)
        XCTAssertEqual(table[0].extraProperties, ["x": .array([.integer(1), .object(["y": .integer(2)])])])
        XCTAssertEqual(table[1].aboveScale, true)
        XCTAssertEqual(table[2].location, Position(x: 104.7, y: 31.5, z: 480.5))
    }
}
