/// Small helpers for writing SVG/XML text by hand.
enum SVGText {
    /// Escapes text for XML character data and attribute values (both quote kinds).
    /// Control characters other than tab/newline are not allowed in XML 1.0 and are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most `decimals` fraction digits, trailing zeros and
    /// a trailing point dropped ("12.5", "12", "-0.3"); "-0" becomes "0".
    static func number(_ value: Double, decimals: Int) -> String {
        let unit = Int64(pow10(decimals))
        let scaled = Int64((value * Double(unit)).rounded())
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        var text = (scaled < 0 ? "-" : "") + String(magnitude / UInt64(unit))
        var fraction = magnitude % UInt64(unit)
        guard fraction != 0 else { return text }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<max(0, n) { x *= 10 }
        return x
    }

    /// A width estimate of `text` in pixels at `fontSize`: CJK characters one
    /// em, others 0.58 em (a sans-serif average). Used only to keep labels apart.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for s in text.unicodeScalars {
            let v = s.value
            let wide = (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0x3000...0x303F).contains(v)
            em += wide ? 1 : 0.58
        }
        return em * fontSize
    }
}
