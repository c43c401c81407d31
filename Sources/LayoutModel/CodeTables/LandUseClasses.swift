// Raw table: 《国土空间调查、规划、用途管制用地用海分类指南》(自然资源部, 2023).
//
// All 24 level-1 classes are listed. Level 2 and 3 are listed where a park
// uses them (residential, public service, commercial, industrial, warehouse,
// transport, utilities, green space, special, water, other land). Which
// level-1 classes have *all* their level-2 classes listed is recorded in
// `LandUseTable.completeParents`, so that an unlisted child of a completely
// listed parent is an unknown code, while one of a partly listed parent is only
// a "not in the shipped table" warning.

extension LandUseTable {
    /// Every shipped class, parents before children.
    static let entries: [LandUseClass] = [
        // 01–06: agricultural land and facilities.
        LandUseClass("01", "耕地", "Cultivated land"),
        LandUseClass("0101", "水田", "Paddy field"),
        LandUseClass("0102", "水浇地", "Irrigated land"),
        LandUseClass("0103", "旱地", "Dry land"),
        LandUseClass("02", "园地", "Garden land (orchards and plantations)"),
        LandUseClass("03", "林地", "Forest land"),
        LandUseClass("04", "草地", "Grassland"),
        LandUseClass("05", "湿地", "Wetland"),
        LandUseClass("06", "农业设施建设用地", "Agricultural facility construction land"),

        // 07: residential.
        LandUseClass("07", "居住用地", "Residential land"),
        LandUseClass("0701", "城镇住宅用地", "Urban housing land"),
        LandUseClass("070101", "一类城镇住宅用地", "Class-1 urban housing land"),
        LandUseClass("070102", "二类城镇住宅用地", "Class-2 urban housing land"),
        LandUseClass("070103", "三类城镇住宅用地", "Class-3 urban housing land"),
        LandUseClass("0702", "城镇社区服务设施用地", "Urban community service facility land"),
        LandUseClass("0703", "农村宅基地", "Rural homestead land"),
        LandUseClass("0704", "农村社区服务设施用地", "Rural community service facility land"),

        // 08: public administration and public services.
        LandUseClass("08", "公共管理与公共服务用地", "Public administration and public service land"),
        LandUseClass("0801", "机关团体用地", "Government and organisation land"),
        LandUseClass("0802", "科研用地", "Scientific research land"),
        LandUseClass("0803", "文化用地", "Cultural facility land"),
        LandUseClass("0804", "教育用地", "Education land"),
        LandUseClass("0805", "体育用地", "Sports land"),
        LandUseClass("0806", "医疗卫生用地", "Medical and health land"),
        LandUseClass("0807", "社会福利用地", "Social welfare land"),

        // 09: commercial services.
        LandUseClass("09", "商业服务业用地", "Commercial service land"),
        LandUseClass("0901", "商业用地", "Commercial land"),
        LandUseClass("0902", "商务金融用地", "Business and finance land"),
        LandUseClass("0903", "娱乐用地", "Entertainment land"),
        LandUseClass("0904", "其他商业服务业用地", "Other commercial service land"),

        // 10: industry and mining (工矿).
        LandUseClass("10", "工矿用地", "Industrial and mining land"),
        LandUseClass("1001", "工业用地", "Industrial land"),
        LandUseClass("100101", "一类工业用地", "Class-1 industrial land"),
        LandUseClass("100102", "二类工业用地", "Class-2 industrial land"),
        LandUseClass("100103", "三类工业用地", "Class-3 industrial land"),
        LandUseClass("1002", "采矿用地", "Mining land"),
        LandUseClass("1003", "盐田", "Salt pan"),

        // 11: warehousing.
        LandUseClass("11", "仓储用地", "Warehouse land"),
        LandUseClass("1101", "物流仓储用地", "Logistics and warehouse land"),
        LandUseClass("110101", "一类物流仓储用地", "Class-1 logistics and warehouse land"),
        LandUseClass("110102", "二类物流仓储用地", "Class-2 logistics and warehouse land"),
        LandUseClass("110103", "三类物流仓储用地", "Class-3 logistics and warehouse land"),
        LandUseClass("1102", "储备库用地", "Strategic reserve depot land"),

        // 12: transport.
        LandUseClass("12", "交通运输用地", "Transport land"),
        LandUseClass("1201", "铁路用地", "Railway land"),
        LandUseClass("1202", "公路用地", "Highway land"),
        LandUseClass("1203", "机场用地", "Airport land"),
        LandUseClass("1204", "港口码头用地", "Port and wharf land"),
        LandUseClass("1205", "管道运输用地", "Pipeline transport land"),
        LandUseClass("1206", "城市轨道交通用地", "Urban rail transit land"),
        LandUseClass("1207", "城镇村道路用地", "Urban and village road land"),
        LandUseClass("1208", "交通场站用地", "Transport station and yard land"),
        LandUseClass("1209", "其他交通设施用地", "Other transport facility land"),

        // 13: public utilities.
        LandUseClass("13", "公用设施用地", "Public utility land"),
        LandUseClass("1301", "供水用地", "Water supply land"),
        LandUseClass("1302", "排水用地", "Drainage land"),
        LandUseClass("1303", "供电用地", "Power supply land"),
        LandUseClass("1304", "供燃气用地", "Gas supply land"),
        LandUseClass("1305", "供热用地", "Heat supply land"),
        LandUseClass("1306", "通信用地", "Telecommunication land"),
        LandUseClass("1307", "邮政用地", "Postal land"),
        LandUseClass("1308", "广播电视设施用地", "Radio and television facility land"),
        LandUseClass("1309", "环卫用地", "Sanitation land"),
        LandUseClass("1310", "消防用地", "Fire station land"),
        LandUseClass("1311", "水工设施用地", "Hydraulic facility land"),
        LandUseClass("1312", "其他公用设施用地", "Other public utility land"),

        // 14: green and open space.
        LandUseClass("14", "绿地与开敞空间用地", "Green and open space land"),
        LandUseClass("1401", "公园绿地", "Park green space"),
        LandUseClass("1402", "防护绿地", "Protective green space"),
        LandUseClass("1403", "广场用地", "Square land"),

        // 15: special uses.
        LandUseClass("15", "特殊用地", "Special-use land"),
        LandUseClass("1501", "军事设施用地", "Military facility land"),
        LandUseClass("1502", "使领馆用地", "Embassy and consulate land"),
        LandUseClass("1503", "宗教用地", "Religious land"),
        LandUseClass("1504", "文物古迹用地", "Cultural heritage land"),
        LandUseClass("1505", "监教场所用地", "Detention and correction land"),
        LandUseClass("1506", "殡葬用地", "Funeral land"),
        LandUseClass("1507", "其他特殊用地", "Other special-use land"),

        // 16: reserved, no subclasses in the guide.
        LandUseClass("16", "留白用地", "Reserved (white) land"),

        // 17: inland water.
        LandUseClass("17", "陆地水域", "Inland water"),
        LandUseClass("1701", "河流水面", "River surface"),
        LandUseClass("1702", "湖泊水面", "Lake surface"),
        LandUseClass("1703", "水库水面", "Reservoir surface"),
        LandUseClass("1704", "坑塘水面", "Pond surface"),
        LandUseClass("1705", "沟渠", "Ditch and canal"),
        LandUseClass("1706", "冰川及常年积雪", "Glacier and permanent snow"),

        // 18–22, 24: sea use (用海), listed at level 1 only.
        LandUseClass("18", "渔业用海", "Fishery sea use"),
        LandUseClass("19", "工矿通信用海", "Industrial, mining and communication sea use"),
        LandUseClass("20", "交通运输用海", "Transport sea use"),
        LandUseClass("21", "游憩用海", "Recreational sea use"),
        LandUseClass("22", "特殊用海", "Special sea use"),

        // 23: other land.
        LandUseClass("23", "其他土地", "Other land"),
        LandUseClass("2301", "空闲地", "Vacant land"),
        LandUseClass("2302", "田坎", "Field ridge"),
        LandUseClass("2303", "田间道", "Farm road"),
        LandUseClass("2304", "盐碱地", "Saline-alkali land"),
        LandUseClass("2305", "沙地", "Sandy land"),
        LandUseClass("2306", "裸土地", "Bare soil land"),
        LandUseClass("2307", "裸岩石砾地", "Bare rock and gravel land"),

        LandUseClass("24", "其他海域", "Other sea area"),
    ]

    /// Codes whose children are all listed above: an unlisted child of one of
    /// these is not a code of the guide. The level-3 classes of 08, 09, 12 and
    /// the level-2 classes of 02–06 are not shipped, so those parents are absent.
    static let completeParents: Set<String> = [
        "01", "07", "0701", "08", "09", "10", "1001", "11", "1101", "12", "13", "14", "15", "16", "17", "23",
    ]
}
