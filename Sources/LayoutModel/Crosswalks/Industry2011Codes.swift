// Raw table: GB/T 4754-2011 《国民经济行业分类》 classes that GB/T 4754-2017 kept
// with the same code and the same content (name and 说明), for the divisions
// industrial parks commonly declare.
//
// Origin: the two editions' class lists compared code by code (国家统计局,
// 《国民经济行业分类》(GB/T 4754-2017) 新旧类目对照表). The classes the 2017 revision
// split, merged, renumbered or reused are in `LegacyIndustryCodes.swift`; a 2011
// code in neither list is not in this crosswalk and is reported as unmapped.
// Classes whose content 2017 widened or narrowed (e.g. 2011 C1371 蔬菜加工, from
// which 2017 took C1372 食用菌加工; 2011 C3130 黑色金属铸造, moved to C3391; 2011
// C3660 汽车零部件, renumbered C3670) are deliberately absent.

extension Industry2011Codes {
    static let unchanged: [(code: String, name: String)] = [
        ("C1351", "牲畜屠宰"), ("C1352", "禽类屠宰"), ("C1353", "肉制品及副产品加工"),
        ("C1391", "淀粉及淀粉制品制造"),
        ("C2614", "有机化学原料制造"), ("C2661", "化学试剂和助剂制造"), ("C2662", "专项化学用品制造"),
        ("C2710", "化学药品原料药制造"), ("C2720", "化学药品制剂制造"), ("C2740", "中成药生产"),
        ("C3424", "金属切割及焊接设备制造"),
        ("C3911", "计算机整机制造"), ("C3921", "通信系统设备制造"), ("C3922", "通信终端设备制造"),
        ("C3940", "雷达及配套设备制造"),
    ]
}
