import CPROJ
import GeoCore

/// Reprojects coordinates between two CRSs, always in (lon, lat) / (easting, northing) order.
///
/// **Threads.** A `Transformer` is a Sendable value holding only the two CRS
/// descriptions; use one from any number of threads at once. Each thread that
/// transforms gets its own PROJ operation (built with
/// `proj_create_crs_to_crs_from_pj` then `proj_normalize_for_visualization` in
/// that thread's context) from a small per-thread cache keyed by the pair of
/// definitions, so repeated use costs no proj.db work and no locking. Cached
/// operations are freed at thread exit or by `releaseCachedTransformations()`.
///
/// **Axis order.** PROJ's authority order for EPSG:4326 is (lat, lon); the
/// normalisation makes every geographic CRS (lon, lat) and every projected
/// CRS (easting, northing), the order of GeoJSON and of `Position`.
///
/// **Batch.** A coordinate sequence crosses into PROJ as its flat buffer in a
/// single `proj_trans_generic` call (stride = dimension × 8 bytes; z when `hasZ`).
public struct Transformer: Sendable, Hashable {
    /// The CRS of the input coordinates.
    public let source: CoordinateReferenceSystem
    /// The CRS of the output coordinates.
    public let target: CoordinateReferenceSystem
    /// When true, the operation built for (target, source) runs in `PJ_INV`, so that
    /// `inverse` undoes exactly the operation PROJ chose, not a newly chosen one.
    private let runsBackward: Bool

    /// Prepares the transformation on the calling thread, so that an impossible pair fails here.
    /// - Throws: `PROJError.noTransformation` (or a CRS error) with PROJ's message.
    public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws(PROJError) {
        self.source = source
        self.target = target
        self.runsBackward = false
        _ = try operationOnCurrentThread()
    }

    private init(source: CoordinateReferenceSystem, target: CoordinateReferenceSystem, runsBackward: Bool) {
        self.source = source
        self.target = target
        self.runsBackward = runsBackward
    }

    /// The transformation from `target` back to `source`, using the same PROJ operation inverted.
    public var inverse: Transformer {
        Transformer(source: target, target: source, runsBackward: !runsBackward)
    }

    /// Transforms every position of `sequence` in one `proj_trans_generic` call.
    /// Heights are transformed when `sequence.hasZ` (otherwise taken as 0 and not returned).
    /// - Throws: `PROJError.positionFailed` with the index of the first position PROJ could not
    ///   transform (PROJ marks those with `HUGE_VAL`), PROJ's error code and message.
    public func transform(_ sequence: CoordinateSequence) throws(PROJError) -> CoordinateSequence {
        var out = sequence
        try transform(&out, firstIndex: 0)
        return out
    }

    /// Transforms one position.
    public func transform(_ position: Position) throws(PROJError) -> Position {
        try transform(CoordinateSequence([position]))[0]
    }

    /// Transforms every coordinate of `geometry`, one PROJ call per coordinate sequence.
    /// A failure reports the index of the position counted over the whole geometry, depth first.
    public func transform(_ geometry: Geometry) throws(PROJError) -> Geometry {
        var offset = 0
        do {
            return try geometry.mapSequences { sequence in
                var out = sequence
                try transform(&out, firstIndex: offset)
                offset += sequence.count
                return out
            }
        } catch let error as PROJError {
            throw error
        } catch {
            // mapSequences is rethrows over an untyped closure; only PROJError is thrown above.
            throw .positionFailed(index: offset, code: 0, message: "\(error)")
        }
    }

    private func transform(_ sequence: inout CoordinateSequence, firstIndex: Int) throws(PROJError) {
        let count = sequence.count
        guard count > 0 else { return }
        let operation = try operationOnCurrentThread()
        let dimension = sequence.dimension
        let hasZ = sequence.hasZ
        let stride = dimension * MemoryLayout<Double>.stride
        let direction = runsBackward ? PJ_INV : PJ_FWD
        let failure: Int? = withExtendedLifetime(operation) {
            sequence.storage.withUnsafeMutableBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                proj_errno_reset(operation.pointer)
                _ = proj_trans_generic(
                    operation.pointer, direction,
                    base, stride, count,
                    base + 1, stride, count,
                    hasZ ? base + 2 : nil, hasZ ? stride : 0, hasZ ? count : 0,
                    nil, 0, 0)
                // PROJ writes HUGE_VAL for positions it cannot transform and carries on.
                for i in 0..<count {
                    let b = i * dimension
                    if !buffer[b].isFinite || !buffer[b + 1].isFinite || (hasZ && !buffer[b + 2].isFinite) {
                        return i
                    }
                }
                return nil
            }
        }
        if let failure {
            let code = proj_errno(operation.pointer)
            let e = operation.context.takeError(code: code == 0 ? nil : code)
            proj_errno_reset(operation.pointer)
            let message = e.code == 0 ? "coordinate could not be transformed (not finite)" : e.message
            throw .positionFailed(index: firstIndex + failure, code: e.code, message: message)
        }
    }

    /// The calling thread's normalised operation for (from, to) in PROJ's forward direction.
    private func operationOnCurrentThread() throws(PROJError) -> PJObject {
        let (from, to) = runsBackward ? (target, source) : (source, target)
        let state = try ThreadPROJ.current()
        let key = TransformationKey(source: from.definition, target: to.definition)
        return try state.transformations.object(for: key) { () throws(PROJError) -> PJObject in
            try Self.makeOperation(from: from, to: to, context: state.context)
        }
    }

    private static func makeOperation(
        from: CoordinateReferenceSystem, to: CoordinateReferenceSystem, context: PROJContext
    ) throws(PROJError) -> PJObject {
        let sourceObject = try from.makeObject(in: context)
        let targetObject = try to.makeObject(in: context)
        context.resetErrors()
        let ctx = context.pointer
        guard let raw = context.adoptedObject(
            proj_create_crs_to_crs_from_pj(ctx, sourceObject.pointer, targetObject.pointer, nil, nil))
        else {
            let e = context.takeError()
            throw .noTransformation(source: from.definition, target: to.definition, code: e.code, message: e.message)
        }
        guard let normalised = context.adoptedObject(proj_normalize_for_visualization(ctx, raw.pointer)) else {
            let e = context.takeError()
            throw .noTransformation(source: from.definition, target: to.definition, code: e.code, message: e.message)
        }
        return normalised
    }
}
