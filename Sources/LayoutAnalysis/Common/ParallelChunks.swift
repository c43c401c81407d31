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

    /// Maps `0 ..< count` to values on up to `threads` workers, handing out
    /// single indices from a shared counter (for few, uneven items such as one
    /// park's block merging). Each result lands in its own slot, so the output
    /// is the same for any thread count; the first error stops the remaining
    /// work and is rethrown as `AnalysisError.geometry`.
    static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let out = slots
        let state = State()
        let workers = max(1, min(threads, count))
        @Sendable func work() {
            while state.failure.withLock({ $0 == nil }) {
                let i = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                do {
                    out[i] = try body(i)
                } catch {
                    state.failure.withLock { if $0 == nil { $0 = String(describing: error) } }
                }
            }
        }
        if workers == 1 { work() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in work() } }
        if let message = state.failure.withLock({ $0 }) { throw AnalysisError.geometry(message) }
        return slots.map { $0! }
    }

    private final class State: Sendable {
        let next = Atomic<Int>(0)
        let failure = Mutex<String?>(nil)
    }
}

/// The shared chunk counter (an atomic must live in a class to be captured).
private final class ChunkCounter: Sendable {
    let value = Atomic<Int>(0)
}
