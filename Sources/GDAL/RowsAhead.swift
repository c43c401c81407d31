import Foundation
import GeoCore

/// The rows of a `RowLayer` made ahead on a second thread, a batch at a time, while the calling
/// thread hands the previous batch to GDAL: the same rows in the same order as a plain loop.
///
/// Why (issue 19): results.gpkg is the longest path of `analyze`'s writing phase at a province
/// (341 s on its thread against 161 s for everything else written meanwhile), so for minutes one
/// core sat idle while this thread both made each row (Swift: properties, geometry, WKB) and
/// wrote it (GDAL and SQLite). The row maker only reads (its documented contract), and GDAL
/// handles are touched on the calling thread only.
enum RowsAhead {
    /// Rows per batch; two batches exist at a time (one made, one written).
    static let batch = 4096

    /// Calls `body(index, feature, wkb)` for every row in order, on this thread. With `ahead`
    /// (and more than one batch) the rows and their `prepare` output are made on a second
    /// thread, which has ended when this returns or throws.
    static func forEach(
        _ layer: VectorWriter.RowLayer, ahead: Bool, prepare: @escaping @Sendable (Feature) -> [UInt8]?,
        _ body: (Int, Feature, [UInt8]?) throws -> Void
    ) throws {
        let count = layer.count
        guard ahead && count > batch else {
            for i in 0..<count {
                let f = try layer.feature(i)
                try body(i, f, prepare(f))
            }
            return
        }
        let batches = (count + batch - 1) / batch
        let shared = Shared()
        // The maker only reads immutable data (RowLayer's contract).
        nonisolated(unsafe) let feature = layer.feature
        let producer = Thread {
            for b in 0..<batches {
                shared.free.wait()
                if shared.isStopped { break }
                var rows: [(Feature, [UInt8]?)] = []
                rows.reserveCapacity(batch)
                var failure: Error?
                do {
                    for i in (b * batch)..<min(count, (b + 1) * batch) {
                        let f = try feature(i)
                        rows.append((f, prepare(f)))
                    }
                } catch {
                    failure = error
                }
                shared.put(b % 2, rows: rows, error: failure)
                shared.ready.signal()
                if failure != nil { break }
            }
            shared.finished.signal()
        }
        producer.stackSize = 8 << 20
        producer.start()
        defer {
            // Stop the maker (if this thread failed first) and wait for it: no thread outlives the call.
            shared.stop()
            shared.free.signal()
            shared.finished.wait()
        }
        for b in 0..<batches {
            shared.ready.wait()
            let (rows, error) = shared.take(b % 2)
            // The rows made before a failing one are written first, as the plain loop would.
            for (k, row) in rows.enumerated() { try body(b * batch + k, row.0, row.1) }
            if let error { throw error }
            shared.free.signal()
        }
    }

    /// The two batch slots and the signals between the two threads (slots are handed over under
    /// the semaphores' ordering; the lock makes each hand-over visible).
    private final class Shared: @unchecked Sendable {
        /// Two free slots, given by signals: libdispatch traps when a semaphore made with a
        /// positive value is freed below it, as `free` is when the writer stops early.
        let free: DispatchSemaphore = {
            let s = DispatchSemaphore(value: 0)
            s.signal()
            s.signal()
            return s
        }()
        let ready = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var slots: [(rows: [(Feature, [UInt8]?)], error: Error?)] = [([], nil), ([], nil)]
        private var stopped = false

        var isStopped: Bool { lock.withLock { stopped } }
        func stop() { lock.withLock { stopped = true } }

        func put(_ slot: Int, rows: [(Feature, [UInt8]?)], error: Error?) {
            lock.withLock { slots[slot] = (rows, error) }
        }

        func take(_ slot: Int) -> (rows: [(Feature, [UInt8]?)], error: Error?) {
            lock.withLock {
                defer { slots[slot] = ([], nil) }
                return slots[slot]
            }
        }
    }
}
