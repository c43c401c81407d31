import CGEOS
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One GEOS context (`GEOS_init_r`) per thread, with the last messages GEOS
/// reported on it and lazily created WKT/WKB readers and writers.
///
/// Threading model (the one shapely 2 uses): every thread gets its own
/// context, created on first use and reused by every later call on that
/// thread; it is freed (`GEOS_finish_r`) by a pthread-key destructor when the
/// thread exits. A context is never shared, so its message slots and its
/// reader/writer objects need no lock. Geometries are not tied to the context
/// that made them: GEOS geometries use the process-wide default factory, so a
/// `GeometryHandle` created on one thread may be read (and freed) on another.
final class GEOSContext {
    /// Contexts currently alive in the process (one per thread that used GEOS);
    /// lets tests check that a thread's context is freed when it exits.
    static let liveCount = Atomic<Int>(0)

    let handle: GEOSContextHandle_t
    /// The last message given to the error handler, cleared when read by `failure(_:)`.
    var lastError: String?
    /// The last notice (GEOS sends e.g. validity reasons as notices).
    var lastNotice: String?

    private var wktReaderPointer: OpaquePointer?
    private var wktWriterPointer: OpaquePointer?
    private var wkbReaderPointer: OpaquePointer?
    private var wkbWriterPointer: OpaquePointer?

    private init?() {
        guard let handle = GEOS_init_r() else { return nil }
        self.handle = handle
        // The handlers receive this object through the user-data pointer, not a
        // captured closure; the pthread key's retain keeps it alive for as long
        // as the context exists.
        let userData = Unmanaged.passUnretained(self).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, geosErrorHandler, userData)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, geosNoticeHandler, userData)
        GEOSContext.liveCount.wrappingAdd(1, ordering: .relaxed)
    }

    deinit {
        if let p = wktReaderPointer { GEOSWKTReader_destroy_r(handle, p) }
        if let p = wktWriterPointer { GEOSWKTWriter_destroy_r(handle, p) }
        if let p = wkbReaderPointer { GEOSWKBReader_destroy_r(handle, p) }
        if let p = wkbWriterPointer { GEOSWKBWriter_destroy_r(handle, p) }
        GEOS_finish_r(handle)
        GEOSContext.liveCount.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The calling thread's context, created on first use.
    static var current: GEOSContext {
        get throws(GEOSError) {
            if let raw = pthread_getspecific(contextKey) {
                return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
            }
            guard let context = GEOSContext() else {
                throw .library(operation: "GEOS_init_r", message: "could not create a GEOS context")
            }
            let raw = Unmanaged.passRetained(context).toOpaque()
            guard pthread_setspecific(contextKey, raw) == 0 else {
                Unmanaged<GEOSContext>.fromOpaque(raw).release()
                throw .library(operation: "pthread_setspecific", message: "could not store the GEOS context")
            }
            return context
        }
    }

    /// The error for a failed call: GEOS's last message, or a generic one when
    /// GEOS failed without saying why.
    func failure(_ operation: String) -> GEOSError {
        let message = lastError ?? "GEOS reported failure without a message"
        lastError = nil
        return .library(operation: operation, message: message)
    }

    /// Clears stale messages before a call whose notices matter.
    func clearMessages() {
        lastError = nil
        lastNotice = nil
    }

    var wktReader: OpaquePointer {
        get throws(GEOSError) {
            if let p = wktReaderPointer { return p }
            guard let p = GEOSWKTReader_create_r(handle) else { throw failure("GEOSWKTReader_create_r") }
            wktReaderPointer = p
            return p
        }
    }

    var wktWriter: OpaquePointer {
        get throws(GEOSError) {
            if let p = wktWriterPointer { return p }
            guard let p = GEOSWKTWriter_create_r(handle) else { throw failure("GEOSWKTWriter_create_r") }
            // Write Z when present, in ISO form ("POINT Z (1 2 3)").
            GEOSWKTWriter_setOutputDimension_r(handle, p, 3)
            GEOSWKTWriter_setOld3D_r(handle, p, 0)
            wktWriterPointer = p
            return p
        }
    }

    var wkbReader: OpaquePointer {
        get throws(GEOSError) {
            if let p = wkbReaderPointer { return p }
            guard let p = GEOSWKBReader_create_r(handle) else { throw failure("GEOSWKBReader_create_r") }
            wkbReaderPointer = p
            return p
        }
    }

    var wkbWriter: OpaquePointer {
        get throws(GEOSError) {
            if let p = wkbWriterPointer { return p }
            guard let p = GEOSWKBWriter_create_r(handle) else { throw failure("GEOSWKBWriter_create_r") }
            // GEOS 3.11 writes 2-D WKB by default; 3 keeps Z when the geometry has it.
            GEOSWKBWriter_setOutputDimension_r(handle, p, 3)
            wkbWriterPointer = p
            return p
        }
    }
}

/// The pthread key under which each thread keeps its retained `GEOSContext`;
/// the destructor releases it when the thread exits.
private let contextKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        guard let raw else { return }
        Unmanaged<GEOSContext>.fromOpaque(raw).release()
    }
    // Without a key there is no per-thread context at all; nothing can work.
    precondition(status == 0, "pthread_key_create failed (\(status)): out of thread-specific keys")
    return key
}()

private func geosErrorHandler(_ message: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {
    guard let message, let userData else { return }
    Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().lastError = String(cString: message)
}

private func geosNoticeHandler(_ message: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {
    guard let message, let userData else { return }
    Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().lastNotice = String(cString: message)
}
