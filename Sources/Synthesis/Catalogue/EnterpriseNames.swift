/// Chinese-looking enterprise names: place + trade name (字号) + trade word +
/// legal form, e.g. 绵阳华鑫光电科技有限公司. Illustrative only.
public enum EnterpriseNames {
    static let brandCharacters: [String] = Array(
        "华鑫恒达瑞泰宏昌盛兴隆安康信诚嘉和远航博通天成永新金源丰汇中科联创卓越九洲长虹明宇凯德利群鼎峰晨曦蓝海云启东方西蜀涪江富乐越王仙海鸿运"
    ).map(String.init)
    static let styles: [String] = ["", "科技", "实业", "", "新材料", "智能", "", "工业"]
    static let legalForms: [String] = ["有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]

    /// A name for an enterprise of the given trade, drawn from `random`.
    @inline(__always)
    public static func make(place: String, tradeWord: String, using random: inout SeededRandom) -> String {
        let n = brandCharacters.count
        var name = place
        name += brandCharacters[random.index(below: n)]
        name += brandCharacters[random.index(below: n)]
        name += tradeWord
        name += styles[random.index(below: styles.count)]
        name += legalForms[random.index(below: legalForms.count)]
        return name
    }
}
