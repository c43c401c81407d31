import LayoutModel

/// Categorical colours for enterprises by industry.
///
/// Manufacturing (section C) is most of a park's enterprises, so it is split by
/// division (2-digit, e.g. C39 计算机、通信和其他电子设备制造业): the most common
/// divisions of the data get their own colour, the rest share "other
/// manufacturing". Every other section gets one colour per section letter.
/// The twelve colours are ColorBrewer's "Paired" qualitative scheme (Harrower &
/// Brewer 2003), which stays distinguishable on a white map.
public struct IndustryPalette: Sendable {
    /// ColorBrewer Paired, 12 classes.
    public static let qualitative = [
        "#1F78B4", "#E31A1C", "#33A02C", "#FF7F00", "#6A3D9A", "#B15928",
        "#A6CEE3", "#FB9A99", "#B2DF8A", "#FDBF6F", "#CAB2D6", "#FFFF99",
    ]
    /// Colour of everything outside the named categories.
    public static let otherColor = "#7F7F7F"

    /// Category keys in legend order (division codes like `"C39"` or section letters).
    public let categories: [String]
    private let colorByCategory: [String: String]

    /// Chooses categories from the codes present: divisions of C and sections
    /// other than C, by descending count (ties by code), at most
    /// `maximumCategories`; the rest fall into "other".
    public init(codes: [IndustryCode], maximumCategories: Int = 11) {
        var counts: [String: Int] = [:]
        for code in codes { counts[Self.category(of: code), default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let chosen = ranked.prefix(min(maximumCategories, Self.qualitative.count)).map(\.key)
        categories = chosen
        colorByCategory = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, Self.qualitative[$0]) })
    }

    /// The category key of a code: `"C39"` for manufacturing, the section letter otherwise.
    public static func category(of code: IndustryCode) -> String {
        if code.section == "C", let division = code.ancestor(at: .division) { return division.value }
        return code.section
    }

    /// The colour of a code.
    public func color(for code: IndustryCode) -> String {
        colorByCategory[Self.category(of: code)] ?? Self.otherColor
    }

    /// The colour of a category key, `otherColor` when it is not one of `categories`.
    public func color(forCategory key: String) -> String { colorByCategory[key] ?? Self.otherColor }

    /// Whether some code falls outside the named categories.
    public func hasOther(_ codes: [IndustryCode]) -> Bool {
        codes.contains { colorByCategory[Self.category(of: $0)] == nil }
    }

    /// Chinese name of a category (from the shipped GB/T 4754-2017 table).
    public static func name(ofCategory key: String) -> String {
        IndustryTable.lookup(key)?.nameZh ?? key
    }
}
