import Foundation
import LayoutAnalysis
import Reporting

/// The progress of `analyze` on stderr, only when stderr is a terminal (docs/cli.md:
/// progress on a terminal, nothing otherwise): while a step runs, one line redrawn in
/// place (`\r`) at most ten times a second — a bar with percentage, done/total and
/// elapsed seconds when the step counts its work (`ProgressBar`), else its elapsed time —
/// and when it ends, the line `analyze: STEP … 1.23 s`.
///
/// Thread-safe: `stepProgress` and `add` may be called from any thread; they only store
/// counts under a lock, and a ticker thread (started per step, on a terminal only) draws.
final class StepProgress: AnalysisStepObserver, @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    /// (step, seconds) of every finished step, in order.
    private(set) var timings: [(step: String, seconds: Double)] = []

    private let lock = NSLock()
    private var current: String?
    private var stepStart = Date()
    private var done = 0
    private var total: Int?
    private var unit = ProgressBar.Unit.rows
    /// Bumped per step: a ticker whose generation has passed stops.
    private var generation = 0
    private var lastLine = ""
    private var poll: (@Sendable () -> Int)?

    init(enabled: Bool) { self.enabled = enabled }

    /// `add`, when anything is shown (stderr a terminal, not --quiet); nil otherwise, so
    /// that writers skip counting.
    var counter: (@Sendable (Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] count in add(count) }
    }

    /// Redraw interval of the bar: ten times a second at most.
    static let interval = 0.1

    /// Runs `body` as the step `name`, timing it.
    /// - Parameters:
    ///   - total: the work of the step, for a bar; nil shows the elapsed time only.
    ///   - poll: where the bar reads the work done (a counter fed by another thread), instead of `add`.
    func step<T>(
        _ name: String, total: Int? = nil, unit: ProgressBar.Unit = .rows, poll: (@Sendable () -> Int)? = nil, _ body: () throws -> T
    ) rethrows -> T {
        let t0 = Date()
        start(name, total: total, unit: unit, poll: poll)
        let result = try body()
        stepDidFinish(name, seconds: Date().timeIntervalSince(t0))
        return result
    }

    func stepWillStart(_ name: String) { start(name, total: nil, unit: .rows, poll: nil) }

    /// Starts the step's line (a bar at 0 % when `total` is known) and its ticker.
    private func start(_ name: String, total: Int?, unit: ProgressBar.Unit, poll: (@Sendable () -> Int)?) {
        guard enabled else { return }
        let ticker: Int = lock.withLock {
            current = name
            stepStart = Date()
            done = 0
            self.total = total
            self.unit = unit
            self.poll = poll
            generation += 1
            return generation
        }
        draw()
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: Self.interval)
                guard lock.withLock({ generation == ticker && current != nil }) else { return }
                draw()
            }
        }
        thread.start()
    }

    func stepProgress(_ name: String, done: Int, total: Int) {
        stepProgress(name, done: done, total: total, unit: name == "cluster" ? .groups : name == "stats" ? .phases : .rows)
    }

    func stepProgress(_ name: String, done: Int, total: Int, unit: ProgressBar.Unit) {
        guard enabled else { return }
        lock.withLock {
            guard current == name else { return }
            self.done = done
            self.total = total
            self.unit = unit
        }
    }

    /// Adds `count` to the running step's done count (from any thread).
    func add(_ count: Int) {
        guard enabled else { return }
        lock.withLock { done += count }
    }

    func stepDidFinish(_ name: String, seconds: Double) {
        timings.append((name, seconds))
        guard enabled else { return }
        // Under the lock, as the ticker draws: its last bar cannot come after this line.
        lock.withLock {
            current = nil
            poll = nil
            generation += 1
            lastLine = ""
            // Clear the bar, then the step's lasting line.
            FileHandle.standardError.write(Data("\r\u{1B}[Kanalyze: \(name) …".utf8) + Data(String(format: " %.2f s\n", seconds).utf8))
        }
    }

    /// Draws the running step's line if it changed.
    private func draw() {
        lock.withLock {
            guard let current else { return }
            let elapsed = Date().timeIntervalSince(stepStart)
            let label = "analyze: \(current)"
            let count = poll?() ?? done
            let text = total.map { ProgressBar.line(label: label, done: count, total: $0, unit: unit, elapsed: elapsed) }
                ?? ProgressBar.line(label: label, elapsed: elapsed)
            guard text != lastLine else { return }
            lastLine = text
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }

    /// Seconds since the progress began.
    var elapsed: Double { Date().timeIntervalSince(start) }

    /// A line of its own (a terminal only), e.g. what a step's time does not show.
    func note(_ text: String) {
        if enabled { lock.withLock { FileHandle.standardError.write(Data("analyze: \(text)\n".utf8)) } }
    }

    func finish(_ message: String) {
        if enabled { FileHandle.standardError.write(Data(String(format: "analyze: \(message) in %.2f s\n", elapsed).utf8)) }
    }
}

/// A count fed from any thread (the GeoPackage rows of the worker thread) and read by a bar.
final class RowCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ n: Int) { lock.withLock { count += n } }
    var value: Int { lock.withLock { count } }
}
