// Raw table: the 20 sections (门类) of GB/T 4754-2017 《国民经济行业分类》.

extension IndustryTable {
    static let sections: [IndustryClassification] = [
        IndustryClassification("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
        IndustryClassification("B", "采矿业", "Mining"),
        IndustryClassification("C", "制造业", "Manufacturing"),
        IndustryClassification("D", "电力、热力、燃气及水生产和供应业", "Production and supply of electricity, heat, gas and water"),
        IndustryClassification("E", "建筑业", "Construction"),
        IndustryClassification("F", "批发和零售业", "Wholesale and retail trade"),
        IndustryClassification("G", "交通运输、仓储和邮政业", "Transport, storage and postal services"),
        IndustryClassification("H", "住宿和餐饮业", "Accommodation and catering"),
        IndustryClassification("I", "信息传输、软件和信息技术服务业", "Information transmission, software and information technology services"),
        IndustryClassification("J", "金融业", "Finance"),
        IndustryClassification("K", "房地产业", "Real estate"),
        IndustryClassification("L", "租赁和商务服务业", "Leasing and business services"),
        IndustryClassification("M", "科学研究和技术服务业", "Scientific research and technical services"),
        IndustryClassification("N", "水利、环境和公共设施管理业", "Water conservancy, environment and public facility management"),
        IndustryClassification("O", "居民服务、修理和其他服务业", "Resident services, repair and other services"),
        IndustryClassification("P", "教育", "Education"),
        IndustryClassification("Q", "卫生和社会工作", "Health and social work"),
        IndustryClassification("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
        IndustryClassification("S", "公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
        IndustryClassification("T", "国际组织", "International organisations"),
    ]
}
