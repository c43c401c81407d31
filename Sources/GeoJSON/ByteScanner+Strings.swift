#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a scanned string: either a run of the input (no escapes, the
/// common case, no copy) or the scanner's scratch buffer (escapes decoded).
struct ScannedString {
    let start: Int
    let count: Int
    let isEscaped: Bool
}

extension ByteScanner {
    /// Scans a JSON string that starts at the cursor (after whitespace), validating
    /// UTF-8 and rejecting raw control characters (RFC 8259 §7).
    ///
    /// The fast loop only looks for `"`, `\`, bytes < 0x20 and non-ASCII lead
    /// bytes; the first backslash switches to the decoding loop, which copies
    /// into `scratch`.
    @inline(__always)
    mutating func scanString() throws -> ScannedString {
        skipWhitespace()
        guard current == ASCII.quote else { throw failure(expected: "'\"' (string)") }
        index += 1
        let start = index
        while index < end {
            let b = bytes[index]
            if b == ASCII.quote {
                index += 1
                return ScannedString(start: start, count: index - 1 - start, isEscaped: false)
            }
            if b == ASCII.backslash {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: index - start))
                try decodeEscapedTail()
                return ScannedString(start: 0, count: scratch.count, isEscaped: true)
            }
            if b < ASCII.space { throw syntaxError("raw control character \(describeByte(b)) in string (must be escaped)") }
            if b < 0x80 { index += 1 } else { index += try validateUTF8Scalar() }
        }
        throw syntaxError("unexpected end of input inside a string", at: start - 1)
    }

    /// Continues a string after its first backslash, appending decoded bytes to `scratch`.
    private mutating func decodeEscapedTail() throws {
        while index < end {
            let b = bytes[index]
            if b == ASCII.quote {
                index += 1
                return
            }
            if b == ASCII.backslash {
                try decodeEscape()
            } else if b < ASCII.space {
                throw syntaxError("raw control character \(describeByte(b)) in string (must be escaped)")
            } else if b < 0x80 {
                scratch.append(b)
                index += 1
            } else {
                let n = try validateUTF8Scalar()
                scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + index, count: n))
                index += n
            }
        }
        throw syntaxError("unexpected end of input inside a string")
    }

    private mutating func decodeEscape() throws {
        let escapeStart = index
        index += 1
        guard index < end else { throw syntaxError("unexpected end of input inside a string") }
        let c = bytes[index]
        index += 1
        switch c {
        case ASCII.quote: scratch.append(ASCII.quote)
        case ASCII.backslash: scratch.append(ASCII.backslash)
        case ASCII.slash: scratch.append(ASCII.slash)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(ASCII.newline)
        case UInt8(ascii: "r"): scratch.append(ASCII.carriageReturn)
        case UInt8(ascii: "t"): scratch.append(ASCII.tab)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < end, bytes[index] == ASCII.backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw syntaxError("unpaired high surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escapeStart)
                }
                index += 2
                let low = try readHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw syntaxError("high surrogate not followed by a low surrogate", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw syntaxError("unpaired low surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escapeStart)
            }
            appendUTF8(scalar)
        default:
            throw syntaxError("invalid escape '\\\(describeByte(c))' in string", at: escapeStart)
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= end else { throw syntaxError("unexpected end of input in \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: throw syntaxError("expected 4 hex digits in \\u escape, found \(describeByte(b))")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks the multi-byte UTF-8 sequence at the cursor (Unicode 15 Table
    /// 3-7: no overlongs, no surrogates, nothing above U+10FFFF) and returns its length.
    private func validateUTF8Scalar() throws -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw invalidUTF8("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard index + length <= end else { throw invalidUTF8("truncated UTF-8 sequence") }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { throw invalidUTF8("invalid UTF-8 sequence") }
        var k = 2
        while k < length {
            guard bytes[index + k] & 0xC0 == 0x80 else { throw invalidUTF8("invalid UTF-8 sequence") }
            k += 1
        }
        return length
    }

    // MARK: Producing values

    /// Scans a string and returns it as a Swift `String` (already validated UTF-8).
    mutating func parseString() throws -> String {
        let s = try scanString()
        return string(of: s)
    }

    func string(of s: ScannedString) -> String {
        if s.isEscaped {
            return scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
        return String(decoding: UnsafeBufferPointer(start: bytes + s.start, count: s.count), as: UTF8.self)
    }

    /// Whether the scanned string equals an ASCII literal, without making a `String`.
    @inline(__always)
    func equals(_ s: ScannedString, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard s.count == n else { return false }
        if n == 0 { return true }
        if s.isEscaped {
            return scratch.withUnsafeBufferPointer { memcmp($0.baseAddress!, literal.utf8Start, n) == 0 }
        }
        return memcmp(bytes + s.start, literal.utf8Start, n) == 0
    }
}
