#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and raw descriptor writes with POSIX calls, errors as `GeoJSONError.io`.
enum FileIO {
    static func systemMessage(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Reads the whole file at `path`.
    static func readAll(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GeoJSONError.io(path: path, message: "cannot open: \(systemMessage())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GeoJSONError.io(path: path, message: "cannot stat: \(systemMessage())") }
        // Sized from fstat (one byte more, to see the end), grown if the file is a pipe or still
        // growing. Read into uninitialised capacity: zeroing 273 MB first cost a pass over it.
        var filled = 0
        var failure: Int32?
        let firstRead = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: firstRead) { buffer, count in
            while filled < firstRead {
                let n = read(fd, buffer.baseAddress! + filled, firstRead - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if let failure { throw GeoJSONError.io(path: path, message: "cannot read: \(systemMessage(failure))") }
        // Filled to the last byte: the file is longer than fstat said.
        var full = filled == firstRead
        while full {
            full = false
            bytes.append(contentsOf: repeatElement(0, count: max(1 << 16, bytes.count)))
            while true {
                let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw GeoJSONError.io(path: path, message: "cannot read: \(systemMessage())")
                }
                if n == 0 { break }
                filled += n
                if filled == bytes.count {
                    full = true
                    break
                }
            }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Writes all of `buffer` to `fd`, retrying short writes and EINTR.
    static func writeAll(fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw GeoJSONError.io(path: path, message: "cannot write: \(systemMessage())")
            }
            offset += n
        }
    }
}
