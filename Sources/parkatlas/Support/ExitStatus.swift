import ArgumentParser
import Foundation

/// Exit codes of `parkatlas` (docs/cli.md): the one place where errors become
/// messages on stderr and process exit codes.
enum ExitStatus: Int32 {
    case success = 0
    case findings = 1
    case badCommandLine = 2
    case badInput = 3

    /// Prints the error and exits with its documented code.
    static func exit(for error: Error, command: any ParsableCommand.Type) -> Never {
        switch error {
        case let error as CommandFailure:
            Console.error(error.message)
            Foundation.exit(error.status.rawValue)
        case let error as ExitCode:
            Foundation.exit(error.rawValue)
        default:
            // ArgumentParser's own errors: help and version requests exit 0;
            // usage errors exit 2 (ArgumentParser would use 64).
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(ExitStatus.badCommandLine.rawValue)
            }
            // Library errors that escaped a command: every such error names
            // what failed, and is about the input, hence code 3.
            Console.error(message.isEmpty ? String(describing: error) : message)
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}

/// A failure a command reports deliberately, with its exit status.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    static func badInput(_ message: String) -> CommandFailure { CommandFailure(status: .badInput, message: message) }
    static func badCommandLine(_ message: String) -> CommandFailure { CommandFailure(status: .badCommandLine, message: message) }
}

/// Writing to the terminal streams. Reports go to stdout, diagnostics to stderr.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("parkatlas: " + message + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("parkatlas: warning: " + message + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
}
