import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The `stats` report as stable JSON (docs/cli.md), CSV and readable tables.
public struct StatsRendering {
    public let dataset: String
    public let report: LandUseReport
    public let benefit: PerMuBenefitReport?

    /// - Parameter dataset: the dataset's name as the user gave it (printed in the report).
    public init(dataset: String, report: LandUseReport, benefit: PerMuBenefitReport?) {
        self.dataset = dataset
        self.report = report
        self.benefit = benefit
    }

    public static let areaMethod = "ellipsoidal area on GRS80 (PROJ geod_polygonarea, Karney 2013)"

    // MARK: JSON

    public func json() -> JSONValue { json(perEnterprise: true) }

    /// - Parameter perEnterprise: false leaves the `enterprises` array (the per-mu rows) out,
    ///   for a city too big for JSON (`AnalyzeOutputRule`); the rows are in per_mu.csv.
    public func json(perEnterprise: Bool) -> JSONValue {
        var root: JSONObject = [
            "dataset": .string(dataset),
            "crs": .string("OGC:CRS84"),
            "area_method": .string(Self.areaMethod),
            "level": .integer(Int64(report.level)),
        ]
        root["parks"] = .array(report.parks.map { p in
            var o: JSONObject = ["id": .string(p.id), "name": .string(p.name), "level": .string(p.level.rawValue),
                                 "district": p.district.map(JSONValue.string) ?? .null]
            Self.appendUnit(p.statistics, to: &o)
            return .object(o)
        })
        root["districts"] = .array(report.districts.map { d in
            var o: JSONObject = ["code": .string(d.code), "name": .string(d.name), "kind": .string(d.kind.rawValue)]
            Self.appendUnit(d.statistics, to: &o)
            return .object(o)
        })
        var total = JSONObject()
        Self.appendUnit(report.total, to: &total)
        root["total"] = .object(total)
        if let benefit {
            if perEnterprise { root["enterprises"] = .array(benefit.evaluated.map(Self.json) + benefit.notEvaluated.map(Self.json)) }
            root["benefit"] = .object(Self.summary(benefit))
        }
        return .object(root)
    }

    public static func appendUnit(_ u: UnitStatistics, to o: inout JSONObject) {
        o["area_m2"] = JSONValue.number(u.area)
        o["parcel_area_m2"] = JSONValue.number(u.parcelArea)
        o["parcel_count"] = .integer(Int64(u.parcelCount))
        o["land_use"] = .array(u.landUse.map {
            .object(["code": .string($0.code), "name_zh": .string($0.nameZh), "name_en": .string($0.nameEn),
                     "area_m2": JSONValue.number($0.area), "share": JSONValue.number($0.share)])
        })
        o["status"] = .array(u.statuses.map { .object(["status": .string($0.status.rawValue), "area_m2": JSONValue.number($0.area)]) })
        var indicators = JSONObject()
        for (indicator, value) in u.indicators.all { indicators[indicator.key] = JSONValue.number(value) }
        o["indicators"] = .object(indicators)
    }

    public static func json(_ e: EnterpriseBenefit) -> JSONValue {
        .object([
            "id": .string(e.id), "name": .string(e.name), "industry": .string(e.industry), "evaluated": .bool(true),
            "land_m2": JSONValue.number(e.land), "land_source": .string(e.landSource.rawValue), "mu": JSONValue.number(e.mu),
            "revenue_per_mu": JSONValue.number(e.revenuePerMu), "tax_per_mu": JSONValue.number(e.taxPerMu),
            "revenue_per_employee": JSONValue.number(e.revenuePerEmployee), "score": JSONValue.number(e.score),
            "rank": .integer(Int64(e.rank)), "grade": .string(e.grade.rawValue), "reason": .null,
        ])
    }

    public static func json(_ e: UnevaluatedEnterprise) -> JSONValue {
        .object(["id": .string(e.id), "name": .string(e.name), "evaluated": .bool(false), "grade": .null,
                 "reason": .string(e.reason), "reason_zh": .string(e.reasons.map(\.nameZh).joined(separator: "；"))])
    }

    public static func summary(_ b: PerMuBenefitReport) -> JSONObject {
        let p = b.policy
        var counts = JSONObject()
        for g in BenefitGrade.allCases { counts[g.rawValue] = .integer(Int64(b.count(of: g))) }
        return [
            "weights": .object(["tax_per_mu": JSONValue.number(p.taxPerMuWeight), "revenue_per_mu": JSONValue.number(p.revenuePerMuWeight),
                                "revenue_per_employee": JSONValue.number(p.revenuePerEmployeeWeight)]),
            "grade_shares": .object(["a": JSONValue.number(p.gradeShares.a), "b": JSONValue.number(p.gradeShares.b),
                                     "c": JSONValue.number(p.gradeShares.c), "d": JSONValue.number(p.gradeShares.d)]),
            "benchmarks": .object(["tax_per_mu": JSONValue.number(b.benchmarks.taxPerMu), "revenue_per_mu": JSONValue.number(b.benchmarks.revenuePerMu),
                                   "revenue_per_employee": JSONValue.number(b.benchmarks.revenuePerEmployee)]),
            "grade_counts": .object(counts),
            "evaluated": .integer(Int64(b.evaluated.count)),
            "not_evaluated": .integer(Int64(b.notEvaluated.count)),
        ]
    }

    // MARK: CSV

    /// One row per unit and land-use class.
    public func classCSV() -> String {
        var lines = ["unit_kind,unit_id,unit_name,unit_area_m2,parcel_area_m2,code,name_zh,name_en,area_m2,share"]
        for (kind, id, name, u) in units() {
            for c in u.landUse {
                lines.append([kind, id, name, CSVText.number(u.area), CSVText.number(u.parcelArea), c.code, c.nameZh, c.nameEn,
                              CSVText.number(c.area), CSVText.number(c.share)].map(CSVText.field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per enterprise of the per-mu table (evaluated by rank, then the others).
    public func benefitCSV() -> String {
        guard let benefit else { return "" }
        var out = Self.benefitHeader + "\n"
        for row in 0..<benefit.evaluated.count + benefit.notEvaluated.count { out += CSVText.row(benefitRow(row)) }
        return out
    }

    static let benefitHeader = "rank,grade,id,name,industry,land_m2,land_source,mu,revenue_per_mu,tax_per_mu,revenue_per_employee,score,reason"

    /// The per-mu table streamed into `csv`, the same bytes as `benefitCSV()`.
    public func benefitCSV(to csv: CSVStream) throws {
        guard let benefit else { return }
        try csv.row(Self.benefitHeader.split(separator: ",").map(String.init))
        for row in 0..<benefit.evaluated.count + benefit.notEvaluated.count { try csv.row(benefitRow(row)) }
    }

    /// Rows of the per-mu table: the evaluated enterprises by rank, then the others.
    public var benefitRowCount: Int { benefit.map { $0.evaluated.count + $0.notEvaluated.count } ?? 0 }

    func benefitRow(_ row: Int) -> [String] {
        guard let benefit else { return [] }
        if row < benefit.evaluated.count {
            let e = benefit.evaluated[row]
            return [String(e.rank), e.grade.rawValue, e.id, e.name, e.industry, CSVText.number(e.land), e.landSource.rawValue,
                    CSVText.number(e.mu), CSVText.number(e.revenuePerMu), CSVText.number(e.taxPerMu),
                    CSVText.number(e.revenuePerEmployee), CSVText.number(e.score), ""]
        }
        let e = benefit.notEvaluated[row - benefit.evaluated.count]
        return ["", "", e.id, e.name] + Array(repeating: "", count: 8) + [e.reason]
    }

    /// Every unit with its kind, identifier and name, in JSON order.
    public func units() -> [(kind: String, id: String, name: String, statistics: UnitStatistics)] {
        report.parks.map { ("park", $0.id, $0.name, $0.statistics) }
            + report.districts.map { ($0.kind.rawValue, $0.code, $0.name, $0.statistics) }
            + [("total", "total", "全部 total", report.total)]
    }

    // MARK: Table

    public func table() -> String {
        let ha = { (m2: Double) in NumberText.grouped(m2 / 10_000, decimals: 2) }
        let mu = { (m2: Double) in NumberText.grouped(AreaUnit.mu(fromSquareMetres: m2), decimals: 1) }
        var out = "\(dataset): land-use statistics (用地统计), classes at level \(report.level)\n"
        out += "Areas: \(Self.areaMethod); 1 亩 = 10000/15 m²\n\n"

        out += "Units 统计单元\n"
        var overview = TextTable(headers: ["kind 类型", "id", "name 名称", "area ha", "area 亩", "parcels ha", "parcels 亩", "parcels"])
        overview.rightAligned = [3, 4, 5, 6, 7]
        for (kind, id, name, u) in units() {
            overview.rows.append([Self.kindLabel(kind), id, name, ha(u.area), mu(u.area), ha(u.parcelArea), mu(u.parcelArea),
                                  String(u.parcelCount)])
        }
        out += overview.render() + "\n"

        out += "Intensive-use indicators 土地集约利用指标\n"
        let indicators = IntensiveUseIndicators.Indicator.allCases
        // Columns are named (short Chinese names, explained below), rows show the unit's name beside its id.
        var t = TextTable(headers: ["id", "name 名称"] + indicators.map(Self.columnName))
        t.rightAligned = Set(2...(indicators.count + 1))
        for (_, id, name, u) in units() {
            t.rows.append([id, TextTable.truncated(name, width: 16)] + u.indicators.all.map { Self.indicatorText($0.value, $0.indicator) })
        }
        out += t.render()
        for indicator in indicators {
            out += "  \(Self.columnName(indicator)): \(indicator.nameZh) \(indicator.nameEn) [\(indicator.unit)]\n"
        }
        out += "  — = no denominator (e.g. no built land)\n\n"

        out += "Area by status 按土地状态 (ha)\n"
        var s = TextTable(headers: ["id", "name 名称"] + ParcelStatus.allCases.map { "\($0.nameZh) \($0.rawValue)" })
        s.rightAligned = Set(2...(ParcelStatus.allCases.count + 1))
        for (_, id, name, u) in units() { s.rows.append([id, TextTable.truncated(name, width: 16)] + u.statuses.map { ha($0.area) }) }
        out += s.render() + "\n"

        out += "Area by land use 按用地类型\n"
        for (kind, id, name, u) in units() where !u.landUse.isEmpty {
            out += "\(Self.kindLabel(kind)) \(id) \(name)\n"
            var c = TextTable(headers: ["code", "用地类型", "land use", "ha", "亩", "share"])
            c.rightAligned = [3, 4, 5]
            for cls in u.landUse {
                c.rows.append([cls.code, cls.nameZh, cls.nameEn, ha(cls.area), mu(cls.area), Self.percent(cls.share)])
            }
            out += c.render(indent: "  ")
        }
        if let benefit { out += "\n" + benefitTable(benefit) }
        return out
    }

    /// A short column header for an indicator (the full name is in the legend below the table).
    public static func columnName(_ indicator: IntensiveUseIndicators.Indicator) -> String {
        switch indicator {
        case .landDevelopmentRate: "开发率"
        case .landSupplyRate: "供应率"
        case .landBuiltRate: "建成率"
        case .industrialLandRate: "工业用地率"
        case .floorAreaRatio: "容积率"
        case .buildingDensity: "建筑密度"
        case .industrialFloorAreaRatio: "工业容积率"
        case .industrialBuildingCoefficient: "建筑系数"
        case .investmentIntensity: "投入强度"
        case .industrialTaxPerHectare: "工业地均税收"
        case .taxPerHectare: "地均税收"
        case .idleLandRate: "闲置率"
        }
    }

    public func benefitTable(_ b: PerMuBenefitReport) -> String {
        let p = b.policy
        let value = { (v: Double?) in v.map { NumberText.grouped($0, decimals: 2) } ?? "—" }
        var out = "Per-mu benefit 亩均效益 (\(b.evaluated.count) evaluated, \(b.notEvaluated.count) not evaluated)\n"
        out += "  weights 权重: tax/mu \(p.taxPerMuWeight), revenue/mu \(p.revenuePerMuWeight), revenue/employee \(p.revenuePerEmployeeWeight)\n"
        out += "  benchmarks (median) 基准: tax/mu \(value(b.benchmarks.taxPerMu)) 万元/亩, revenue/mu \(value(b.benchmarks.revenuePerMu)) 万元/亩, "
        out += "revenue/employee \(value(b.benchmarks.revenuePerEmployee)) 万元/人\n"
        out += "  grades 等级: " + BenefitGrade.allCases.map { "\($0.rawValue) \(b.count(of: $0))" }.joined(separator: ", ") + "\n"
        var t = TextTable(headers: ["rank", "grade", "id", "name 名称", "industry", "亩", "营收/亩 rev/mu", "税收/亩 tax/mu", "营收/人 rev/emp", "score"])
        t.rightAligned = [0, 5, 6, 7, 8, 9]
        let shown = b.evaluated.count <= 40 ? b.evaluated : Array(b.evaluated.prefix(20)) + Array(b.evaluated.suffix(20))
        for (k, e) in shown.enumerated() {
            if b.evaluated.count > 40 && k == 20 { t.rows.append(["…", "", "", "\(b.evaluated.count - 40) more", "", "", "", "", "", ""]) }
            t.rows.append([String(e.rank), e.grade.rawValue, e.id, e.name, e.industry, NumberText.grouped(e.mu, decimals: 2),
                           value(e.revenuePerMu), value(e.taxPerMu), value(e.revenuePerEmployee), NumberText.fixed(e.score, decimals: 3)])
        }
        out += t.render(indent: "  ")
        if !b.notEvaluated.isEmpty {
            out += "  Not evaluated 未参评\n"
            var n = TextTable(headers: ["id", "name 名称", "reason 原因"])
            for e in b.notEvaluated.prefix(30) {
                n.rows.append([e.id, e.name, e.reasons.map { "\($0.nameZh) \($0.rawValue)" }.joined(separator: "; ")])
            }
            if b.notEvaluated.count > 30 { n.rows.append(["…", "\(b.notEvaluated.count - 30) more (see --format json)", ""]) }
            out += n.render(indent: "  ")
        }
        return out
    }

    public static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "park": "园区 park"
        case "administrative": "行政区 administrative"
        case "functional": "功能区 functional"
        default: "全域 total"
        }
    }

    public static func percent(_ share: Double?) -> String {
        share.map { NumberText.fixed($0 * 100, decimals: 1) + " %" } ?? "—"
    }

    public static func indicatorText(_ value: Double?, _ indicator: IntensiveUseIndicators.Indicator) -> String {
        guard let value else { return "—" }
        return indicator.unit == "万元/ha" ? NumberText.grouped(value, decimals: 1) : NumberText.fixed(value, decimals: 3)
    }
}
