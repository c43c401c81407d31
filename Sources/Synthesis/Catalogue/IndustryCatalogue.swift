/// GB/T 4754-2017 manufacturing classes the generators draw enterprises from,
/// each with the business words used in enterprise names.
///
/// Only 2017 class codes appear (e.g. `C1311` 稻谷加工, never the 2011 `C1310`).
public enum IndustryCatalogue {
    /// One 4-digit class (with its section letter) and a trade word for names.
    public struct IndustryClass: Sendable, Hashable {
        /// Class code with its section letter, e.g. `C3974`.
        public let code: String
        /// Word used in enterprise names, e.g. 显示.
        public let tradeWord: String
    }

    /// The classes, grouped by division for readability.
    public static let classes: [IndustryClass] = [
        // C13 农副食品加工业 / C14 食品制造业 / C15 饮料
        .init(code: "C1311", tradeWord: "粮油"), .init(code: "C1351", tradeWord: "肉类食品"),
        .init(code: "C1353", tradeWord: "肉制品"), .init(code: "C1371", tradeWord: "果蔬"),
        .init(code: "C1391", tradeWord: "淀粉"), .init(code: "C1411", tradeWord: "食品"),
        .init(code: "C1431", tradeWord: "米面"), .init(code: "C1462", tradeWord: "调味品"),
        .init(code: "C1512", tradeWord: "酒业"), .init(code: "C1524", tradeWord: "饮品"),
        // C17 纺织业
        .init(code: "C1711", tradeWord: "棉纺"), .init(code: "C1713", tradeWord: "印染"), .init(code: "C1751", tradeWord: "化纤织造"),
        // C25 石油加工 / C26 化学原料和化学制品
        .init(code: "C2511", tradeWord: "石化"),
        .init(code: "C2614", tradeWord: "化工"), .init(code: "C2619", tradeWord: "化学"), .init(code: "C2631", tradeWord: "农化"),
        .init(code: "C2641", tradeWord: "涂料"), .init(code: "C2661", tradeWord: "精细化工"), .init(code: "C2662", tradeWord: "化学品"),
        // C27 医药
        .init(code: "C2710", tradeWord: "制药"), .init(code: "C2720", tradeWord: "药业"), .init(code: "C2740", tradeWord: "中药"),
        .init(code: "C2761", tradeWord: "生物"),
        // C29 橡胶和塑料 / C30 非金属矿物制品
        .init(code: "C2922", tradeWord: "塑业"), .init(code: "C3011", tradeWord: "水泥"), .init(code: "C3021", tradeWord: "建材"),
        .init(code: "C3041", tradeWord: "玻璃"), .init(code: "C3061", tradeWord: "玻纤"),
        // C31 黑色金属 / C32 有色金属 / C33 金属制品
        .init(code: "C3120", tradeWord: "钢铁"), .init(code: "C3130", tradeWord: "特钢"), .init(code: "C3140", tradeWord: "合金"),
        .init(code: "C3240", tradeWord: "有色合金"), .init(code: "C3252", tradeWord: "铝业"),
        .init(code: "C3311", tradeWord: "钢结构"), .init(code: "C3360", tradeWord: "表面处理"),
        // C34 通用设备
        .init(code: "C3412", tradeWord: "动力机械"), .init(code: "C3424", tradeWord: "激光装备"), .init(code: "C3441", tradeWord: "泵业"),
        .init(code: "C3451", tradeWord: "轴承"),
        // C36 汽车 / C37 航空航天
        .init(code: "C3612", tradeWord: "新能源汽车"), .init(code: "C3670", tradeWord: "汽车零部件"),
        .init(code: "C3741", tradeWord: "航空"), .init(code: "C3743", tradeWord: "航天设备"), .init(code: "C3744", tradeWord: "航空装备"),
        // C38 电气机械
        .init(code: "C3811", tradeWord: "电机"), .init(code: "C3831", tradeWord: "线缆"), .init(code: "C3841", tradeWord: "锂电"),
        .init(code: "C3849", tradeWord: "电池"),
        // C39 计算机、通信和其他电子设备
        .init(code: "C3911", tradeWord: "计算机"), .init(code: "C3921", tradeWord: "通信"), .init(code: "C3922", tradeWord: "通信终端"),
        .init(code: "C3940", tradeWord: "雷达"), .init(code: "C3962", tradeWord: "智能车载"),
        .init(code: "C3973", tradeWord: "集成电路"), .init(code: "C3974", tradeWord: "显示"), .init(code: "C3976", tradeWord: "光电"),
        .init(code: "C3981", tradeWord: "电子元件"), .init(code: "C3982", tradeWord: "电路板"), .init(code: "C3983", tradeWord: "传感器"),
        .init(code: "C3985", tradeWord: "电子材料"),
        // C40 仪器仪表
        .init(code: "C4011", tradeWord: "自动化"), .init(code: "C4040", tradeWord: "光学"),
    ]

    /// Hazardous-chemical divisions (docs/analyses.md §4 default: C25, C26).
    public static let hazardousPrefixes = ["C25", "C26"]

    /// Whether `code` falls under `prefix` (a code at any level covers the codes below it).
    @inline(__always)
    public static func code(_ code: String, isUnder prefix: String) -> Bool { code.hasPrefix(prefix) }

    /// Whether `code` is under any of `prefixes`.
    public static func code(_ code: String, isUnderAny prefixes: [String]) -> Bool {
        prefixes.contains { code.hasPrefix($0) }
    }

    /// Whether the class is a hazardous chemical one.
    public static func isHazardous(_ code: String) -> Bool { Self.code(code, isUnderAny: hazardousPrefixes) }

    /// Indices into `classes` of the classes under `prefix`.
    public static func classIndices(under prefix: String) -> [Int] {
        classes.indices.filter { classes[$0].code.hasPrefix(prefix) }
    }

    /// Indices of classes under none of `prefixes` and not hazardous: the pool
    /// misfit enterprises are drawn from.
    public static func misfitIndices(excluding prefixes: [String]) -> [Int] {
        classes.indices.filter { i in
            let c = classes[i].code
            return !isHazardous(c) && !code(c, isUnderAny: prefixes)
        }
    }

    /// Positioning codes (division or group level) that generic parks declare.
    public static let positioningCodes: [String] = [
        "C13", "C14", "C15", "C17", "C27", "C29", "C30", "C31", "C324", "C33", "C34", "C367", "C374",
        "C38", "C384", "C392", "C397", "C398", "C40",
    ]
}
