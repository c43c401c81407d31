#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where writers put their bytes: a growing in-memory buffer, or a file
/// descriptor fed in 1 MiB blocks so that huge outputs never sit in memory.
///
/// The bytes live in manually managed memory rather than a `[UInt8]`
/// property: a class's array property pays a dynamic exclusivity check and
/// a uniqueness check on every append, which cost ~15 % of writer time.
/// Not thread-safe: one writer owns a sink.
public final class ByteSink {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let fileDescriptor: Int32?
    private let path: String
    private static let blockSize = 1 << 20

    /// A sink that keeps everything in memory (see `buffer`).
    public init() {
        fileDescriptor = nil
        path = "<memory>"
        capacity = 1 << 16
        storage = .allocate(capacity: capacity)
    }

    /// A sink that writes to an open file descriptor (not closed by the sink).
    /// `path` names the file in error messages.
    public init(fileDescriptor: Int32, path: String) {
        self.fileDescriptor = fileDescriptor
        self.path = path
        capacity = Self.blockSize + (1 << 16)
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes not yet flushed (everything, for a memory sink).
    public var buffer: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Everything written, as a String (memory sinks).
    public var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    private func grow(toHold extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > capacity { grow(toHold: n) }
        (storage + count).update(from: bytes.baseAddress!, count: n)
        count += n
    }

    @inline(__always)
    func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Hands full blocks to the file; a no-op for memory sinks.
    @inline(__always)
    func flushIfFull() throws {
        if fileDescriptor != nil && count >= Self.blockSize { try flush() }
    }

    /// Writes out everything buffered (file sinks; a no-op for memory sinks).
    public func flush() throws {
        guard let fileDescriptor, count > 0 else { return }
        try FileIO.writeAll(fd: fileDescriptor, UnsafeRawBufferPointer(start: storage, count: count), path: path)
        count = 0
    }
}
