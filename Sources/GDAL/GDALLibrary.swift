import CGDAL
import GeoCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the linked GDAL library, driver registration and the module's
/// handle bookkeeping.
///
/// ## The module at a glance
/// - `VectorDataset`: one open (or created) GDAL dataset (`GDALDatasetH`), closed in `deinit`.
/// - `VectorLayer`: a layer of a dataset (owned by the dataset, which it keeps alive);
///   reads every feature in bulk through the Arrow C stream (`OGR_L_GetArrowStream`)
///   into GeoCore `Feature`s, geometries decoded from WKB in Swift.
/// - `VectorFormat`: the writable/readable formats by file extension.
/// - `VectorWriter`: writes GeoCore features to a new file, atomically.
/// - `GDALError`: every failure, naming file, layer, FID and field, with GDAL's message.
///
/// ## Threading
/// Drivers are registered once per process (`ensureRegistered()`, thread safe).
/// GDAL's error state is thread-local; every call is wrapped so that the
/// message of a failure is captured on the thread that made it (a process-wide
/// error handler appends to a per-thread log instead of printing to stderr).
/// A dataset must be used by one thread at a time (GDAL's rule); the types are
/// not `Sendable`.
///
/// (Not named `GDAL`: a type with the module's name would shadow the module.)
public enum GDALLibrary {
    /// Counts every live GDAL object owned by this module: datasets, features,
    /// geometries, spatial references, coordinate transformations and Arrow
    /// streams. Tests assert it returns to its starting value.
    public static let handleCounter = HandleCounter(name: "GDAL")

    /// Number of GDAL objects currently alive (see `handleCounter`).
    public static var liveHandles: Int { handleCounter.liveCount }

    /// The GDAL version, e.g. `"3.6.2"` (`GDALVersionInfo("RELEASE_NAME")`).
    public static var version: String {
        ensureRegistered()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// Registers every driver and installs the capturing error handler, once per process.
    public static func ensureRegistered() { _ = registration }

    private static let registration: Void = {
        GDALAllRegister()
        // Messages go to a per-thread log (read by `GDALCall`), never to stderr.
        CPLSetErrorHandler(captureHandler)
    }()

    /// Whether a driver of that short name is available (e.g. `"OpenFileGDB"`).
    public static func hasDriver(_ name: String) -> Bool {
        ensureRegistered()
        return GDALGetDriverByName(name) != nil
    }
}

/// The messages GDAL reported on one thread since the last reset.
final class ErrorLog {
    var failures: [String] = []
    var warnings: [String] = []

    func reset() {
        failures.removeAll(keepingCapacity: true)
        warnings.removeAll(keepingCapacity: true)
    }

    static var current: ErrorLog {
        if let raw = pthread_getspecific(errorLogKey) {
            return Unmanaged<ErrorLog>.fromOpaque(raw).takeUnretainedValue()
        }
        let log = ErrorLog()
        _ = pthread_setspecific(errorLogKey, Unmanaged.passRetained(log).toOpaque())
        return log
    }
}

private let errorLogKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        guard let raw else { return }
        Unmanaged<ErrorLog>.fromOpaque(raw).release()
    }
    precondition(status == 0, "pthread_key_create failed (\(status))")
    return key
}()

private func captureHandler(_ level: CPLErr, _ number: CPLErrorNum, _ message: UnsafePointer<CChar>?) {
    let text = message.map { String(cString: $0) } ?? "error \(number)"
    let log = ErrorLog.current
    // Bounded: a file with a million bad records must not grow memory without limit.
    if level.rawValue >= CE_Failure.rawValue {
        if log.failures.count < 16 { log.failures.append(text) }
    } else if level == CE_Warning {
        if log.warnings.count < 64 { log.warnings.append(text) }
    }
}

/// Brackets GDAL calls: clears the thread's error state before, reads it after.
enum GDALCall {
    /// Clears GDAL's last error and the thread's captured log.
    static func reset() {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        ErrorLog.current.reset()
    }

    /// The message of the failure that just happened on this thread.
    static func message() -> String {
        let log = ErrorLog.current
        var parts = log.failures
        if let last = CPLGetLastErrorMsg().map({ String(cString: $0) }), !last.isEmpty, !parts.contains(last) {
            parts.append(last)
        }
        if parts.isEmpty { parts = log.warnings }
        log.reset()
        CPLErrorReset()
        return parts.isEmpty ? "GDAL reported failure without a message" : parts.joined(separator: "; ")
    }

    /// Whether a failure was reported since the last `reset()` (for calls that return nothing).
    static var failed: Bool {
        CPLGetLastErrorType().rawValue >= CE_Failure.rawValue || !ErrorLog.current.failures.isEmpty
    }

    /// Warnings captured since the last `reset()`.
    static func warnings() -> [String] { ErrorLog.current.warnings }
}

/// Calls `body` with a GDAL string list (`char **`, NULL-terminated "KEY=VALUE"
/// entries) built from `options`, freed afterwards.
func withOptionList<T>(_ options: [(String, String)], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T) rethrows -> T {
    var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    for (key, value) in options { list = CSLSetNameValue(list, key, value) }
    defer { CSLDestroy(list) }
    return try body(list)
}

/// Calls `body` with a NULL-terminated `const char *const *` of `strings`.
func withStringList<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
    guard !strings.isEmpty else { return try body(nil) }
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
    pointers.append(nil)
    return try pointers.withUnsafeBufferPointer { try body($0.baseAddress) }
}

/// `withOptionList` for functions taking `const char *const *`.
func withConstOptionList<T>(_ options: [(String, String)], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
    try withOptionList(options) { list in
        try body(list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) })
    }
}
