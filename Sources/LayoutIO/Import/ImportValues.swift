import GeoCore
import LayoutModel

/// Reading source values as the contract's types.
enum ImportValues {
    /// A number from a number or from text written the way spreadsheets and registers do:
    /// thousands separators ("1,234.5"), full-width digits ("１２３４．５"), surrounding
    /// spaces (ASCII, no-break, ideographic). Nil when the text holds no number.
    static func number(_ text: String) -> Double? {
        if let plain = plainNumber(text) { return plain }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: out.append(".")
            case 0xFF0C: out.append(",")
            case 0xFF0D, 0x2212: out.append("-")
            case 0xFF0B: out.append("+")
            case 0x20, 0x09, 0xA0, 0x3000: out.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        let trimmed = CodeCrosswalk.trimmedSpaces(out)
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return nil }
        var body = Substring(trimmed)
        if body.contains(",") {
            // Thousands separators only between groups of three digits in the integer part.
            let sign = body.first == "-" || body.first == "+" ? String(body.removeFirst()) : ""
            let integerPart = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
            else { return nil }
            body = Substring(sign + body.replacingAll(",", with: ""))
        }
        guard body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
              let d = Double(body), d.isFinite
        else { return nil }
        return d
    }

    /// The common case of `number(_:)` without building strings: ASCII text made of digits,
    /// `.`, signs and exponent letters only, between ASCII spaces or tabs. Nil (then the general
    /// reading decides) for anything else; for such text the general reading also ends in
    /// `Double(body)` on the same characters, so both give the same number. A CSV of a million
    /// rows spent most of its mapping time in the general reading.
    @inline(__always)
    static func plainNumber(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            var lo = 0, hi = bytes.count
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            guard lo < hi else { return nil }
            for k in lo..<hi {
                let b = bytes[k]
                guard (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45 else { return nil }
            }
            guard let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)), d.isFinite else {
                return nil
            }
            return d
        }
    }

    /// The text form of a source value used to look it up in a `values` map.
    static func key(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Whether a source value counts as empty (null, or only spaces).
    static func isEmpty(_ v: JSONValue?) -> Bool {
        guard let v else { return true }
        if v.isNull { return true }
        if let s = v.stringValue { return CodeCrosswalk.trimmedSpaces(s).isEmpty }
        return false
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var s = ""
        for c in self { if c == target { s += replacement } else { s.append(c) } }
        return s
    }
}
