/// One class of 《国土空间调查、规划、用途管制用地用海分类指南》(2023).
///
/// Codes are 2 digits (level 1, e.g. `"10"` 工矿用地), 4 digits (level 2,
/// `"1001"` 工业用地) or 6 digits (level 3, `"100101"` 一类工业用地); the
/// parent of a code is the code without its last two digits.
public struct LandUseClass: Sendable, Hashable {
    /// The class code, e.g. `"1001"`.
    public let code: String
    /// The name in the guide, e.g. `"工业用地"`.
    public let nameZh: String
    /// An English rendering of the name.
    public let nameEn: String

    init(_ code: String, _ nameZh: String, _ nameEn: String) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
    }

    /// 1, 2 or 3.
    public var level: Int { LandUseCode.level(of: code) ?? 0 }

    /// The code of the parent class, `nil` at level 1.
    public var parentCode: String? { LandUseCode.parentCode(of: code) }
}

/// Syntax and hierarchy of land-use codes, independent of the table.
public enum LandUseCode {
    /// Level of a well-formed code (2, 4 or 6 ASCII digits), else `nil`.
    public static func level(of code: String) -> Int? {
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        switch code.utf8.count {
        case 2: return 1
        case 4: return 2
        case 6: return 3
        default: return nil
        }
    }

    /// Whether `code` has the shape of a land-use code (2, 4 or 6 digits).
    public static func isWellFormed(_ code: String) -> Bool { level(of: code) != nil }

    /// The code without its last two digits; `nil` at level 1 or for a malformed code.
    public static func parentCode(of code: String) -> String? {
        guard let level = level(of: code), level > 1 else { return nil }
        return String(code.prefix((level - 1) * 2))
    }

    /// The ancestor of `code` at `level` (1…3), the code itself at its own
    /// level, `nil` when `level` is finer than the code or out of range.
    public static func ancestor(of code: String, atLevel level: Int) -> String? {
        guard let own = self.level(of: code), (1...own).contains(level) else { return nil }
        return String(code.prefix(level * 2))
    }

    /// Whether `code` is `prefix` or lies below it (`"10"` matches `"100101"`).
    public static func matches(_ code: String, prefix: String) -> Bool {
        isWellFormed(code) && isWellFormed(prefix) && code.hasPrefix(prefix)
    }

    /// Whether the code is 工矿仓储 land, the "A2" of the intensive-use
    /// indicators (docs/analyses.md §2): under `10` 工矿用地 or `11` 仓储用地.
    public static func isIndustrialOrWarehouse(_ code: String) -> Bool {
        matches(code, prefix: "10") || matches(code, prefix: "11")
    }
}

/// The shipped land-use table with lookups.
public enum LandUseTable {
    /// Every shipped class by code.
    public static let byCode: [String: LandUseClass] = Dictionary(
        entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every shipped class, parents before children, in code order.
    public static var all: [LandUseClass] { entries }

    /// The class with exactly this code.
    public static func lookup(_ code: String) -> LandUseClass? { byCode[code] }

    /// The class of `code`, or of its nearest shipped ancestor (for a level-3
    /// code whose level-2 parent is shipped but which is not).
    public static func nearestKnown(_ code: String) -> LandUseClass? {
        var current: String? = code
        while let c = current {
            if let found = byCode[c] { return found }
            current = LandUseCode.parentCode(of: c)
        }
        return nil
    }

    /// Whether every child class of `code` is in the table.
    public static func listsAllChildren(of code: String) -> Bool { completeParents.contains(code) }

    /// How a code stands against the table. A GB 50137-2011 code (`"M1"`) is
    /// malformed, with a reason naming its 2023 class (`LegacyLandUseCodes`),
    /// as `IndustryTable.check` names the 2017 classes of a 2011 industry code.
    public static func check(_ code: String) -> CodeCheck {
        guard LandUseCode.isWellFormed(code) else {
            if let note = LegacyLandUseCodes.note(for: code) { return .malformed(reason: note) }
            return .malformed(reason: "land-use codes are 2, 4 or 6 digits, e.g. \"10\", \"1001\", \"100101\"")
        }
        if byCode[code] != nil { return .known }
        guard let parent = LandUseCode.parentCode(of: code), let ancestor = nearestKnown(parent) else {
            return .unknown(reason: "\"\(code)\" is not a level-1 class of the 2023 land-use guide")
        }
        if ancestor.code == parent, listsAllChildren(of: parent) {
            return .unknown(reason: "\"\(code)\" is not a class of the 2023 land-use guide; \(parent) \(ancestor.nameZh) has no such subclass")
        }
        return .unlisted(ancestor: ancestor.code)
    }
}

/// The outcome of checking a code against a shipped table.
public enum CodeCheck: Sendable, Hashable {
    /// In the table.
    case known
    /// Not in the table, below a shipped ancestor whose children are not all
    /// listed: probably valid, but its name is unknown to the toolkit.
    case unlisted(ancestor: String)
    /// Not a code of the standard (with the reason, naming replacements where known).
    case unknown(reason: String)
    /// Not shaped like a code at all.
    case malformed(reason: String)
}

extension LandUseClass {
    /// The ancestor code at `level` (1…3); the class's own code at its level.
    public func ancestor(atLevel level: Int) -> String? { LandUseCode.ancestor(of: code, atLevel: level) }

    /// Whether this class is `prefix` or lies below it.
    public func matches(prefix: String) -> Bool { LandUseCode.matches(code, prefix: prefix) }

    /// Whether this class is 工矿仓储 land (under 10 or 11).
    public var isIndustrialOrWarehouse: Bool { LandUseCode.isIndustrialOrWarehouse(code) }
}
