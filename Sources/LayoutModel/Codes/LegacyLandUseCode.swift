/// A class of GB 50137-2011 《城市用地分类与规划建设用地标准》, the urban land-use
/// classification that planning records used before the 2023 guide (e.g.
/// `"M1"` 一类工业用地), with the classes of the 2023 guide that took its place.
public struct LegacyLandUseCode: Sendable, Hashable {
    /// The GB 50137-2011 code, e.g. `"M1"`.
    public let code: String
    /// Its name in GB 50137-2011.
    public let nameZh2011: String
    /// The 2023 guide's classes that took its place (one, or several when the
    /// guide split the class).
    public let replacements: [String]

    init(_ code: String, _ nameZh2011: String, replacements: [String]) {
        self.code = code
        self.nameZh2011 = nameZh2011
        self.replacements = replacements
    }
}

/// GB 50137-2011 codes with their 2023 counterparts (`entries`, in CodeTables).
public enum LegacyLandUseCodes {
    /// Every listed GB 50137-2011 code.
    public static var all: [LegacyLandUseCode] { entries }

    /// The GB 50137-2011 entry for `code` (letters in either case), if listed.
    public static func lookup(_ code: String) -> LegacyLandUseCode? {
        let upper = code.uppercased()
        return entries.first { $0.code == upper }
    }

    /// Why `code` is not a 2023 code when it is a listed GB 50137-2011 one:
    /// `it is 一类工业用地 of GB 50137-2011 (城市用地分类与规划建设用地标准); write "100101" (一类工业用地)`.
    public static func note(for code: String) -> String? {
        guard let legacy = lookup(code) else { return nil }
        let named = legacy.replacements.map { r in "\"\(r)\"" + (LandUseTable.lookup(r).map { " (\($0.nameZh))" } ?? "") }
        let advice = named.count == 1 ? "write \(named[0])" : "the 2023 guide splits it into " + named.joined(separator: ", ")
        return "it is \(legacy.nameZh2011) of GB 50137-2011 (城市用地分类与规划建设用地标准); \(advice)"
    }
}
