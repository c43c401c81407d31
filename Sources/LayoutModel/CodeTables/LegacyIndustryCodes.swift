// Raw table: GB/T 4754-2011 classes that the 2017 revision split, merged or
// renumbered, with the 2017 classes that took their place.

extension LegacyIndustryCodes {
    static let entries: [LegacyIndustryCode] = [
        // 2011 had one class per group; 2017 split them.
        LegacyIndustryCode("C1310", "谷物磨制", replacements: ["C1311", "C1312", "C1313", "C1314", "C1319"]),
        LegacyIndustryCode("C1320", "饲料加工", replacements: ["C1321", "C1329"]),
        LegacyIndustryCode("C1440", "乳制品制造", replacements: ["C1441", "C1442", "C1449"]),
        // 2011 C361 汽车整车制造 → 2017 split by fuel.
        LegacyIndustryCode("C3610", "汽车整车制造", replacements: ["C3611", "C3612"]),
        // 2011 C404 光学仪器及眼镜制造 → 2017 C4040 光学仪器制造, 眼镜 moved to C3587.
        LegacyIndustryCode("C4041", "光学仪器制造", replacements: ["C4040"]),
        LegacyIndustryCode("C4042", "眼镜制造", replacements: ["C3587"]),

        // 2011 C396 电子器件制造 and C397 电子元件制造 became 2017 C397 and
        // C398; 2017 reused the numbers C396x for 智能消费设备制造. These old
        // codes are still valid 2017 codes with a different meaning, so they
        // cannot be reported as unknown; they are listed for reference and
        // for the "meaning changed" note.
        LegacyIndustryCode("C3961", "电子真空器件制造", replacements: ["C3971"], reusedIn2017: true),
        LegacyIndustryCode("C3962", "半导体分立器件制造", replacements: ["C3972"], reusedIn2017: true),
        LegacyIndustryCode("C3963", "集成电路制造", replacements: ["C3973"], reusedIn2017: true),
        LegacyIndustryCode("C3969", "光电子器件及其他电子器件制造", replacements: ["C3974", "C3975", "C3976", "C3979"], reusedIn2017: true),
        LegacyIndustryCode("C3971", "电子元件及组件制造", replacements: ["C3981", "C3983", "C3984", "C3989"], reusedIn2017: true),
        LegacyIndustryCode("C3972", "印制电路板制造", replacements: ["C3982"], reusedIn2017: true),
    ]
}
