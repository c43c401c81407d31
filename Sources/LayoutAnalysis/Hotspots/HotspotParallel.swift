import Dispatch

/// Splitting per-point work across threads.
///
/// Each point's result depends only on the point (never on which thread or
/// chunk computed it), and reductions are done afterwards in index order, so
/// results are bit-identical for every thread count.
enum HotspotParallel {
    /// Calls `body` on contiguous ranges covering `0..<count`, on up to `threads` workers.
    static func forEachChunk(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count / 1024 + 1))
        if workers == 1 {
            body(0..<count)
            return
        }
        // More chunks than workers balances uneven neighbourhood sizes.
        let chunks = min(count, workers * 8)
        let size = (count + chunks - 1) / chunks
        // Worker w takes chunks w, w + workers, …, so at most `workers` run at once.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for c in stride(from: w, to: chunks, by: workers) {
                let lo = c * size
                let hi = min(count, lo + size)
                if lo < hi { body(lo..<hi) }
            }
        }
    }
}

/// A fixed-size output buffer that parallel workers fill at disjoint indices.
final class HotspotBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<T>
    init(repeating value: T, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }
    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }
    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
    var array: [T] { Array(pointer) }
}
