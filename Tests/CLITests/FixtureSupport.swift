import Foundation
import GeoCore
import GeoJSON
import TestSupport
import XCTest

/// Golden-file comparison for CLI tests: fixtures computed by the reference
/// scripts in Tests/Reference, compared key by key with a numeric tolerance.
enum FixtureComparison {
    /// The parsed JSON fixture `Tests/Fixtures/<analysis>/out/<name>.json`.
    static func load(analysis: String, name: String) throws -> JSONValue {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/\(analysis)/out/\(name).json")
        return try JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    /// Where `actual` departs from `expected` (see `JSONFixtureDifferences`).
    static func differences(
        _ actual: JSONValue?, _ expected: JSONValue, path: String = "", relative: Double, absolute: Double = 1e-9
    ) -> [String] {
        JSONFixtureDifferences.differences(actual, expected, path: path, relative: relative, absolute: absolute)
    }
}

extension CLIRunner {
    /// Runs `parkatlas synth --out <dir>/<name> --quiet <args>` and returns the dataset folder.
    static func synth(in dir: URL, _ name: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = dir.appendingPathComponent(name).path
        let made = try run(["synth", "--out", out, "--quiet"] + args)
        XCTAssertEqual(made.status, 0, made.stderr, file: file, line: line)
        return out
    }
}
