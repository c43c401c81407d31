import Dispatch
import Synchronization

/// Runs work over `0..<count` on several threads, handing out fixed-size
/// chunks from a shared counter (so a slow chunk does not stall one thread's
/// whole share). Each worker first builds its own state with `makeWorker`
/// (e.g. its GEOS prepared geometries, which must not be shared), then gets
/// chunks in increasing order. Results must be written to per-index slots by
/// the caller; the order in which chunks run is not deterministic.
enum ParallelChunks {
    /// Stops every worker at the first error and rethrows it as `AnalysisError.geometry`.
    static func run(
        count: Int, chunkSize: Int, threads: Int,
        makeWorker: @Sendable () throws -> (Range<Int>) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let chunk = max(1, chunkSize)
        let chunks = (count + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        let next = ChunkCounter()
        let failure = FailureBox()
        @Sendable func work() {
            do {
                let process = try makeWorker()
                while failure.message == nil {
                    let c = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard c < chunks else { break }
                    try process((c * chunk)..<min(count, (c + 1) * chunk))
                }
            } catch {
                failure.set(String(describing: error))
            }
        }
        if workers == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        if let message = failure.message { throw AnalysisError.geometry(message) }
    }
}

/// The shared chunk counter (an atomic must live in a class to be captured).
private final class ChunkCounter: Sendable {
    let value = Atomic<Int>(0)
}
