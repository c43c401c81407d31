/// One entry of GB/T 4754-2017 《国民经济行业分类》 at any level.
///
/// The code carries its section letter: `"C"` (门类 section), `"C39"` (大类
/// division), `"C397"` (中类 group), `"C3974"` (小类 class).
public struct IndustryClassification: Sendable, Hashable {
    /// The code with its section letter, e.g. `"C3974"`.
    public let code: String
    /// The name in the standard, e.g. `"显示器件制造"`.
    public let nameZh: String
    /// An English rendering of the name.
    public let nameEn: String

    init(_ code: String, _ nameZh: String, _ nameEn: String) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
    }

    /// The level of the entry.
    public var level: IndustryLevel { IndustryCode(validating: code)?.level ?? .section }

    /// The code of the parent entry; `nil` for a section.
    public var parentCode: String? { IndustryCode(validating: code)?.parent?.value }
}

/// The four levels of GB/T 4754.
public enum IndustryLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// 门类, a letter A–T.
    case section = 1
    /// 大类, two digits.
    case division = 2
    /// 中类, three digits.
    case group = 3
    /// 小类, four digits.
    case `class` = 4

    public static func < (lhs: IndustryLevel, rhs: IndustryLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A GB/T 4754-2011 code that the 2017 revision replaced.
public struct LegacyIndustryCode: Sendable, Hashable {
    /// The 2011 code, e.g. `"C1310"`.
    public let code: String
    /// Its 2011 name.
    public let nameZh2011: String
    /// The 2017 codes that took its place.
    public let replacements: [String]
    /// Whether the 2017 edition reuses the same number for another industry
    /// (so the code is valid 2017 and cannot be flagged as unknown).
    public let reusedIn2017: Bool

    init(_ code: String, _ nameZh2011: String, replacements: [String], reusedIn2017: Bool = false) {
        self.code = code
        self.nameZh2011 = nameZh2011
        self.replacements = replacements
        self.reusedIn2017 = reusedIn2017
    }
}

/// GB/T 4754-2011 codes replaced in 2017.
public enum LegacyIndustryCodes {
    /// Every listed 2011 code.
    public static var all: [LegacyIndustryCode] { entries }

    /// The 2011 entry for `code`, if listed.
    public static func lookup(_ code: String) -> LegacyIndustryCode? { entries.first { $0.code == code } }
}
