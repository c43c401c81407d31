import Foundation
import GeoCore
import LayoutIO
import LayoutModel
import XCTest

/// Every enterprises file shipped with the repository reads the same straight
/// from its bytes (`streamEnterprises`, `EnterpriseBatchBuilder`) as through
/// generic features and `Enterprise.decode` (`keepsFeatures`): the same
/// enterprises, problems and cross-checks.
final class EnterpriseStreamingTests: LeakCheckedTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryShippedEnterprisesFileReadsTheSameFromItsBytes() throws {
        var folders = ["GeoData/mianyang", "GeoData/mianyang-2023"]
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/Fixtures")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: fixtures.path))
        for case let path as String in walker where path.hasSuffix("/enterprises.geojson") {
            folders.append("Tests/Fixtures/" + String(path.dropLast("/enterprises.geojson".count)))
        }
        XCTAssertGreaterThanOrEqual(folders.count, 12)
        var total = 0
        for folder in folders.sorted() {
            let path = Self.packageRoot.appendingPathComponent(folder).path
            let general = try DatasetLoader.load(folder: path, options: .init(threads: 2, keepsFeatures: true))
            for threads in [1, 2] {
                let streamed = try DatasetLoader.load(folder: path, options: .init(threads: threads, keepsFeatures: false))
                XCTAssertEqual(streamed.dataset.enterprises.count, general.dataset.enterprises.count, folder)
                XCTAssertEqual(Array(streamed.dataset.enterprises), Array(general.dataset.enterprises), folder)
                XCTAssertEqual(streamed.problems, general.problems, folder)
                XCTAssertEqual(streamed.dataset.leftOut, general.dataset.leftOut, folder)
            }
            total += general.dataset.enterprises.count
        }
        XCTAssertGreaterThan(total, 2_874 + 2_800, "mianyang alone has 2,874")
    }
}
