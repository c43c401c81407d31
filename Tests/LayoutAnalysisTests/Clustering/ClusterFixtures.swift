import Foundation
import LayoutIO
import LayoutModel
import XCTest

/// Reads Tests/Fixtures/cluster/in|out, written by `python3 Tests/Reference/cluster_reference.py`
/// (scikit-learn, pyproj, scipy, pointpats, shapely).
enum ClusterFixtures {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var folder: URL { root.appendingPathComponent("Tests/Fixtures/cluster") }

    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(relative))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A dataset folder: "mianyang" is GeoData/mianyang, anything else Tests/Fixtures/cluster/in/<name>.
    static func dataset(_ name: String) throws -> Dataset {
        let path = name == "mianyang" ? root.appendingPathComponent("GeoData/mianyang").path : folder.appendingPathComponent("in/\(name)").path
        let result = try DatasetLoader.load(folder: path, options: .init(threads: 2))
        XCTAssertFalse(result.hasErrors, "\(name) loads without errors")
        return result.dataset
    }

    /// Interleaved coordinates from [[x, y], …].
    static func flat(_ xy: Any?) -> [Double] {
        ((xy as? [[Double]]) ?? []).flatMap { $0 }
    }
}

extension Dictionary where Key == String, Value == Any {
    func doubles(_ key: String) -> [Double] { (self[key] as? [Double]) ?? (self[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
    func ints(_ key: String) -> [Int] { (self[key] as? [Int]) ?? [] }
    func bools(_ key: String) -> [Bool] { (self[key] as? [Bool]) ?? [] }
    func double(_ key: String) -> Double { (self[key] as? Double) ?? (self[key] as? NSNumber)?.doubleValue ?? .nan }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
}
