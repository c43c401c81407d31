import Dispatch
import GeoCore

/// Parsing the `features` array of a large FeatureCollection on several
/// threads, with every feature going through a caller's batch builder on
/// the thread that parsed it (`FeatureBatchBuilder`: plain Point features may
/// be taken straight from their bytes).
///
/// The array is cut at guessed feature starts: from evenly spaced offsets,
/// the next `,` `{` `"` (whitespace allowed between), which is where a feature
/// begins in every writer's output. A guess is only trusted once the chunk
/// before it, parsed exactly, ends on it; otherwise everything from that
/// point is parsed again in order. So the result (features, order, errors with
/// their feature index, and the feature errors set aside when the scanner
/// collects them) is always that of the sequential parser; a wrong guess costs
/// time, never correctness.
extension ByteScanner {
    /// One chunk's work: the batches it produced, how many features, and where it stopped.
    struct ChunkOutcome<Batch> {
        var start: Int
        var batches: [(count: Int, value: Batch)] = []
        var features = 0
        /// Offset of the next element's first byte, or of the closing `]` when `closed`.
        var end = 0
        var closed = false
        var failure: Error?
        /// The feature errors set aside (when collecting), indices counted from `firstIndex`.
        var featureErrors: [GeoJSONError] = []
    }

    /// Parses features from `start` (an element's first byte) until the next
    /// element begins at or after `limit`, or the array closes.
    func parseFeatureChunk<Builder: FeatureBatchBuilder>(
        from start: Int, until limit: Int, depth: Int, firstIndex: Int, batchSize: Int,
        builder: inout Builder, emit: ((Int, Builder.Batch) throws -> Void)? = nil
    ) -> ChunkOutcome<Builder.Batch> {
        var s = self
        s.index = start
        s.depth = depth
        if s.featureErrors != nil { s.featureErrors = [] }
        var outcome = ChunkOutcome<Builder.Batch>(start: start)
        var inBatch = 0
        var batchFirst = firstIndex
        var scanned = ScannedPointFeature()
        func flush() throws {
            guard inBatch > 0 else { return }
            let value = builder.finish()
            if let emit { try emit(batchFirst, value) } else { outcome.batches.append((inBatch, value)) }
            batchFirst += inBatch
            inBatch = 0
        }
        do {
            while true {
                s.featureIndex = firstIndex + outcome.features
                // The plainest features straight from their bytes; the rest (and every error) the general way.
                let elementStart = s.index, elementDepth = s.depth
                if !Builder.scansPointFeatures || !s.scanPointFeature(into: &scanned) || !builder.take(scanned, index: inBatch) {
                    // Declined after a complete scan: read the element again from its start.
                    s.index = elementStart
                    s.depth = elementDepth
                    builder.add(try s.parseFeatureElement(), index: inBatch)
                }
                inBatch += 1
                outcome.features += 1
                s.featureIndex = nil
                if inBatch == batchSize { try flush() }
                let next = s.peekToken()
                if next == ASCII.closeBracket {
                    outcome.end = s.index
                    outcome.closed = true
                    break
                }
                guard next == ASCII.comma else { throw s.failure(expected: "',' or ']' in features array") }
                s.index += 1
                s.skipWhitespace()
                if s.index >= limit {
                    outcome.end = s.index
                    break
                }
            }
            try flush()
        } catch {
            outcome.failure = error
        }
        outcome.featureErrors = s.featureErrors ?? []
        return outcome
    }

    /// The first guessed feature start at or after `offset`: a `{` after a
    /// `,` and before a `"`, whitespace allowed; nil if none before the end.
    func guessFeatureStart(after offset: Int) -> Int? {
        var p = offset
        while p < end {
            if bytes[p] == ASCII.openBrace {
                var q = p - 1
                while q > 0, isWhitespace(bytes[q]) { q -= 1 }
                var r = p + 1
                while r < end, isWhitespace(bytes[r]) { r += 1 }
                if q > 0, bytes[q] == ASCII.comma, r < end, bytes[r] == ASCII.quote { return p }
            }
            p += 1
        }
        return nil
    }

    private func isWhitespace(_ b: UInt8) -> Bool {
        b == ASCII.space || b == ASCII.newline || b == ASCII.carriageReturn || b == ASCII.tab
    }

    /// The `features` array at the cursor, on up to `threads` threads.
    /// `transform` runs on worker threads, once per batch of up to `batchSize`
    /// consecutive features; `emit` receives every batch's value, in feature
    /// order, on the calling thread, with the index of the batch's first feature.
    /// `announce` is told, before, how many features the parallel chunks hold.
    mutating func parseFeaturesInParallel<Builder: FeatureBatchBuilder>(
        threads: Int, batchSize: Int, minimumChunkBytes: Int, makeBuilder: @Sendable () -> Builder,
        announce: ((Int) -> Void)? = nil, emit: (Int, Builder.Batch) throws -> Void
    ) throws {
        typealias Batch = Builder.Batch
        guard peekToken() == ASCII.openBracket else { throw structureError("\"features\" must be an array") }
        index += 1
        try enterContainer()
        if peekToken() == ASCII.closeBracket {
            index += 1
            leaveContainer()
            return
        }
        let arrayStart = index
        let workers = max(1, min(threads, (end - arrayStart) / max(1, minimumChunkBytes)))
        var guesses: [Int] = []
        if workers > 1 {
            for k in 1..<workers {
                if let g = guessFeatureStart(after: arrayStart + k * (end - arrayStart) / workers), g > (guesses.last ?? arrayStart) {
                    guesses.append(g)
                }
            }
        }
        var position = arrayStart, emitted = 0
        var closedAt: Int?
        if !guesses.isEmpty {
            let starts = [arrayStart] + guesses
            let limits = guesses + [Int.max]
            let scanner = self
            let slots = UnsafeMutableBufferPointer<ChunkOutcome<Batch>?>.allocate(capacity: starts.count)
            slots.initialize(repeating: nil)
            defer {
                slots.deinitialize()
                slots.deallocate()
            }
            nonisolated(unsafe) let out = slots
            nonisolated(unsafe) let worker = scanner
            let contentDepth = depth
            DispatchQueue.concurrentPerform(iterations: starts.count) { k in
                var builder = makeBuilder()
                out[k] = worker.parseFeatureChunk(
                    from: starts[k], until: limits[k], depth: contentDepth, firstIndex: 0, batchSize: batchSize, builder: &builder)
            }
            // The chunks the exact parse confirms: each starts where the previous one ended.
            var trusted = 0
            var total = 0
            for k in 0..<starts.count {
                guard let chunk = out[k], chunk.start == (k == 0 ? arrayStart : out[k - 1]!.end), chunk.failure == nil else { break }
                trusted += 1
                total += chunk.features
                if chunk.closed { break }
            }
            if trusted > 0 { announce?(total) }
            for k in 0..<trusted {
                // Taken out of its slot and handed over batch by batch, so each is freed once consumed.
                var chunk = out[k]!
                out[k] = nil
                chunk.batches.reverse()
                var first = emitted
                while let batch = chunk.batches.popLast() {
                    try emit(first, batch.value)
                    first += batch.count
                }
                if featureErrors != nil {
                    // The chunk counted its features from 0.
                    featureErrors? += chunk.featureErrors.map { $0.shiftingFeatureIndex(by: emitted) }
                }
                emitted += chunk.features
                position = chunk.end
                if chunk.closed { closedAt = chunk.end }
            }
        }
        if closedAt == nil {
            // From the first untrusted point on, in order (also the single-thread path).
            var builder = makeBuilder()
            let rest = withoutActuallyEscaping(emit) { emit in
                parseFeatureChunk(
                    from: position, until: Int.max, depth: depth, firstIndex: emitted, batchSize: batchSize, builder: &builder, emit: emit)
            }
            if let failure = rest.failure { throw failure }
            featureErrors? += rest.featureErrors
            closedAt = rest.end
        }
        index = closedAt! + 1
        leaveContainer()
    }
}
