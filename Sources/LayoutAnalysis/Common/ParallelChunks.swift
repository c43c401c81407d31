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

    /// Non-throwing per-index work: calls `body` on contiguous ranges covering
    /// `0..<count` on up to `threads` workers (at least `minimumChunk` items
    /// each). There are more ranges than workers, dealt out round-robin, which
    /// balances uneven per-item costs such as neighbourhood sizes. Callers
    /// write results to per-index slots and reduce in index order afterwards,
    /// so results are identical for every thread count.
    static func forEach(count: Int, threads: Int, minimumChunk: Int = 1024, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, (count + max(1, minimumChunk) - 1) / max(1, minimumChunk)))
        if workers == 1 {
            body(0..<count)
            return
        }
        let chunks = min(count, workers * 8)
        let size = (count + chunks - 1) / chunks
        // Worker w takes ranges w, w + workers, …, so at most `workers` run at once.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for c in stride(from: w, to: chunks, by: workers) {
                let lo = c * size
                let hi = min(count, lo + size)
                if lo < hi { body(lo..<hi) }
            }
        }
    }
}

/// The shared chunk counter (an atomic must live in a class to be captured).
private final class ChunkCounter: Sendable {
    let value = Atomic<Int>(0)
}
