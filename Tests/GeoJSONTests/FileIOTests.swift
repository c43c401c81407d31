import Foundation
import GeoJSON
import XCTest

/// Whole-file reads: the size fstat gives is only a first guess.
final class FileIOTests: XCTestCase {
    func testAFileReadsBackExactly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parkatlas-fileio-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes: [UInt8] = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try GeoJSONFile.readBytes(path: path), bytes)
        try Data().write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try GeoJSONFile.readBytes(path: path), [])
    }

    /// /proc files report size 0 but have content: the read grows past the guess.
    func testAFileLongerThanItsStatSizeIsReadWhole() throws {
        let status = try GeoJSONFile.readBytes(path: "/proc/self/status")
        let text = String(decoding: status, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("Name:"), text)
        XCTAssertTrue(text.contains("\nPid:"), text)
        XCTAssertTrue(text.hasSuffix("\n"))
    }
}
