import GeoCore
import XCTest

/// Ordered JSON objects (the property lists every export writes) and bounding boxes.
final class JSONObjectTests: XCTestCase {
    /// A user's own key wins over a styling key, order is kept, and new keys come last, once.
    func testAddMissingKeepsPresentKeysAndOrder() {
        var p: JSONObject = ["id": .string("E1"), "marker-color": .string("#123456")]
        p.addMissing(["marker-color": .string("#ff0000"), "title": .string("E1"), "id": .string("X")])
        XCTAssertEqual(p.keys, ["id", "marker-color", "title"])
        XCTAssertEqual(p["marker-color"], .string("#123456"))
        XCTAssertEqual(p["id"], .string("E1"))
        XCTAssertEqual(p["title"], .string("E1"))
    }

    func testSubscriptReplacesAppendsAndRemoves() {
        var p: JSONObject = ["a": .integer(1), "b": .integer(2)]
        p["a"] = .integer(3)
        p["c"] = .null
        p["b"] = nil
        XCTAssertEqual(p.keys, ["a", "c"])
        XCTAssertEqual(p["a"], .integer(3))
        XCTAssertEqual(p["c"], .null)
    }

    func testBoundingBoxExtendsAndStartsEmpty() {
        var box = BoundingBox.empty
        XCTAssertTrue(box.isEmpty)
        box.extend(x: 104.5, y: 31.2)
        box.extend(x: 104.9, y: 31.1)
        XCTAssertEqual(box, BoundingBox(minX: 104.5, minY: 31.1, maxX: 104.9, maxY: 31.2))
        XCTAssertEqual(box.width, 0.4, accuracy: 1e-12)
        XCTAssertEqual(box.center.x, 104.7, accuracy: 1e-12)
    }
}
