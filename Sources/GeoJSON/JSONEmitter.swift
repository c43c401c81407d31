import GeoCore

/// Low-level JSON output into a `ByteSink`: escaped strings, numbers,
/// `JSONValue` trees, and indentation for pretty output.
struct JSONEmitter {
    let sink: ByteSink
    /// Indentation unit for pretty output; nil for compact.
    let indentUnit: Int?
    /// Maximum fraction digits for coordinates (nil: shortest round trip).
    let coordinatePrecision: Int?
    var level = 0

    init(sink: ByteSink, pretty: Bool, coordinatePrecision: Int?) {
        self.sink = sink
        self.indentUnit = pretty ? 2 : nil
        self.coordinatePrecision = coordinatePrecision
    }

    var isPretty: Bool { indentUnit != nil }

    // MARK: Layout

    /// A line break and the current indentation (pretty), nothing (compact).
    @inline(__always)
    func newline() {
        guard let indentUnit else { return }
        sink.append(ASCII.newline)
        for _ in 0..<(level * indentUnit) { sink.append(ASCII.space) }
    }

    /// `"key":` (compact) or `"key": ` (pretty), preceded by a comma unless first.
    @inline(__always)
    func key(_ literal: StaticString, first: Bool = false) {
        if !first { sink.append(ASCII.comma) }
        newline()
        sink.append(ASCII.quote)
        sink.append(literal)
        sink.append(ASCII.quote)
        colon()
    }

    func key(_ name: String, first: Bool = false) {
        if !first { sink.append(ASCII.comma) }
        newline()
        string(name)
        colon()
    }

    @inline(__always)
    func colon() {
        sink.append(ASCII.colon)
        if isPretty { sink.append(ASCII.space) }
    }

    /// `,` between inline items (with a space when pretty).
    @inline(__always)
    func inlineComma() {
        sink.append(ASCII.comma)
        if isPretty { sink.append(ASCII.space) }
    }

    // MARK: Scalars

    /// A JSON string: `"` `\` and control characters escaped (short forms
    /// where JSON has them, `\u00XX` otherwise); everything else, including
    /// non-ASCII, copied as UTF-8.
    func string(_ value: String) {
        var value = value
        sink.append(ASCII.quote)
        value.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < ASCII.space || b == ASCII.quote || b == ASCII.backslash else { continue }
                sink.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch b {
                case ASCII.quote: sink.append("\\\"")
                case ASCII.backslash: sink.append("\\\\")
                case ASCII.newline: sink.append("\\n")
                case ASCII.carriageReturn: sink.append("\\r")
                case ASCII.tab: sink.append("\\t")
                case 0x08: sink.append("\\b")
                case 0x0C: sink.append("\\f")
                default:
                    sink.append("\\u00")
                    sink.append(Self.hexDigit(b >> 4))
                    sink.append(Self.hexDigit(b & 0xF))
                }
            }
            sink.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        sink.append(ASCII.quote)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? ASCII.zero + nibble : UInt8(ascii: "a") + nibble - 10
    }

    func integer(_ value: Int64) {
        var text = String(value)
        text.withUTF8 { sink.append($0) }
    }

    /// A double in its shortest round-trip form (Swift's `description`,
    /// e.g. `0.1`, `1e-300`, `-0.0`, `5e-324`), which is valid JSON.
    /// - Throws: `GeoJSONError.unwritableValue` for NaN and infinities.
    @inline(__always)
    func double(_ value: Double) throws {
        guard value.isFinite else { throw GeoJSONError.unwritableValue(message: "non-finite number \(value)") }
        var text = value.description
        text.withUTF8 { sink.append($0) }
    }

    /// A coordinate, rounded to `coordinatePrecision` fraction digits when set.
    @inline(__always)
    func ordinate(_ value: Double) throws {
        guard let digits = coordinatePrecision else { return try double(value) }
        try double(NumberRounding.rounded(value, fractionDigits: digits))
    }

    // MARK: Values

    func value(_ value: JSONValue) throws {
        switch value {
        case .null: sink.append("null")
        case .bool(let b): sink.append(b ? "true" : "false")
        case .integer(let i): integer(i)
        case .double(let d): try double(d)
        case .string(let s): string(s)
        case .array(let items): try array(items)
        case .object(let o): try object(o)
        }
    }

    func array(_ items: [JSONValue]) throws {
        sink.append(ASCII.openBracket)
        guard !items.isEmpty else { return sink.append(ASCII.closeBracket) }
        var inner = self
        inner.level += 1
        for (i, item) in items.enumerated() {
            if i > 0 { sink.append(ASCII.comma) }
            inner.newline()
            try inner.value(item)
        }
        newline()
        sink.append(ASCII.closeBracket)
    }

    func object(_ object: JSONObject) throws {
        sink.append(ASCII.openBrace)
        guard !object.isEmpty else { return sink.append(ASCII.closeBrace) }
        var inner = self
        inner.level += 1
        for (i, member) in object.members.enumerated() {
            inner.key(member.key, first: i == 0)
            try inner.value(member.value)
        }
        newline()
        sink.append(ASCII.closeBrace)
    }
}

/// Decimal rounding for the writer's precision option.
enum NumberRounding {
    private static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }

    /// `value` rounded half away from zero to `fractionDigits` decimals
    /// (0…15), computed as round(value·10^d)/10^d; both steps are exact or
    /// correctly rounded, so the shortest printout has at most d decimals in
    /// practice. Values too large to carry that many decimals are returned as is.
    static func rounded(_ value: Double, fractionDigits: Int) -> Double {
        let d = min(max(fractionDigits, 0), 15)
        let scale = powersOfTen[d]
        let scaled = value * scale
        guard scaled.magnitude < 9_007_199_254_740_992 else { return value }
        let result = scaled.rounded(.toNearestOrAwayFromZero) / scale
        // Do not turn a tiny negative number into "-0.0".
        return result == 0 ? 0 : result
    }
}
