#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pieces of a JSON number literal, as scanned (RFC 8259 §6 grammar).
struct ScannedNumber {
    /// The first up to 19 significant digits as an integer.
    var mantissa: UInt64
    /// Decimal exponent to apply to `mantissa` (fraction digits and `e` folded in).
    var exponent10: Int
    var isNegative: Bool
    /// No fraction and no exponent: an integer literal.
    var isInteger: Bool
    /// More than 19 significant digits: `mantissa` was truncated.
    var isTruncated: Bool
    /// Byte range of the literal, for the `strtod` fallback.
    var start: Int
    var end: Int
}

/// Exact powers of ten representable in a Double (10^0 … 10^22).
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

extension ByteScanner {
    /// Scans a number at the cursor, enforcing the RFC 8259 grammar: optional
    /// `-` (never `+`), no leading zeros, at least one digit after `.` and in
    /// the exponent. `NaN`/`Infinity` never reach here (they are not numbers).
    @inline(__always)
    mutating func scanNumber() throws -> ScannedNumber {
        let start = index
        var negative = false
        if current == ASCII.minus {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedIntegerDigits = 0
        let firstDigit = current
        if firstDigit == ASCII.zero {
            index += 1
            if index < end, bytes[index] &- ASCII.zero < 10 {
                throw syntaxError("leading zeros are not allowed in numbers", at: start)
            }
        } else if firstDigit &- ASCII.zero < 10 {
            while index < end {
                let d = bytes[index] &- ASCII.zero
                if d >= 10 { break }
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significantDigits += 1
                } else {
                    droppedIntegerDigits += 1
                }
                index += 1
            }
        } else {
            throw numberFailure(start: start)
        }
        var exponent = droppedIntegerDigits
        var isInteger = true
        if index < end, bytes[index] == ASCII.dot {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < end {
                let d = bytes[index] &- ASCII.zero
                if d >= 10 { break }
                if significantDigits < 19 {
                    if mantissa != 0 || d != 0 { significantDigits += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    exponent -= 1
                } else {
                    droppedIntegerDigits += 1
                }
                index += 1
            }
            if index == fractionStart { throw syntaxError("expected a digit after '.' in number", at: index) }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == ASCII.minus || bytes[index] == ASCII.plus {
                exponentNegative = bytes[index] == ASCII.minus
                index += 1
            }
            let exponentStart = index
            var written = 0
            while index < end {
                let d = bytes[index] &- ASCII.zero
                if d >= 10 { break }
                // Saturate: anything past 10^6 is already 0 or overflow.
                if written < 1_000_000 { written = written * 10 + Int(d) }
                index += 1
            }
            if index == exponentStart { throw syntaxError("expected a digit in number exponent", at: index) }
            exponent += exponentNegative ? -written : written
        }
        return ScannedNumber(
            mantissa: mantissa, exponent10: exponent, isNegative: negative, isInteger: isInteger,
            isTruncated: droppedIntegerDigits > 0, start: start, end: index)
    }

    private func numberFailure(start: Int) -> GeoJSONError {
        if index >= end { return syntaxError("unexpected end of input in number") }
        let b = bytes[index]
        if b == UInt8(ascii: "N") || b == UInt8(ascii: "I") {
            return syntaxError("non-finite number (NaN/Infinity are not JSON)", at: start)
        }
        if b == ASCII.plus { return syntaxError("'+' is not allowed before a number", at: start) }
        if b == ASCII.dot { return syntaxError("a number must have a digit before '.'", at: start) }
        return syntaxError("expected a digit, found \(describeByte(b))", at: start)
    }

    /// Parses a number as a Double, bit-identical to `strtod`.
    ///
    /// Clinger's fast path: when the significand is at most 2^53 and the
    /// decimal exponent is within ±22, both operands are exact Doubles and one
    /// IEEE multiply or divide rounds correctly. Everything else goes to
    /// `strtod` on a NUL-terminated copy. A result that overflows is rejected.
    @inline(__always)
    mutating func parseDouble() throws -> Double {
        let n = try scanNumber()
        return try double(of: n)
    }

    @inline(__always)
    func double(of n: ScannedNumber) throws -> Double {
        if !n.isTruncated, n.mantissa <= 1 << 53, n.exponent10 >= -22, n.exponent10 <= 22 {
            var value = Double(n.mantissa)
            value = n.exponent10 < 0 ? value / exactPowersOfTen[-n.exponent10] : value * exactPowersOfTen[n.exponent10]
            return n.isNegative ? -value : value
        }
        if n.mantissa == 0 && !n.isTruncated { return n.isNegative ? -0.0 : 0.0 }
        return try slowDouble(of: n)
    }

    private func slowDouble(of n: ScannedNumber) throws -> Double {
        let length = n.end - n.start
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double in
            let base = buffer.baseAddress!
            UnsafeMutableRawPointer(base).copyMemory(from: bytes + n.start, byteCount: length)
            base[length] = 0
            return strtod(base, nil)
        }
        guard value.isFinite else { throw syntaxError("non-finite number (magnitude overflows a Double)", at: n.start) }
        return value
    }

    /// Parses a number as a JSON value: `.integer` when it is an integer
    /// literal that fits in Int64, `.double` otherwise.
    mutating func parseNumberValue() throws -> JSONValueNumber {
        let n = try scanNumber()
        if n.isInteger && !n.isTruncated {
            if n.isNegative {
                if n.mantissa <= UInt64(Int64.max) { return .integer(-Int64(n.mantissa)) }
                if n.mantissa == UInt64(Int64.max) + 1 { return .integer(Int64.min) }
            } else if n.mantissa <= UInt64(Int64.max) {
                return .integer(Int64(n.mantissa))
            }
        }
        return .double(try double(of: n))
    }
}

/// Result of `parseNumberValue`.
enum JSONValueNumber {
    case integer(Int64)
    case double(Double)
}
