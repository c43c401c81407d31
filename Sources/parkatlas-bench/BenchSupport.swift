#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--key value` pairs after the benchmark name.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let key = arguments[i]
            if key.hasPrefix("--"), i + 1 < arguments.count {
                values[String(key.dropFirst(2))] = arguments[i + 1]
                i += 2
            } else {
                i += 1
            }
        }
    }

    func string(_ key: String) -> String? { values[key] }
    func int(_ key: String) -> Int? { values[key].flatMap { Int($0) } }
}

/// Monotonic wall-clock seconds.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU seconds used by the process so far, every thread (user + system).
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Median wall time of `runs` calls of `body` (seconds).
func medianTime(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<max(runs, 1) {
        let start = monotonicSeconds()
        try body()
        times.append(monotonicSeconds() - start)
    }
    times.sort()
    return times[times.count / 2]
}

/// `value` with `digits` fraction digits (no Foundation `String(format:)`).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard scaled.magnitude < 9e15 else { return String(value) }
    let whole = Int64(scaled)
    guard digits > 0 else { return String(whole) }
    let sign = whole < 0 ? "-" : ""
    let magnitude = whole.magnitude
    let unit = UInt64(scale)
    var fraction = String(magnitude % unit)
    while fraction.count < digits { fraction = "0" + fraction }
    return "\(sign)\(magnitude / unit).\(fraction)"
}
