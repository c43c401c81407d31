// Raw table: classes of GB 50137-2011 《城市用地分类与规划建设用地标准》 (Table 3.3.2,
// 城市建设用地分类) and of its 城乡用地 table (3.2.2) with the classes of
// 《国土空间调查、规划、用途管制用地用海分类指南》(2023, Appendix A) that took their place.
//
// Source of the correspondence: the class names and definitions of the two
// standards, entry by entry. Only classes whose 2023 counterpart is the same
// land (one class) or a listed set of classes (a split) are here; classes
// whose land the 2023 guide spread over classes of other kinds (R1–R3 with
// their service facilities, B3 娱乐康体, B4, U1–U3 groups, E2 农林, the H
// classes) are left out rather than guessed. The guide's appendix
// correspondence table could not be consulted when this table was written;
// check any addition against it.

extension LegacyLandUseCodes {
    static let entries: [LegacyLandUseCode] = [
        // 居住: R 居住用地 → 07 居住用地.
        LegacyLandUseCode("R", "居住用地", replacements: ["07"]),

        // 公共管理与公共服务: A → 08; 文物, 外事, 宗教 moved to 15 特殊用地.
        LegacyLandUseCode("A", "公共管理与公共服务设施用地", replacements: ["08"]),
        LegacyLandUseCode("A1", "行政办公用地", replacements: ["0801"]),
        LegacyLandUseCode("A2", "文化设施用地", replacements: ["0803"]),
        LegacyLandUseCode("A3", "教育科研用地", replacements: ["0804", "0802"]),
        LegacyLandUseCode("A4", "体育用地", replacements: ["0805"]),
        LegacyLandUseCode("A5", "医疗卫生用地", replacements: ["0806"]),
        LegacyLandUseCode("A6", "社会福利用地", replacements: ["0807"]),
        LegacyLandUseCode("A7", "文物古迹用地", replacements: ["1504"]),
        LegacyLandUseCode("A8", "外事用地", replacements: ["1502"]),
        LegacyLandUseCode("A9", "宗教用地", replacements: ["1503"]),

        // 商业服务业: B → 09.
        LegacyLandUseCode("B", "商业服务业设施用地", replacements: ["09"]),
        LegacyLandUseCode("B1", "商业用地", replacements: ["0901"]),
        LegacyLandUseCode("B2", "商务用地", replacements: ["0902"]),

        // 工业: M → 1001 工业用地, the three classes one to one.
        LegacyLandUseCode("M", "工业用地", replacements: ["1001"]),
        LegacyLandUseCode("M1", "一类工业用地", replacements: ["100101"]),
        LegacyLandUseCode("M2", "二类工业用地", replacements: ["100102"]),
        LegacyLandUseCode("M3", "三类工业用地", replacements: ["100103"]),

        // 物流仓储: W → 1101 物流仓储用地, the three classes one to one.
        LegacyLandUseCode("W", "物流仓储用地", replacements: ["1101"]),
        LegacyLandUseCode("W1", "一类物流仓储用地", replacements: ["110101"]),
        LegacyLandUseCode("W2", "二类物流仓储用地", replacements: ["110102"]),
        LegacyLandUseCode("W3", "三类物流仓储用地", replacements: ["110103"]),

        // 道路与交通设施: S → 12 交通运输用地.
        LegacyLandUseCode("S", "道路与交通设施用地", replacements: ["12"]),
        LegacyLandUseCode("S1", "城市道路用地", replacements: ["1207"]),
        LegacyLandUseCode("S2", "城市轨道交通用地", replacements: ["1206"]),
        LegacyLandUseCode("S4", "交通场站用地", replacements: ["1208"]),

        // 公用设施: U → 13.
        LegacyLandUseCode("U", "公用设施用地", replacements: ["13"]),

        // 绿地与广场: G → 14 绿地与开敞空间用地, the three classes one to one.
        LegacyLandUseCode("G", "绿地与广场用地", replacements: ["14"]),
        LegacyLandUseCode("G1", "公园绿地", replacements: ["1401"]),
        LegacyLandUseCode("G2", "防护绿地", replacements: ["1402"]),
        LegacyLandUseCode("G3", "广场用地", replacements: ["1403"]),

        // 非建设用地: E1 水域 → 17 陆地水域.
        LegacyLandUseCode("E1", "水域", replacements: ["17"]),
    ]
}
