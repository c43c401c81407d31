import Foundation
import LayoutAnalysis

/// One line per step of `analyze` on stderr with its wall-clock time, only when
/// stderr is a terminal (docs/cli.md: progress on a terminal, nothing otherwise).
final class StepProgress: AnalysisStepObserver {
    private let enabled: Bool
    private let start = Date()
    /// (step, seconds) of every finished step, in order.
    private(set) var timings: [(step: String, seconds: Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Runs `body` as the step `name`, timing it.
    func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let t0 = Date()
        stepWillStart(name)
        let result = try body()
        stepDidFinish(name, seconds: Date().timeIntervalSince(t0))
        return result
    }

    func stepWillStart(_ name: String) {
        if enabled { FileHandle.standardError.write(Data("analyze: \(name) …".utf8)) }
    }

    func stepDidFinish(_ name: String, seconds: Double) {
        timings.append((name, seconds))
        if enabled { FileHandle.standardError.write(Data(String(format: " %.2f s\n", seconds).utf8)) }
    }

    /// Seconds since the progress began.
    var elapsed: Double { Date().timeIntervalSince(start) }

    func finish(_ message: String) {
        if enabled { FileHandle.standardError.write(Data(String(format: "analyze: \(message) in %.2f s\n", elapsed).utf8)) }
    }
}
