/// A syntactically valid GB/T 4754 code: a section letter A–T followed by 0, 2,
/// 3 or 4 digits, the letter consistent with the division (`"C3974"`).
///
/// Validity here is about shape; whether the standard has the code is
/// `IndustryTable.check(_:)`.
///
/// Parsing rule: the section letter is required. A bare number such as
/// `"3974"` is rejected, with a hint naming `"C3974"`, because in the
/// standard's own tables divisions are also written as bare numbers and a
/// silent guess would hide 2011/2017 mix-ups in the source records; lowercase
/// letters and surrounding spaces are rejected the same way.
public struct IndustryCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code, e.g. `"C3974"`.
    public let value: String

    /// Checks the shape without a reason; `nil` when malformed.
    public init?(validating text: String) {
        guard case .success(let code) = IndustryCode.parse(text) else { return nil }
        self = code
    }

    private init(unchecked value: String) { self.value = value }

    /// Parses `text`, explaining any rejection in one line.
    public static func parse(_ text: String) -> Result<IndustryCode, IndustryCodeError> {
        if let fast = parseWellFormed(text) { return .success(fast) }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return .failure(.malformed(text: text, reason: "empty code")) }
        let digits = scalars.dropFirst()
        let isAsciiDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }

        if isAsciiDigit(first) {
            // A bare number: name the lettered code when the division is known.
            let all = String(String.UnicodeScalarView(scalars))
            let hint = all.count >= 2 && all.count <= 4 && scalars.allSatisfy(isAsciiDigit)
                ? IndustryTable.section(forDivision: String(all.prefix(2))).map { "write \"\($0)\(all)\"" } : nil
            return .failure(.missingSectionLetter(text: text, hint: hint))
        }
        guard first.value >= 0x41, first.value <= 0x54 else {
            let upper = text.uppercased()
            if upper != text, IndustryCode(validating: upper) != nil {
                return .failure(.malformed(text: text, reason: "section letters are capitals; write \"\(upper)\""))
            }
            return .failure(.malformed(text: text, reason: "a code starts with a section letter A–T, e.g. \"C3974\""))
        }
        guard digits.allSatisfy(isAsciiDigit), [0, 2, 3, 4].contains(digits.count) else {
            return .failure(.malformed(
                text: text, reason: "after the section letter come 2, 3 or 4 digits, e.g. \"C39\", \"C397\", \"C3974\""))
        }
        let letter = String(first)
        if digits.count >= 2 {
            let division = String(String.UnicodeScalarView(digits.prefix(2)))
            guard let expected = IndustryTable.section(forDivision: division) else {
                return .failure(.malformed(text: text, reason: "division \(division) does not exist (divisions are 01–97)"))
            }
            guard expected == letter else {
                let fixed = expected + String(String.UnicodeScalarView(digits))
                return .failure(.sectionMismatch(text: text, expected: fixed))
            }
        }
        return .success(IndustryCode(unchecked: text))
    }

    /// The common case without allocation: a capital section letter and 0, 2, 3
    /// or 4 ASCII digits whose division belongs to that section. Anything else
    /// (including every error) takes the explaining path of `parse`.
    @inline(__always)
    private static func parseWellFormed(_ text: String) -> IndustryCode? {
        // Native strings are contiguous; a bridged one simply takes the slow path.
        text.utf8.withContiguousStorageIfAvailable { b -> IndustryCode? in
            let n = b.count
            guard n == 1 || (n >= 3 && n <= 5), b[0] >= 0x41, b[0] <= 0x54 else { return nil }
            for k in 1..<n where b[k] < 0x30 || b[k] > 0x39 { return nil }
            if n == 1 { return IndustryCode(unchecked: text) }
            let division = Int(b[1] - 0x30) * 10 + Int(b[2] - 0x30)
            guard IndustryTable.sectionLetter(forDivision: division) == b[0] else { return nil }
            return IndustryCode(unchecked: text)
        } ?? nil
    }

    /// The section letter, e.g. `"C"`.
    public var section: String { String(value.prefix(1)) }

    /// The level given by the number of digits.
    public var level: IndustryLevel {
        switch value.count {
        case 1: .section
        case 3: .division
        case 4: .group
        default: .class
        }
    }

    /// The two-digit division number, e.g. `"39"`; `nil` for a section.
    public var divisionNumber: String? { level == .section ? nil : String(value.dropFirst().prefix(2)) }

    /// The code one level up; `nil` for a section.
    public var parent: IndustryCode? {
        switch level {
        case .section: nil
        case .division: IndustryCode(unchecked: section)
        default: IndustryCode(unchecked: String(value.dropLast()))
        }
    }

    /// The ancestor at `level` (the code itself at its own level); `nil` when
    /// `level` is finer than the code.
    public func ancestor(at level: IndustryLevel) -> IndustryCode? {
        guard level <= self.level else { return nil }
        // Letter plus 0, 2, 3 or 4 digits.
        let length = level == .section ? 1 : level.rawValue + 1
        return IndustryCode(unchecked: String(value.prefix(length)))
    }

    /// Whether this code is `other` or lies above it: `"C39"` covers `"C3974"`,
    /// `"C397"` does not cover `"C3981"`.
    public func covers(_ other: IndustryCode) -> Bool { other.value.hasPrefix(value) }

    /// Whether this code lies at or below `prefix`.
    public func matches(_ prefix: IndustryCode) -> Bool { prefix.covers(self) }

    public var description: String { value }

    public static func < (lhs: IndustryCode, rhs: IndustryCode) -> Bool { lhs.value < rhs.value }
}

/// Why a string is not an industry code.
public enum IndustryCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No section letter, e.g. `"3974"`; the hint names the lettered code.
    case missingSectionLetter(text: String, hint: String?)
    /// The letter does not match the division, e.g. `"B3974"`.
    case sectionMismatch(text: String, expected: String)
    /// Not shaped like a code.
    case malformed(text: String, reason: String)

    public var description: String {
        switch self {
        case .missingSectionLetter(let text, let hint):
            "\"\(text)\" lacks its section letter" + (hint.map { "; \($0)" } ?? " (codes look like \"C3974\")")
        case .sectionMismatch(let text, let expected):
            "\"\(text)\" has the wrong section letter for its division; write \"\(expected)\""
        case .malformed(let text, let reason):
            "\"\(text)\" is not a GB/T 4754 code: \(reason)"
        }
    }
}
