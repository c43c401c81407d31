import Dispatch

/// Splits `0..<count` into contiguous ranges and runs them on up to `threads`
/// workers. Lives in GeoCore so that every layer (decoding in LayoutModel,
/// analyses in LayoutAnalysis) shares one implementation.
public enum ParallelRanges {
    /// Calls `body` on contiguous ranges covering `0..<count` on up to
    /// `threads` workers (at least `minimumChunk` items each). There are more
    /// ranges than workers, dealt out round-robin, which balances uneven
    /// per-item costs. Callers write results to per-index slots and reduce in
    /// index order afterwards, so results are identical for every thread count.
    public static func forEach(count: Int, threads: Int, minimumChunk: Int = 1024, _ body: @Sendable (Range<Int>) -> Void) {
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

    /// `transform(i)` for every i in `0..<count`, computed on up to `threads` workers
    /// (`forEach`), in index order: the result is the same for every thread count.
    public static func map<T: Sendable>(
        count: Int, threads: Int, minimumChunk: Int = 1024, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let out = slots
        forEach(count: count, threads: threads, minimumChunk: minimumChunk) { range in
            for i in range { out[i] = transform(i) }
        }
        return out.map { $0! }
    }
}
