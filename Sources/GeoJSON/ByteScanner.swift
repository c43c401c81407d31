/// ASCII codes the scanner dispatches on.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let recordSeparator: UInt8 = 0x1E
}

/// A forward-only cursor over UTF-8 JSON bytes (RFC 8259).
///
/// It works on a raw pointer that the caller keeps alive (the reader runs
/// inside `withUnsafeBufferPointer`), never indexes `String`/`Character`, and
/// tracks no line numbers: locations are computed from the byte offset only
/// when an error is thrown. Structural reads return `0` past the end, which
/// no caller accepts, so end-of-input surfaces as an ordinary "expected …"
/// failure that `failure(expected:)` rewords.
struct ByteScanner {
    let input: UnsafeBufferPointer<UInt8>
    let bytes: UnsafePointer<UInt8>
    let end: Int
    var index: Int
    /// Current array/object nesting; capped by `maxDepth` so hostile input
    /// (10 000 `[`) fails with an error instead of overflowing the stack.
    var depth = 0
    let maxDepth: Int
    /// Index of the feature (or sequence record) being read, for messages.
    var featureIndex: Int?
    let fileName: String?
    /// GeoJSON rule: reject unclosed rings (true) or close them (false).
    var strictRings = true
    /// When non-nil, structural errors inside one element of a `features`
    /// array are collected here instead of thrown (see `parseFeatureElement`).
    var featureErrors: [GeoJSONError]?
    /// Decoded bytes of the last string that contained escapes.
    var scratch: [UInt8] = []

    /// - Precondition: `input` is non-empty (callers report empty input themselves).
    init(input: UnsafeBufferPointer<UInt8>, fileName: String?, maxDepth: Int) {
        self.input = input
        self.bytes = input.baseAddress!
        self.end = input.count
        self.index = 0
        self.fileName = fileName
        self.maxDepth = maxDepth
        scratch.reserveCapacity(256)
    }

    // MARK: Bytes and whitespace

    /// The byte at the cursor, or 0 at the end.
    @inline(__always)
    var current: UInt8 { index < end ? bytes[index] : 0 }

    @inline(__always)
    var isAtEnd: Bool { index >= end }

    /// Skips JSON whitespace (space, tab, LF, CR).
    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let b = bytes[index]
            if b > ASCII.space { return }
            guard b == ASCII.space || b == ASCII.newline || b == ASCII.carriageReturn || b == ASCII.tab else { return }
            index += 1
        }
    }

    /// Skips whitespace and returns the next byte (0 at the end) without consuming it.
    @inline(__always)
    mutating func peekToken() -> UInt8 {
        skipWhitespace()
        return current
    }

    /// Skips whitespace and consumes `byte`, or fails with "expected `what`".
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws {
        skipWhitespace()
        guard index < end, bytes[index] == byte else { throw failure(expected: what()) }
        index += 1
    }

    /// Skips a UTF-8 byte order mark at the very start (RFC 8259 §8.1 lets
    /// parsers ignore one; we accept it rather than reject files from Windows tools).
    mutating func skipByteOrderMark() {
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, index == 0 { index = 3 }
    }

    // MARK: Nesting

    @inline(__always)
    mutating func enterContainer() throws {
        depth += 1
        if depth > maxDepth {
            throw syntaxError("nesting deeper than \(maxDepth) levels")
        }
    }

    @inline(__always)
    mutating func leaveContainer() { depth -= 1 }

    // MARK: Errors

    func location(at offset: Int) -> SourceLocation {
        SourceLocation.locate(offset: offset, in: input, file: fileName, featureIndex: featureIndex)
    }

    func syntaxError(_ message: String, at offset: Int? = nil) -> GeoJSONError {
        .malformedJSON(location(at: offset ?? index), message: message)
    }

    func structureError(_ message: String, at offset: Int? = nil) -> GeoJSONError {
        .invalidGeoJSON(location(at: offset ?? index), message: message)
    }

    /// "expected X" with what was found instead, or "unexpected end of input".
    func failure(expected what: String) -> GeoJSONError {
        if index >= end { return syntaxError("unexpected end of input, expected \(what)") }
        return syntaxError("expected \(what), found \(describeByte(bytes[index]))")
    }

    func describeByte(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }
}
