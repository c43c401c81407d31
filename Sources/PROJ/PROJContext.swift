import CPROJ

/// Owns one `PJ_CONTEXT*`: created with network access off and errors logged
/// into memory (not to stderr) so that they can be attached to `PROJError`.
///
/// Not Sendable: a context belongs to the thread that created it (PROJ's rule).
final class PROJContext {
    let pointer: OpaquePointer
    private let log = LogCapture()

    init() throws(PROJError) {
        guard let ctx = proj_context_create() else { throw .contextUnavailable }
        pointer = ctx
        // Offline by design: grids come from the local proj.db/proj-data only,
        // so results do not depend on the CDN being reachable.
        _ = proj_context_set_enable_network(ctx, 0)
        _ = proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(log).toOpaque()) { appData, _, message in
            guard let appData, let message else { return }
            Unmanaged<LogCapture>.fromOpaque(appData).takeUnretainedValue().append(String(cString: message))
        }
        liveContexts.retain()
    }

    deinit {
        proj_context_destroy(pointer)
        liveContexts.release()
    }

    /// Forgets earlier log lines, so the next error message describes only what follows.
    /// (PROJ has no public reset of the context errno; it is read only after a
    /// failure, which sets it.)
    func resetErrors() {
        log.clear()
    }

    /// The context's error code and message (errno string + logged text), then resets.
    func takeError(code explicitCode: Int32? = nil) -> (code: Int, message: String) {
        let code = explicitCode ?? proj_context_errno(pointer)
        var parts: [String] = []
        if code != 0, let s = proj_context_errno_string(pointer, code) { parts.append(String(cString: s)) }
        parts.append(contentsOf: log.messages)
        resetErrors()
        return (Int(code), parts.isEmpty ? "unknown PROJ error" : parts.joined(separator: ": "))
    }

    /// Takes ownership of a possibly-NULL PROJ result created on this context.
    func adoptedObject(_ result: OpaquePointer?) -> PJObject? {
        result.map { PJObject($0, context: self) }
    }

    /// Builds an object with `proj_create` (WKT, PROJ string, PROJJSON, "AUTH:CODE", URN).
    /// Errors name `reportedAs` (the user's text) when the definition was adapted for PROJ.
    func create(_ definition: String, reportedAs: String? = nil) throws(PROJError) -> PJObject {
        resetErrors()
        guard let pj = proj_create(pointer, definition) else {
            let e = takeError()
            throw .invalidDefinition(definition: reportedAs ?? definition, code: e.code, message: e.message)
        }
        return PJObject(pj, context: self)
    }

    /// Builds a CRS with `proj_create_from_database` ("EPSG", "4544").
    func createFromDatabase(authority: String, code: String) throws(PROJError) -> PJObject {
        resetErrors()
        guard let pj = proj_create_from_database(pointer, authority, code, PJ_CATEGORY_CRS, 0, nil) else {
            let e = takeError()
            throw .invalidDefinition(definition: "\(authority):\(code)", code: e.code, message: e.message)
        }
        return PJObject(pj, context: self)
    }
}

/// Collects PROJ's log lines for the current operation.
private final class LogCapture {
    private(set) var messages: [String] = []
    func append(_ message: String) {
        // Bounded: a pathological input must not grow memory without limit.
        if messages.count < 8 { messages.append(message) }
    }
    func clear() { messages.removeAll(keepingCapacity: true) }
}
