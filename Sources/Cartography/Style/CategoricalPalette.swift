/// Distinct colours for the distinct categories shown on one map (e.g. the
/// industries of a cluster map).
///
/// The keys are sorted and de-duplicated; key i gets colour i of `fixed` (Kenneth
/// Kelly's colours of maximum contrast, 1965, without white, black and medium
/// grey — grey is kept for noise and "other"). When there are more keys than
/// fixed colours, every key gets a colour of an even hue spread instead
/// (`hueSpread`), so distinct keys always get distinct colours, and the same key
/// set always gets the same colours whatever order the keys come in.
public struct CategoricalPalette: Sendable {
    /// Kelly's 22 colours of maximum contrast without white (#F2F3F4), black (#222222) and medium grey (#817066), in Kelly's order.
    public static let fixed = [
        "#FFB300", "#803E75", "#FF6800", "#A6BDD7", "#C10020", "#CEA262", "#007D34", "#F6768E", "#00538A", "#FF7A5C",
        "#53377A", "#FF8E00", "#B32851", "#F4C800", "#7F180D", "#93AA00", "#593315", "#F13A13", "#232C16",
    ]

    /// The keys in colour order (sorted, unique).
    public let keys: [String]
    private let colorByKey: [String: String]

    public init(keys: some Sequence<String>) {
        let sorted = Array(Set(keys)).sorted()
        self.keys = sorted
        let colors = sorted.count <= Self.fixed.count ? Array(Self.fixed.prefix(sorted.count)) : Self.hueSpread(sorted.count)
        colorByKey = Dictionary(uniqueKeysWithValues: zip(sorted, colors).map { ($0, $1) })
    }

    /// The colour of `key`, nil when it is not one of `keys`.
    public func color(for key: String) -> String? { colorByKey[key] }

    /// `n` distinct colours: hues 360°·i/n, saturation 70 %, lightness alternating
    /// 42 % / 58 % so that neighbouring hues differ in lightness too (HSL → RGB as
    /// in CSS Color 4, rounded to 8 bits). Should two round to the same hex value
    /// (only for thousands of colours), the later one's 24-bit value is stepped up
    /// by one until unique.
    public static func hueSpread(_ n: Int) -> [String] {
        var result: [String] = []
        var used = Set<String>()
        for i in 0..<max(0, n) {
            let (r, g, b) = rgb(hue: 360 * Double(i) / Double(n), saturation: 0.7, lightness: i % 2 == 0 ? 0.42 : 0.58)
            var value = r << 16 | g << 8 | b
            var hex = Self.hex(value)
            while used.contains(hex) {
                value = (value + 1) & 0xFFFFFF
                hex = Self.hex(value)
            }
            used.insert(hex)
            result.append(hex)
        }
        return result
    }

    /// 8-bit RGB of an HSL colour (hue in degrees, saturation and lightness in 0…1).
    static func rgb(hue: Double, saturation s: Double, lightness l: Double) -> (Int, Int, Int) {
        func channel(_ k: Double) -> Int {
            let k = (k + hue / 30).truncatingRemainder(dividingBy: 12)
            let a = s * min(l, 1 - l)
            let value = l - a * max(-1, min(k - 3, 9 - k, 1))
            return Int((value * 255).rounded())
        }
        return (channel(0), channel(8), channel(4))
    }

    /// "#RRGGBB" of a 24-bit value.
    static func hex(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + stride(from: 20, through: 0, by: -4).map { String(digits[(value >> $0) & 0xF]) }.joined()
    }
}
