/// Zero-padded identifiers such as `P07` or `E0001234`, without Foundation's
/// `String(format:)` (slow, and its output depends on the platform's C library).
enum IdentifierFormat {
    @inline(__always)
    static func padded(_ prefix: String, _ number: Int, width: Int) -> String {
        let digits = String(number)
        var s = prefix
        if digits.count < width { s += String(repeating: "0", count: width - digits.count) }
        s += digits
        return s
    }

    /// Digits needed for numbers up to `count` (at least `minimum`).
    static func width(for count: Int, minimum: Int) -> Int { max(minimum, String(max(count, 1)).count) }
}
