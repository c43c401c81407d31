import LayoutModel

/// Colours of land-use classes after the conventional Chinese planning palette.
///
/// Source: the colour table of 《国土空间调查、规划、用途管制用地用海分类指南》
/// (自然资源部, 2023; appendix "用地用海分类色彩", itself carried over from the
/// 2020 trial edition) and, where that table is silent, the colour conventions of
/// GB 50137-2011 《城市用地分类与规划建设用地标准》 and CJJ/T 97-2003
/// 《城市规划制图标准》. The values below are this project's rendering of those hue
/// families (the appendix is published as a printed table, not as data): they keep
/// every class recognisable to a Chinese planner, and are softened where the
/// printed colour is too saturated for a map with thin parcels.
///
/// | code | class | colour |
/// |---|---|---|
/// | 01–06 | 耕地、园地、林地、草地、湿地、农业设施 | pale yellow-greens to greens |
/// | 07 | 居住用地 | yellow `#FFFF2D` |
/// | 08 | 公共管理与公共服务用地 | pink `#FF7FB2` (0802 科研 `#E65C8F`) |
/// | 09 | 商业服务业用地 | red `#FF3C3C` |
/// | 10 | 工矿用地 (1001 工业, 1002 采矿) | brown `#BB9674` |
/// | 11 | 仓储用地 | purple `#9E7DC9` |
/// | 12 | 交通运输用地 | grey `#B4B4B4` (1207 城镇道路 `#C8C8C8`) |
/// | 13 | 公用设施用地 | blue `#3A8FC4` |
/// | 14 | 绿地与开敞空间用地 | green `#4CC24C` (1402 防护绿地 `#2E9E47`, 1403 广场 `#B5DDB0`) |
/// | 15 | 特殊用地 | olive grey `#7A8C6E` |
/// | 16 | 留白用地 | near-white `#F2F2F2` |
/// | 17 | 陆地水域 | light blue `#A6D8F5` |
/// | 18–22 | 用海 | pale cyan `#C4E8F4` |
/// | 23 | 其他土地 | neutral `#E6E1D3` |
/// | unknown | — | grey `#D9D9D9` |
///
/// A code takes the colour of its nearest listed ancestor, so `"100101"`,
/// `"1001"` and `"10"` are all industrial brown.
public enum LandUsePalette {
    /// Colour for codes not in the table (or malformed).
    public static let unknownColor = "#D9D9D9"

    /// Colours by code; level-2 entries only where they differ from level 1.
    public static let colors: [String: String] = [
        "01": "#F2F5C8", "02": "#BFE9AA", "03": "#68B167", "04": "#CDF57A", "05": "#65CDAA", "06": "#D8D79F",
        "07": "#FFFF2D",
        "08": "#FF7FB2", "0802": "#E65C8F",
        "09": "#FF3C3C",
        "10": "#BB9674", "1002": "#9C7A5B",
        "11": "#9E7DC9",
        "12": "#B4B4B4", "1207": "#C8C8C8",
        "13": "#3A8FC4",
        "14": "#4CC24C", "1402": "#2E9E47", "1403": "#B5DDB0",
        "15": "#7A8C6E",
        "16": "#F2F2F2",
        "17": "#A6D8F5",
        "18": "#C4E8F4", "19": "#C4E8F4", "20": "#C4E8F4", "21": "#C4E8F4", "22": "#C4E8F4",
        "23": "#E6E1D3",
    ]

    /// The colour of `code`: its own entry or that of its nearest ancestor.
    public static func color(for code: String) -> String {
        guard LandUseCode.isWellFormed(code) else { return unknownColor }
        var current: String? = code
        while let c = current {
            if let found = colors[c] { return found }
            current = LandUseCode.parentCode(of: c)
        }
        return unknownColor
    }

    /// The class the legend groups `code` under: the level-2 class when it has a
    /// colour of its own, else the level-1 class.
    public static func legendCode(for code: String) -> String {
        guard LandUseCode.isWellFormed(code) else { return code }
        if let level2 = LandUseCode.ancestor(of: code, atLevel: 2), colors[level2] != nil { return level2 }
        return LandUseCode.ancestor(of: code, atLevel: 1) ?? code
    }
}
