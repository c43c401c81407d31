// Raw table: the 97 divisions (大类) of GB/T 4754-2017, numbered 01–97
// without gaps, each written with its section letter.

extension IndustryTable {
    static let divisions: [IndustryClassification] = [
        // A 农、林、牧、渔业: 01–05
        IndustryClassification("A01", "农业", "Agriculture"),
        IndustryClassification("A02", "林业", "Forestry"),
        IndustryClassification("A03", "畜牧业", "Animal husbandry"),
        IndustryClassification("A04", "渔业", "Fishery"),
        IndustryClassification("A05", "农、林、牧、渔专业及辅助性活动", "Support activities for agriculture, forestry, animal husbandry and fishery"),
        // B 采矿业: 06–12
        IndustryClassification("B06", "煤炭开采和洗选业", "Mining and washing of coal"),
        IndustryClassification("B07", "石油和天然气开采业", "Extraction of petroleum and natural gas"),
        IndustryClassification("B08", "黑色金属矿采选业", "Mining and processing of ferrous metal ores"),
        IndustryClassification("B09", "有色金属矿采选业", "Mining and processing of non-ferrous metal ores"),
        IndustryClassification("B10", "非金属矿采选业", "Mining and processing of non-metal ores"),
        IndustryClassification("B11", "开采专业及辅助性活动", "Support activities for mining"),
        IndustryClassification("B12", "其他采矿业", "Other mining"),
        // C 制造业: 13–43
        IndustryClassification("C13", "农副食品加工业", "Processing of food from agricultural products"),
        IndustryClassification("C14", "食品制造业", "Manufacture of foods"),
        IndustryClassification("C15", "酒、饮料和精制茶制造业", "Manufacture of liquor, beverages and refined tea"),
        IndustryClassification("C16", "烟草制品业", "Manufacture of tobacco"),
        IndustryClassification("C17", "纺织业", "Manufacture of textiles"),
        IndustryClassification("C18", "纺织服装、服饰业", "Manufacture of textile garments and apparel"),
        IndustryClassification("C19", "皮革、毛皮、羽毛及其制品和制鞋业", "Manufacture of leather, fur, feathers and related products; footwear"),
        IndustryClassification("C20", "木材加工和木、竹、藤、棕、草制品业", "Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products"),
        IndustryClassification("C21", "家具制造业", "Manufacture of furniture"),
        IndustryClassification("C22", "造纸和纸制品业", "Manufacture of paper and paper products"),
        IndustryClassification("C23", "印刷和记录媒介复制业", "Printing and reproduction of recording media"),
        IndustryClassification("C24", "文教、工美、体育和娱乐用品制造业", "Manufacture of articles for culture, education, arts and crafts, sport and entertainment"),
        IndustryClassification("C25", "石油、煤炭及其他燃料加工业", "Processing of petroleum, coal and other fuels"),
        IndustryClassification("C26", "化学原料和化学制品制造业", "Manufacture of raw chemical materials and chemical products"),
        IndustryClassification("C27", "医药制造业", "Manufacture of medicines"),
        IndustryClassification("C28", "化学纤维制造业", "Manufacture of chemical fibres"),
        IndustryClassification("C29", "橡胶和塑料制品业", "Manufacture of rubber and plastic products"),
        IndustryClassification("C30", "非金属矿物制品业", "Manufacture of non-metallic mineral products"),
        IndustryClassification("C31", "黑色金属冶炼和压延加工业", "Smelting and pressing of ferrous metals"),
        IndustryClassification("C32", "有色金属冶炼和压延加工业", "Smelting and pressing of non-ferrous metals"),
        IndustryClassification("C33", "金属制品业", "Manufacture of metal products"),
        IndustryClassification("C34", "通用设备制造业", "Manufacture of general-purpose machinery"),
        IndustryClassification("C35", "专用设备制造业", "Manufacture of special-purpose machinery"),
        IndustryClassification("C36", "汽车制造业", "Manufacture of automobiles"),
        IndustryClassification("C37", "铁路、船舶、航空航天和其他运输设备制造业", "Manufacture of railway, ship, aerospace and other transport equipment"),
        IndustryClassification("C38", "电气机械和器材制造业", "Manufacture of electrical machinery and apparatus"),
        IndustryClassification("C39", "计算机、通信和其他电子设备制造业", "Manufacture of computers, communication and other electronic equipment"),
        IndustryClassification("C40", "仪器仪表制造业", "Manufacture of measuring instruments and meters"),
        IndustryClassification("C41", "其他制造业", "Other manufacturing"),
        IndustryClassification("C42", "废弃资源综合利用业", "Utilisation of waste resources"),
        IndustryClassification("C43", "金属制品、机械和设备修理业", "Repair of metal products, machinery and equipment"),
        // D 电力、热力、燃气及水生产和供应业: 44–46
        IndustryClassification("D44", "电力、热力生产和供应业", "Production and supply of electricity and heat"),
        IndustryClassification("D45", "燃气生产和供应业", "Production and supply of gas"),
        IndustryClassification("D46", "水的生产和供应业", "Production and supply of water"),
        // E 建筑业: 47–50
        IndustryClassification("E47", "房屋建筑业", "Construction of buildings"),
        IndustryClassification("E48", "土木工程建筑业", "Civil engineering"),
        IndustryClassification("E49", "建筑安装业", "Building installation"),
        IndustryClassification("E50", "建筑装饰、装修和其他建筑业", "Building decoration, renovation and other construction"),
        // F 批发和零售业: 51–52
        IndustryClassification("F51", "批发业", "Wholesale trade"),
        IndustryClassification("F52", "零售业", "Retail trade"),
        // G 交通运输、仓储和邮政业: 53–60
        IndustryClassification("G53", "铁路运输业", "Railway transport"),
        IndustryClassification("G54", "道路运输业", "Road transport"),
        IndustryClassification("G55", "水上运输业", "Water transport"),
        IndustryClassification("G56", "航空运输业", "Air transport"),
        IndustryClassification("G57", "管道运输业", "Pipeline transport"),
        IndustryClassification("G58", "多式联运和运输代理业", "Multimodal transport and transport agency"),
        IndustryClassification("G59", "装卸搬运和仓储业", "Loading, unloading and warehousing"),
        IndustryClassification("G60", "邮政业", "Postal services"),
        // H 住宿和餐饮业: 61–62
        IndustryClassification("H61", "住宿业", "Accommodation"),
        IndustryClassification("H62", "餐饮业", "Catering"),
        // I 信息传输、软件和信息技术服务业: 63–65
        IndustryClassification("I63", "电信、广播电视和卫星传输服务", "Telecommunication, broadcasting and satellite transmission services"),
        IndustryClassification("I64", "互联网和相关服务", "Internet and related services"),
        IndustryClassification("I65", "软件和信息技术服务业", "Software and information technology services"),
        // J 金融业: 66–69
        IndustryClassification("J66", "货币金融服务", "Monetary and financial services"),
        IndustryClassification("J67", "资本市场服务", "Capital market services"),
        IndustryClassification("J68", "保险业", "Insurance"),
        IndustryClassification("J69", "其他金融业", "Other financial services"),
        // K 房地产业: 70
        IndustryClassification("K70", "房地产业", "Real estate"),
        // L 租赁和商务服务业: 71–72
        IndustryClassification("L71", "租赁业", "Leasing"),
        IndustryClassification("L72", "商务服务业", "Business services"),
        // M 科学研究和技术服务业: 73–75
        IndustryClassification("M73", "研究和试验发展", "Research and experimental development"),
        IndustryClassification("M74", "专业技术服务业", "Professional technical services"),
        IndustryClassification("M75", "科技推广和应用服务业", "Technology promotion and application services"),
        // N 水利、环境和公共设施管理业: 76–79
        IndustryClassification("N76", "水利管理业", "Water conservancy management"),
        IndustryClassification("N77", "生态保护和环境治理业", "Ecological protection and environmental governance"),
        IndustryClassification("N78", "公共设施管理业", "Public facility management"),
        IndustryClassification("N79", "土地管理业", "Land management"),
        // O 居民服务、修理和其他服务业: 80–82
        IndustryClassification("O80", "居民服务业", "Resident services"),
        IndustryClassification("O81", "机动车、电子产品和日用产品修理业", "Repair of motor vehicles, electronic and household products"),
        IndustryClassification("O82", "其他服务业", "Other services"),
        // P 教育: 83
        IndustryClassification("P83", "教育", "Education"),
        // Q 卫生和社会工作: 84–85
        IndustryClassification("Q84", "卫生", "Health"),
        IndustryClassification("Q85", "社会工作", "Social work"),
        // R 文化、体育和娱乐业: 86–90
        IndustryClassification("R86", "新闻和出版业", "News and publishing"),
        IndustryClassification("R87", "广播、电视、电影和录音制作业", "Radio, television, film and sound recording production"),
        IndustryClassification("R88", "文化艺术业", "Culture and arts"),
        IndustryClassification("R89", "体育", "Sports"),
        IndustryClassification("R90", "娱乐业", "Entertainment"),
        // S 公共管理、社会保障和社会组织: 91–96
        IndustryClassification("S91", "中国共产党机关", "Organs of the Communist Party of China"),
        IndustryClassification("S92", "国家机构", "State organs"),
        IndustryClassification("S93", "人民政协、民主党派", "CPPCC and democratic parties"),
        IndustryClassification("S94", "社会保障", "Social security"),
        IndustryClassification("S95", "群众团体、社会团体和其他成员组织", "Mass organisations, social organisations and other membership organisations"),
        IndustryClassification("S96", "基层群众自治组织及其他组织", "Grassroots self-governing organisations and other organisations"),
        // T 国际组织: 97
        IndustryClassification("T97", "国际组织", "International organisations"),
    ]
}
