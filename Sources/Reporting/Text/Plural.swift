import GeoCore

/// Counted nouns in English: "1 cluster", "3 warnings".
public enum Plural {
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(NumberText.grouped(Double(n), decimals: 0)) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }
}
