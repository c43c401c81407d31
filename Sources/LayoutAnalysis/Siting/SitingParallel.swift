import Dispatch
import Synchronization

/// Maps `0 ..< count` to values on up to `threads` workers for the siting work
/// (one park's block merging, one block's synergy sum per index). Indices are
/// handed out from a shared counter and each result lands in its own slot, so
/// the output is the same for any thread count. The first error stops the
/// remaining work and is rethrown as `AnalysisError.geometry`.
///
/// Kept inside Siting, rather than shared, so the siting code depends on no
/// other analysis family's helpers.
enum SitingParallel {
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
