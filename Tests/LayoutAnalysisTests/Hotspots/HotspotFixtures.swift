import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Reads the JSON fixtures under Tests/Fixtures/<analysis>/ (made by the scripts in Tests/Reference).
enum AnalysisFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var repository: URL { root.deletingLastPathComponent() }

    static func object(_ relative: String) throws -> JSONObject {
        let data = try Data(contentsOf: root.appendingPathComponent("Fixtures/" + relative))
        return try XCTUnwrap(JSONText.parse(String(decoding: data, as: UTF8.self)).objectValue, relative)
    }

    static func doubles(_ value: JSONValue?) throws -> [Double] {
        try XCTUnwrap(value?.arrayValue).map { try XCTUnwrap($0.doubleValue) }
    }

    static func optionalDoubles(_ value: JSONValue?) throws -> [Double?] {
        try XCTUnwrap(value?.arrayValue).map { $0.isNull ? nil : $0.doubleValue }
    }

    static func ints(_ value: JSONValue?) throws -> [Int] {
        try XCTUnwrap(value?.arrayValue).map { Int(try XCTUnwrap($0.integerValue)) }
    }
}
