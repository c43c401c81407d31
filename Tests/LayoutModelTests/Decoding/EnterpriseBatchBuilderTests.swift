import GeoCore
import GeoJSON
import XCTest
@testable import LayoutModel

/// Enterprises read straight from the bytes: unknown properties are kept as
/// their bytes, in input order, and read back as the general parser reads them.
final class EnterpriseBatchBuilderTests: XCTestCase {
    private func read(_ text: String) throws -> EnterpriseTable {
        var table = EnterpriseTable()
        _ = try GeoJSONReader().forEachFeatureBatch(
            Array(text.utf8), threads: 1, makeBuilder: { EnterpriseBatchBuilder() },
            consume: { first, part in
                XCTAssertEqual(part.problems, [])
                table.append(table: part.table, indexOffset: first)
            })
        return table
    }

    func testUnknownPropertiesAreKeptAsTheirBytesInOrder() throws {
        let members = #""zeta":{"b":[1,2.50,"x\u00e9"]},"alpha":12345678901234567890,"credit_code" : "9151","none":null"#
        let table = try read(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[104.7,31.5]},"properties":{"id":"E1","#
            + members + #","name":"甲公司","industry":"C3974","output_wan":-0.0,"employees":12}}]}"#)
        XCTAssertEqual(table.count, 1)
        // The bytes as written (whitespace included), in a JSON object.
        XCTAssertEqual(String(decoding: table.rawExtraProperties(at: 0), as: UTF8.self), "{" + members + "}")
        // Read as values when asked, as the general parser reads them.
        let expected: JSONObject = [
            "zeta": .object(["b": .array([.integer(1), .double(2.5), .string("xé")])]),
            "alpha": .double(12345678901234567890.0),  // beyond Int64: a Double
            "credit_code": .string("9151"),
            "none": .null,
        ]
        XCTAssertEqual(table[0].extraProperties, expected)
        XCTAssertEqual(table[0].extraProperties.keys, ["zeta", "alpha", "credit_code", "none"])
        XCTAssertEqual(table[0].output?.sign, .minus)
        XCTAssertEqual(table[0].employees, 12)
        XCTAssertEqual(table[0].name, "甲公司")
        // Written back through a value and read again: the same.
        var copy = table
        copy[0].employees = 13
        XCTAssertEqual(copy[0].extraProperties, expected)
        XCTAssertEqual(String(decoding: copy.rawExtraProperties(at: 0), as: UTF8.self), "{" + members + "}")
        XCTAssertEqual(table[0].employees, 12)
    }
}
