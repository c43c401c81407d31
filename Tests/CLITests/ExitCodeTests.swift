import XCTest

/// Exit codes documented in docs/cli.md: 0 success, 2 bad command line, 3 bad input.
final class ExitCodeTests: XCTestCase {
    func testHelpExitsZero() throws {
        let result = try CLIRunner.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("info"), result.stdout)
        XCTAssertTrue(result.stdout.contains("convert"), result.stdout)
    }

    func testUnknownSubcommandIsBadCommandLine() throws {
        let result = try CLIRunner.run(["no-such-command"])
        XCTAssertEqual(result.status, 2, result.stderr)
    }

    func testUnknownOptionIsBadCommandLine() throws {
        let result = try CLIRunner.run(["info", "--no-such-option"])
        XCTAssertEqual(result.status, 2, result.stderr)
    }
}
