import ArgumentParser
import Foundation

/// `parkatlas`: the command-line face of ParkAtlas.
///
/// Each subcommand parses its options, calls one library function and prints
/// the result. Errors of every kind become a message and an exit code in one
/// place (`ExitStatus`), so the codes documented in cli.md hold everywhere.
@main
struct ParkAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkatlas",
        abstract: "Spatial layout analysis of industrial parks.",
        discussion: """
            Exit codes: 0 success; 1 `check` found findings at or above --fail-on;
            2 bad command line; 3 bad input data.
            """,
        version: "0.1.0",
        subcommands: [InfoCommand.self, ConvertCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ExitStatus.exit(for: error, command: Self.self)
        }
    }
}
