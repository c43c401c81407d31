#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// PROJ state of one thread: its context and its cache of ready transformations.
///
/// PROJ objects are not thread-safe and belong to one context, so each thread
/// gets its own, created lazily on first use, reused by every later call on
/// that thread, and destroyed when the thread exits (pthread key destructor).
final class ThreadPROJ {
    let context: PROJContext
    var transformations = TransformationCache(capacity: 32)

    private init() throws(PROJError) {
        context = try PROJContext()
    }

    /// The calling thread's state, created on first use.
    static func current() throws(PROJError) -> ThreadPROJ {
        if let raw = pthread_getspecific(threadStateKey) {
            return Unmanaged<ThreadPROJ>.fromOpaque(raw).takeUnretainedValue()
        }
        let state = try ThreadPROJ()
        // The key holds one retain, given back by the destructor at thread exit.
        _ = pthread_setspecific(threadStateKey, Unmanaged.passRetained(state).toOpaque())
        return state
    }

    /// The calling thread's state if it already exists (never creates one).
    static var existing: ThreadPROJ? {
        pthread_getspecific(threadStateKey).map { Unmanaged<ThreadPROJ>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// Destroys the cached transformations of the calling thread now, instead of at
/// thread exit. Long-lived worker threads (e.g. Dispatch's pool) may call it
/// when they are done with PROJ; tests call it before reading `liveHandles`.
/// The thread's context stays; it is cheap and is reused next time.
public func releaseCachedTransformations() {
    ThreadPROJ.existing?.transformations.removeAll()
}

private let threadStateKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        guard let raw else { return }
        Unmanaged<ThreadPROJ>.fromOpaque(raw).release()
    }
    // Failure means the process ran out of TLS keys: a system fault, not bad input.
    precondition(status == 0, "pthread_key_create failed (\(status))")
    return key
}()
