import GeoCore

extension ByteScanner {
    /// Parses any JSON value at the cursor into a `JSONValue`.
    ///
    /// Integers that fit in Int64 stay exact; other numbers become Double.
    /// Duplicate object keys: the last value wins, kept at the position of the
    /// first occurrence (RFC 8259 leaves this open; it is what most parsers do).
    mutating func parseValue() throws -> JSONValue {
        switch peekToken() {
        case ASCII.openBrace: return .object(try parseObject())
        case ASCII.openBracket: return .array(try parseArray())
        case ASCII.quote: return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case ASCII.minus, ASCII.zero...ASCII.nine:
            switch try parseNumberValue() {
            case .integer(let i): return .integer(i)
            case .double(let d): return .double(d)
            }
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw syntaxError("non-finite number (NaN/Infinity are not JSON)")
        default:
            throw failure(expected: "a JSON value")
        }
    }

    /// Parses an object at the cursor (after optional whitespace).
    mutating func parseObject() throws -> JSONObject {
        var object = JSONObject()
        try forEachMember { scanner, key in
            let name = scanner.string(of: key)
            let value = try scanner.parseValue()
            if object.count > 0, object[name] != nil {
                object[name] = value
            } else {
                object.append(key: name, value: value)
            }
        }
        return object
    }

    /// Parses an array at the cursor (after optional whitespace).
    mutating func parseArray() throws -> [JSONValue] {
        var array: [JSONValue] = []
        try forEachElement(of: "array") { scanner in array.append(try scanner.parseValue()) }
        return array
    }

    /// Walks an object's members: `body` receives the scanned key with the
    /// cursor just after the ':' and must consume exactly the value.
    @inline(__always)
    mutating func forEachMember(_ body: (inout ByteScanner, ScannedString) throws -> Void) throws {
        try expect(ASCII.openBrace, "'{'")
        try enterContainer()
        if peekToken() == ASCII.closeBrace {
            index += 1
            leaveContainer()
            return
        }
        while true {
            skipWhitespace()
            guard current == ASCII.quote else { throw failure(expected: "'\"' (object key)") }
            let key = try scanString()
            try expect(ASCII.colon, "':' after object key")
            try body(&self, key)
            let next = peekToken()
            index += 1
            if next == ASCII.comma { continue }
            if next == ASCII.closeBrace { break }
            index -= 1
            throw failure(expected: "',' or '}' in object")
        }
        leaveContainer()
    }

    /// Walks an array's elements: `body` must consume exactly one element.
    /// `context` names the array in messages ("coordinates array", …).
    @inline(__always)
    mutating func forEachElement(of context: @autoclosure () -> String, _ body: (inout ByteScanner) throws -> Void) throws {
        try expect(ASCII.openBracket, "'[' (\(context()))")
        try enterContainer()
        if peekToken() == ASCII.closeBracket {
            index += 1
            leaveContainer()
            return
        }
        while true {
            try body(&self)
            let next = peekToken()
            index += 1
            if next == ASCII.comma { continue }
            if next == ASCII.closeBracket { break }
            index -= 1
            throw failure(expected: "',' or ']' in \(context())")
        }
        leaveContainer()
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let n = literal.utf8CodeUnitCount
        let start = index
        var k = 0
        while k < n {
            guard index < end, bytes[index] == literal.utf8Start[k] else {
                if index >= end { throw syntaxError("unexpected end of input in literal '\(literal)'") }
                if bytes[start] == UInt8(ascii: "N") || bytes[start] == UInt8(ascii: "I") {
                    throw syntaxError("non-finite number (NaN/Infinity are not JSON)", at: start)
                }
                throw syntaxError("invalid literal, expected '\(literal)'", at: start)
            }
            index += 1
            k += 1
        }
    }

    /// Consumes one value of any type without building it (still validating
    /// strings, numbers and nesting). Used by the `"type"` look-ahead.
    mutating func skipValue() throws {
        switch peekToken() {
        case ASCII.openBrace: try forEachMember { scanner, _ in try scanner.skipValue() }
        case ASCII.openBracket: try forEachElement(of: "array") { scanner in try scanner.skipValue() }
        case ASCII.quote: _ = try scanString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: _ = try parseValue()  // numbers, and the error for anything else
        }
    }

    /// Fails unless only whitespace remains.
    mutating func expectEndOfInput() throws {
        skipWhitespace()
        if index < end { throw syntaxError("trailing characters after the JSON value: \(describeByte(bytes[index]))") }
    }
}
