import CPROJ

/// The single owner of one `PJ*` (a CRS or a coordinate operation).
///
/// It keeps its context alive, because PROJ objects refer to their context
/// until `proj_destroy`. Not Sendable: the object is used on the thread of its
/// context only.
final class PJObject {
    let pointer: OpaquePointer
    let context: PROJContext

    /// Takes ownership of `pointer`, which must come from a PROJ constructor on `context`.
    init(_ pointer: OpaquePointer, context: PROJContext) {
        self.pointer = pointer
        self.context = context
        liveHandles.retain()
    }

    deinit {
        proj_destroy(pointer)
        liveHandles.release()
    }
}
