#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where writers put their bytes: a growing in-memory buffer, or a file
/// descriptor fed in 1 MiB blocks so that huge outputs never sit in memory.
///
/// Not thread-safe: one writer owns a sink.
public final class ByteSink {
    /// Bytes not yet flushed (all of them for a memory sink).
    public private(set) var buffer: [UInt8] = []
    private let fileDescriptor: Int32?
    private let path: String
    private let blockSize = 1 << 20

    /// A sink that keeps everything in `buffer`.
    public init() {
        fileDescriptor = nil
        path = "<memory>"
        buffer.reserveCapacity(1 << 16)
    }

    /// A sink that writes to an open file descriptor (not closed by the sink).
    /// `path` names the file in error messages.
    public init(fileDescriptor: Int32, path: String) {
        self.fileDescriptor = fileDescriptor
        self.path = path
        buffer.reserveCapacity(blockSize + (1 << 16))
    }

    /// Everything written, as a String (memory sinks).
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    @inline(__always)
    func append(_ byte: UInt8) { buffer.append(byte) }

    @inline(__always)
    func append(_ literal: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }

    /// Hands full blocks to the file; a no-op for memory sinks.
    @inline(__always)
    func flushIfFull() throws {
        if fileDescriptor != nil && buffer.count >= blockSize { try flush() }
    }

    /// Writes out everything buffered (file sinks).
    public func flush() throws {
        guard let fileDescriptor, !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try FileIO.writeAll(fd: fileDescriptor, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }
}
