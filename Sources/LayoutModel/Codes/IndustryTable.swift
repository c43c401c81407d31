/// The shipped GB/T 4754-2017 table with lookups.
public enum IndustryTable {
    /// Every shipped entry by code.
    public static let byCode: [String: IndustryClassification] = Dictionary(
        (sections + divisions + groupsAndClasses).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The 20 sections A–T.
    public static var allSections: [IndustryClassification] { sections }
    /// The 97 divisions, each coded with its section letter (`"C39"`).
    public static var allDivisions: [IndustryClassification] { divisions }
    /// The shipped groups and classes.
    public static var allGroupsAndClasses: [IndustryClassification] { groupsAndClasses }

    private static let sectionByDivision: [String: String] = Dictionary(
        divisions.map { (String($0.code.dropFirst()), String($0.code.prefix(1))) }, uniquingKeysWith: { first, _ in first })

    /// The section letter of a two-digit division number (`"39"` → `"C"`).
    public static func section(forDivision number: String) -> String? { sectionByDivision[number] }

    /// ASCII section letter of division `number` (1–97), 0 when there is none:
    /// an array lookup for the parser's hot path.
    static func sectionLetter(forDivision number: Int) -> UInt8 {
        number >= 0 && number < sectionLetterByNumber.count ? sectionLetterByNumber[number] : 0
    }

    private static let sectionLetterByNumber: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 100)
        for (division, section) in sectionByDivision {
            if let n = Int(division), n < 100, let letter = section.utf8.first { table[n] = letter }
        }
        return table
    }()

    /// The entry with exactly this code.
    public static func lookup(_ code: String) -> IndustryClassification? { byCode[code] }

    /// The entry of `code` or of its nearest shipped ancestor.
    public static func nearestKnown(_ code: IndustryCode) -> IndustryClassification? {
        var current: IndustryCode? = code
        while let c = current {
            if let found = byCode[c.value] { return found }
            current = c.parent
        }
        return nil
    }

    /// Whether every child of `code` is shipped.
    public static func listsAllChildren(of code: String) -> Bool { completeParents.contains(code) }

    /// How a code stands against GB/T 4754-2017.
    ///
    /// Known → `.known`. A 2011 code that 2017 replaced (and did not reuse) →
    /// `.unknown` naming the replacements. A code below a shipped parent whose
    /// children are all listed → `.unknown`. Otherwise, below a partly listed
    /// parent → `.unlisted` (probably valid; its name is not shipped).
    public static func check(_ text: String) -> CodeCheck {
        let code: IndustryCode
        switch IndustryCode.parse(text) {
        case .success(let parsed): code = parsed
        case .failure(let error): return .malformed(reason: error.description)
        }
        if byCode[code.value] != nil { return .known }
        if let legacy = LegacyIndustryCodes.lookup(code.value), !legacy.reusedIn2017 {
            let list = legacy.replacements.map { r in
                byCode[r].map { "\(r) \($0.nameZh)" } ?? r
            }.joined(separator: ", ")
            return .unknown(reason:
                "\"\(code.value)\" (\(legacy.nameZh2011)) is a GB/T 4754-2011 code; GB/T 4754-2017 replaced it with \(list)")
        }
        guard let parent = code.parent, let ancestor = nearestKnown(parent) else {
            return .unknown(reason: "\"\(code.value)\" is not a GB/T 4754-2017 code")
        }
        if ancestor.code == parent.value, listsAllChildren(of: parent.value) {
            return .unknown(reason:
                "\"\(code.value)\" is not a GB/T 4754-2017 code; \(parent.value) \(ancestor.nameZh) has no such \(code.level == .class ? "class" : code.level == .group ? "group" : "division")")
        }
        return .unlisted(ancestor: ancestor.code)
    }
}
