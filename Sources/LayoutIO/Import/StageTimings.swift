import Foundation

/// Wall-clock time per stage of `parkatlas import`, printed to standard error at the end when
/// `PARKATLAS_IMPORT_TIMINGS` is set (for Benchmarks/import_results.md: where the time goes).
final class StageTimings: @unchecked Sendable {
    let enabled: Bool
    private var stages: [(String, Double)] = []
    private let start = Date()

    init(enabled: Bool) { self.enabled = enabled }

    func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let t = Date()
        defer { stages.append((stage, Date().timeIntervalSince(t))) }
        return try body()
    }

    func add(_ stage: String, since t: Date) {
        if enabled { stages.append((stage, Date().timeIntervalSince(t))) }
    }

    func report() {
        guard enabled else { return }
        var text = ""
        for (stage, seconds) in stages { text += "import timing: \(stage): \(String(format: "%.2f", seconds)) s\n" }
        text += "import timing: total: \(String(format: "%.2f", Date().timeIntervalSince(start))) s\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
