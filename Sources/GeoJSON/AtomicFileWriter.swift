#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic file replacement: write a temporary file in the destination's
/// directory, `fsync` it, then `rename(2)` it over the destination (atomic on
/// POSIX file systems within one directory). A reader sees the old file or
/// the complete new one, never a half-written file.
public enum AtomicFileWriter {
    /// Runs `body` with a sink onto a temporary file, then moves it to `path`.
    /// If `body` or any step throws, the temporary file is removed and the
    /// destination is left untouched.
    public static func write(to path: String, _ body: (ByteSink) throws -> Void) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let base = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw GeoJSONError.io(path: path, message: "cannot create a temporary file: \(FileIO.systemMessage())")
        }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var closed = false
        do {
            let sink = ByteSink(fileDescriptor: fd, path: path)
            try body(sink)
            try sink.flush()
            // mkstemp creates 0600; give the file the usual permissions (umask applies).
            let mask = umask(0)
            umask(mask)
            _ = fchmod(fd, 0o666 & ~mask)
            guard fsync(fd) == 0 else { throw GeoJSONError.io(path: path, message: "cannot sync: \(FileIO.systemMessage())") }
            closed = true
            guard close(fd) == 0 else { throw GeoJSONError.io(path: path, message: "cannot close: \(FileIO.systemMessage())") }
            guard rename(temporaryPath, path) == 0 else {
                throw GeoJSONError.io(path: path, message: "cannot rename the temporary file: \(FileIO.systemMessage())")
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporaryPath)
            throw error
        }
    }
}
