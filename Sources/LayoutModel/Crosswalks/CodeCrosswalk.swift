/// The code classifications a mapping file may name (docs/import.md,
/// "Classifications"): each turns a source code into a code of the dataset
/// contract (2023 land use, GB/T 4754-2017 industry). A code the table does
/// not hold is unmapped, with the reason, never guessed; a code of a finer
/// level than the table holds maps through its parent.
public enum CodeCrosswalk: String, Sendable, Hashable, CaseIterable {
    case ydyh2023 = "ydyh-2023"
    case gb21010 = "gb21010-2017"
    case gb50137 = "gb50137-2011"
    case gb4754 = "gb4754-2017"
    case gb4754Of2011 = "gb4754-2011"
    case gb4754Names = "gb4754-2017-name"

    /// What a classification's codes are.
    public enum Kind: String, Sendable { case landUse = "land-use", industry }

    public var kind: Kind {
        switch self {
        case .ydyh2023, .gb21010, .gb50137: .landUse
        case .gb4754, .gb4754Of2011, .gb4754Names: .industry
        }
    }

    /// The result of mapping one source value.
    public enum Outcome: Sendable, Hashable {
        case mapped(String)
        /// Not mapped; `reason` says why (not in the table, split by the newer edition, ambiguous name).
        case unmapped(reason: String)

        public var code: String? { if case .mapped(let c) = self { c } else { nil } }
    }

    /// Maps one source code (surrounding spaces ignored).
    public func map(_ raw: String) -> Outcome {
        let text = Self.trimmedSpaces(raw)
        guard !text.isEmpty else { return .unmapped(reason: "empty code") }
        switch self {
        case .ydyh2023: return Self.landUse2023(text)
        case .gb21010: return LandSurveyCodes.map(text)
        case .gb50137: return Self.urbanLandUse(text)
        case .gb4754: return Self.industry2017(text)
        case .gb4754Of2011: return Industry2011Codes.map(text)
        case .gb4754Names: return IndustryNames.map(text)
        }
    }

    /// `text` without surrounding spaces (ASCII and ideographic).
    public static func trimmedSpaces(_ text: String) -> String {
        // Fast exit: neither end can start or finish one of the four spaces (0x20, 0x09,
        // U+3000 = E3 80 80, U+00A0 = C2 A0), so nothing would be trimmed.
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first != 0x20, first != 0x09, first != 0xE3, first != 0xC2,
           last != 0x20, last != 0x09, last != 0x80, last != 0xA0 {
            return text
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    static func landUse2023(_ code: String) -> Outcome {
        guard LandUseCode.level(of: code) != nil else {
            return .unmapped(reason: "\"\(code)\" is not a 2023 land-use code (2, 4 or 6 digits)")
        }
        var current: String? = code
        while let c = current {
            if LandUseTable.lookup(c) != nil { return .mapped(code) }
            current = LandUseCode.parentCode(of: c)
        }
        return .unmapped(reason: "\"\(code)\" is not in the 2023 land-use classification")
    }

    /// GB 50137-2011 through `LegacyLandUseCodes`; a sub-code (`B11`) maps through its nearest listed class.
    static func urbanLandUse(_ code: String) -> Outcome {
        var current = code.uppercased()
        while !current.isEmpty {
            if let legacy = LegacyLandUseCodes.lookup(current) {
                if legacy.replacements.count == 1 { return .mapped(legacy.replacements[0]) }
                return .unmapped(reason:
                    "GB 50137-2011 \(legacy.code) \(legacy.nameZh2011) was split by the 2023 guide into "
                        + legacy.replacements.joined(separator: ", ") + "; map each value with \"values\"")
            }
            current.removeLast()
        }
        return .unmapped(reason: "\"\(code)\" is not a GB 50137-2011 class with one 2023 counterpart")
    }

    /// A GB/T 4754 code with its section letter added when it has none (`"3974"` → `"C3974"`).
    static func withSection(_ code: String) -> String {
        guard let first = code.unicodeScalars.first, first.properties.numericType != nil, code.count >= 2,
              let letter = IndustryTable.section(forDivision: String(code.prefix(2)))
        else { return code.uppercased() }
        return letter + code
    }

    static func industry2017(_ raw: String) -> Outcome {
        let code = withSection(raw)
        switch IndustryTable.check(code) {
        case .known, .unlisted: return .mapped(code)
        case .unknown(let reason), .malformed(let reason): return .unmapped(reason: reason)
        }
    }
}

/// GB/T 21010-2017 (三调) → 2023 (`entries`, in LandSurveyCodes.swift).
public enum LandSurveyCodes {
    static let table: [String: String] = Dictionary(entries.map { ($0.code, $0.target) }, uniquingKeysWith: { a, _ in a })

    /// Every row: 三调 code, its name, the 2023 code.
    public static var rows: [(code: String, name: String, target: String)] { entries }

    static func map(_ code: String) -> CodeCrosswalk.Outcome {
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), code.count >= 2 else {
            return .unmapped(reason: "\"\(code)\" is not a GB/T 21010-2017 code (digits)")
        }
        var current = code
        while current.count >= 2 {
            if let target = table[current] { return .mapped(target) }
            current.removeLast(2)
        }
        return .unmapped(reason: "\"\(code)\" has no row in the GB/T 21010-2017 → 2023 table (a class the 2023 guide spread over several, or not a 三调 code)")
    }
}

/// GB/T 4754-2011 → 2017 (`unchanged`, in Industry2011Codes.swift, and `LegacyIndustryCodes`).
public enum Industry2011Codes {
    static let unchangedCodes: Set<String> = Set(unchanged.map(\.code))

    /// The 2011 classes kept unchanged by 2017.
    public static var unchangedClasses: [(code: String, name: String)] { unchanged }

    static func map(_ raw: String) -> CodeCrosswalk.Outcome {
        let code = CodeCrosswalk.withSection(raw)
        if let legacy = LegacyIndustryCodes.all.first(where: { $0.code == code }) {
            if legacy.replacements.count == 1 { return .mapped(legacy.replacements[0]) }
            return .unmapped(reason:
                "GB/T 4754-2011 \(code) \(legacy.nameZh2011) was split by GB/T 4754-2017 into "
                    + legacy.replacements.joined(separator: ", ") + "; map each value with \"values\"")
        }
        if unchangedCodes.contains(code) { return .mapped(code) }
        return .unmapped(reason: "\"\(code)\" is not in the GB/T 4754-2011 → 2017 table (its 2017 counterpart is not established)")
    }
}

/// Chinese names of GB/T 4754-2017 sections, divisions, groups and classes → codes.
public enum IndustryNames {
    /// Every shipped name with its codes (several when a group and its only class share the name).
    static let byName: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (code, entry) in IndustryTable.byCode { table[entry.nameZh, default: []].append(code) }
        return table.mapValues { $0.sorted { ($0.count, $0) < ($1.count, $1) } }
    }()

    /// The code of a name. A name shared by a code and its descendants (C394 雷达及配套设备制造
    /// and its one class C3940) is the highest of them, which covers the rest; a name shared
    /// by unrelated codes is unmapped.
    static func map(_ name: String) -> CodeCrosswalk.Outcome {
        guard let codes = byName[name], let top = codes.first else {
            return .unmapped(reason: "\"\(name)\" is not the name of a GB/T 4754-2017 code in the shipped table")
        }
        guard codes.allSatisfy({ $0.hasPrefix(top) }) else {
            return .unmapped(reason: "\"\(name)\" names several GB/T 4754-2017 codes: " + codes.joined(separator: ", "))
        }
        return .mapped(top)
    }
}
