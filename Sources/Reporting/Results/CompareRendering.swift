import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The `compare` report as stable JSON, readable tables and a change map.
public struct CompareRendering {
    public let oldName: String
    public let newName: String
    public let old: Dataset
    public let new: Dataset
    public let comparison: SnapshotComparison

    /// - Parameters oldName, newName: the snapshots' names as the user gave them.
    public init(oldName: String, newName: String, old: Dataset, new: Dataset, comparison: SnapshotComparison) {
        self.oldName = oldName
        self.newName = newName
        self.old = old
        self.new = new
        self.comparison = comparison
    }

    public static let areaMethod = StatsRendering.areaMethod

    // MARK: JSON

    public func json() -> JSONValue {
        let c = comparison
        var root: JSONObject = [
            "old": .string(oldName), "new": .string(newName), "level": .integer(Int64(c.level)),
            "area_method": .string(Self.areaMethod),
        ]
        let city = c.city
        let o = city.concentrationOld, n = city.concentrationNew
        root["city"] = .object([
            "indicators": Self.indicators(city.indicators),
            "leading_industry_share": Self.delta(city.leadingShareOld, city.leadingShareNew),
            "per_mu": Self.perMu(city.perMu),
            "industrial_in_parks": .object([
                "count_old": .integer(Int64(o.count)), "count_inside_old": .integer(Int64(o.countInside)),
                "count_new": .integer(Int64(n.count)), "count_inside_new": .integer(Int64(n.countInside)),
                "count_share": Self.delta(o.countShare, n.countShare),
                "output_share": Self.delta(o.outputShare, n.outputShare),
            ]),
            "land_use_transitions": Self.matrix(city.landUse),
            "status_transitions": Self.matrix(city.status),
        ])
        root["parks"] = .array(c.parks.map { p in
            .object([
                "id": .string(p.id), "name": .string(p.name), "in_old": .bool(p.inOld), "in_new": .bool(p.inNew),
                "indicators": Self.indicators(p.indicators),
                "leading_industry_share": Self.delta(p.leadingShareOld, p.leadingShareNew),
                "per_mu": Self.perMu(p.perMu),
                "land_use_transitions": Self.matrix(p.landUse),
                "status_transitions": Self.matrix(p.status),
                "enterprises": .object([
                    "entered": .integer(Int64(p.entered)), "exited": .integer(Int64(p.exited)),
                    "moved_in": .integer(Int64(p.movedIn)), "moved_out": .integer(Int64(p.movedOut)),
                    "industry_changed": .integer(Int64(p.industryChanged)),
                ]),
                "positioning": p.positioning.map(Self.positioning) ?? .null,
            ])
        })
        let m = c.movements
        var enterprises: JSONObject = ["matched": .integer(Int64(m.matched))]
        for kind in EnterpriseMovements.Kind.allCases { enterprises[kind.rawValue] = .integer(Int64(m.count(kind))) }
        enterprises["industry_changed"] = .integer(Int64(m.industryChanges.count))
        enterprises["changes"] = .array(m.changes.map { ch in
            .object(["id": .string(ch.id), "name": .string(ch.name), "change": .string(ch.kind.rawValue),
                     "old_park": ch.oldPark.map(JSONValue.string) ?? .null, "new_park": ch.newPark.map(JSONValue.string) ?? .null,
                     "distance_m": JSONValue.number(ch.distance)])
        })
        enterprises["industry_changes"] = .array(m.industryChanges.map {
            .object(["id": .string($0.id), "name": .string($0.name), "old_industry": .string($0.oldIndustry),
                     "new_industry": .string($0.newIndustry)])
        })
        root["enterprises"] = .object(enterprises)
        root["parcels"] = .object([
            "old": .integer(Int64(old.parcels.count)), "new": .integer(Int64(new.parcels.count)),
            "matched_ids": .integer(Int64(c.matchedParcelIds)),
            "changes": .array(comparison.parcelChangeSummary().map {
                .object(["change": .string($0.change.rawValue), "name_zh": .string($0.change.nameZh),
                         "count": .integer(Int64($0.count)), "area_m2": JSONValue.number($0.area)])
            }),
        ])
        return .object(root)
    }

    /// CSV: one row per unit (the city, then each park) and indicator, with old, new and delta.
    public func csv() -> String {
        var rows: [[String]] = []
        func add(_ kind: String, _ id: String, _ name: String, _ list: [SnapshotComparison.IndicatorDelta]) {
            for d in list {
                rows.append([kind, id, name, d.indicator.key, d.indicator.nameZh, CSVText.number(d.old), CSVText.number(d.new),
                             CSVText.number(d.delta)])
            }
        }
        add("city", "total", "全部 total", comparison.city.indicators)
        for p in comparison.parks { add("park", p.id, p.name, p.indicators) }
        return CSVText.table(header: ["unit_kind", "unit_id", "unit_name", "indicator", "name_zh", "old", "new", "delta"], rows: rows)
    }

    public static func indicators(_ list: [SnapshotComparison.IndicatorDelta]) -> JSONValue {
        .array(list.map {
            .object(["key": .string($0.indicator.key), "name_zh": .string($0.indicator.nameZh), "name_en": .string($0.indicator.nameEn),
                     "old": JSONValue.number($0.old), "new": JSONValue.number($0.new), "delta": JSONValue.number($0.delta)])
        })
    }

    public static func delta(_ old: Double?, _ new: Double?) -> JSONValue {
        let d: Double? = old.flatMap { o in new.map { $0 - o } }
        return .object(["old": JSONValue.number(old), "new": JSONValue.number(new), "delta": JSONValue.number(d)])
    }

    public static func perMu(_ g: PerMuGrowth) -> JSONValue {
        .object([
            "enterprises": .integer(Int64(g.enterprises)),
            "revenue_per_mu_old": JSONValue.number(g.oldRevenuePerMu), "revenue_per_mu_new": JSONValue.number(g.newRevenuePerMu),
            "revenue_per_mu_growth": JSONValue.number(g.revenueGrowth),
            "tax_per_mu_old": JSONValue.number(g.oldTaxPerMu), "tax_per_mu_new": JSONValue.number(g.newTaxPerMu), "tax_per_mu_growth": JSONValue.number(g.taxGrowth),
        ])
    }

    public static func matrix(_ m: LandTransitionMatrix) -> JSONValue {
        func totals(_ sums: [String: Double]) -> JSONValue {
            .array(sums.keys.sorted().map { .object(["code": .string($0), "area_m2": JSONValue.number(sums[$0])]) })
        }
        return .object([
            "cells": .array(m.cells.map { .object(["from": .string($0.from), "to": .string($0.to), "area_m2": JSONValue.number($0.area)]) }),
            "from_totals": totals(m.rowSums), "to_totals": totals(m.columnSums),
        ])
    }

    public static func positioning(_ p: PositioningChange) -> JSONValue {
        .object([
            "main_added": .array(p.mainAdded.map(JSONValue.string)), "main_removed": .array(p.mainRemoved.map(JSONValue.string)),
            "featured_added": .array(p.featuredAdded.map(JSONValue.string)),
            "featured_removed": .array(p.featuredRemoved.map(JSONValue.string)),
            "featured_status_old": p.oldFeaturedStatus.map { .string($0.rawValue) } ?? .null,
            "featured_status_new": p.newFeaturedStatus.map { .string($0.rawValue) } ?? .null,
        ])
    }

    // MARK: Map

    /// New parcels coloured by change, then moved enterprises as lines, then entries and exits as points.
    public func changeMap() -> FeatureCollection {
        var features: [Feature] = []
        let c = comparison
        for (j, parcel) in new.parcels.enumerated() {
            let change = c.parcelChanges[j]
            var p = parcel.exportProperties
            let before = c.dominantOldParcel[j].map { old.parcels[$0] }
            p["change"] = .string(change.rawValue)
            p["old_parcel"] = before.map { .string($0.id) } ?? .null
            p["old_status"] = before.map { .string($0.status.rawValue) } ?? .null
            p["old_land_use"] = before.map { .string($0.landUse) } ?? .null
            p.addMissing([
                "fill": .string(change.colour), "fill-opacity": .double(change == .unchanged ? 0.35 : 0.75),
                "stroke": .string(change.colour), "stroke-width": .double(0.5),
                "title": .string("\(parcel.id) \(change.nameZh) \(change.rawValue)"),
                "description": .string(
                    "\(before?.status.rawValue ?? "—") → \(parcel.status.rawValue); \(before?.landUse ?? "—") → \(parcel.landUse)"),
            ])
            features.append(Feature(id: .string(parcel.id), geometry: parcel.geometry, properties: p))
        }
        // Enterprise points and moves carry the enterprise's input properties (the new year's, or the
        // old year's for an exit), then the change; styling keys only where the input has none.
        let newByID = Dictionary(new.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldByID = Dictionary(old.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for change in c.movements.changes {
            var p = (change.kind == .exited ? oldByID[change.id] : newByID[change.id] ?? oldByID[change.id])?.exportProperties
                ?? ["id": .string(change.id), "name": .string(change.name)]
            func style(_ key: String, _ value: JSONValue) { if p[key] == nil { p[key] = value } }
            p["change"] = .string(change.kind.rawValue)
            p["old_park"] = change.oldPark.map(JSONValue.string) ?? .null
            p["new_park"] = change.newPark.map(JSONValue.string) ?? .null
            p["distance_m"] = JSONValue.number(change.distance)
            let title = "\(change.name) \(change.kind.nameZh) \(change.kind.rawValue)"
            let geometry: Geometry
            switch change.kind {
            case .entered, .exited:
                guard let at = change.newLocation ?? change.oldLocation else { continue }
                geometry = .point(at)
                style("marker-color", .string(change.kind == .entered ? "#1a9850" : "#d73027"))
                style("marker-size", .string("small"))
            default:
                guard let a = change.oldLocation, let b = change.newLocation else { continue }
                geometry = .lineString(CoordinateSequence(xy: [(a.x, a.y), (b.x, b.y)]))
                style("stroke", .string("#6a3d9a"))
                style("stroke-width", .double(2))
            }
            style("title", .string(title))
            style("description", .string("\(change.oldPark ?? "outside 园区外") → \(change.newPark ?? "outside 园区外")"))
            features.append(Feature(id: .string(change.id), geometry: geometry, properties: p))
        }
        return FeatureCollection(features: features)
    }

    // MARK: Table

    public func table() -> String {
        let c = comparison
        let ha = { (m2: Double) in NumberText.grouped(m2 / 10_000, decimals: 2) }
        let ratio = { (v: Double?) in v.map { NumberText.fixed($0, decimals: 3) } ?? "—" }
        let signed = { (v: Double?) -> String in
            guard let v else { return "—" }
            return (v >= 0 ? "+" : "") + NumberText.fixed(v, decimals: 3)
        }
        let percent = { (v: Double?) -> String in
            guard let v else { return "—" }
            return (v >= 0 ? "+" : "") + NumberText.fixed(v * 100, decimals: 1) + " %"
        }
        var out = "Comparison 动态评估: \(oldName) → \(newName); land-use classes at level \(c.level)\n"
        out += "Areas: \(Self.areaMethod)\n\n"

        out += "City-wide indicators 全域指标\n"
        var t = TextTable(headers: ["indicator 指标", "old", "new", "Δ"])
        t.rightAligned = [1, 2, 3]
        for d in c.city.indicators {
            t.rows.append(["\(d.indicator.nameZh) \(d.indicator.nameEn)", ratio(d.old), ratio(d.new), signed(d.delta)])
        }
        t.rows.append(["主导产业产值占比 Leading-industry share (parks)", ratio(c.city.leadingShareOld), ratio(c.city.leadingShareNew),
                       signed(c.city.leadingShareNew.flatMap { n in c.city.leadingShareOld.map { n - $0 } })])
        let co = c.city.concentrationOld, cn = c.city.concentrationNew
        t.rows.append(["工业企业入园率(数量) Industrial in parks, count", ratio(co.countShare), ratio(cn.countShare),
                       signed(cn.countShare.flatMap { n in co.countShare.map { n - $0 } })])
        t.rows.append(["工业企业入园率(产值) Industrial in parks, output", ratio(co.outputShare), ratio(cn.outputShare),
                       signed(cn.outputShare.flatMap { n in co.outputShare.map { n - $0 } })])
        t.rows.append(["亩均营收 Revenue per mu (万元/亩, continuing)", ratio(c.city.perMu.oldRevenuePerMu),
                       ratio(c.city.perMu.newRevenuePerMu), percent(c.city.perMu.revenueGrowth)])
        out += t.render() + "\n"

        out += "Land-use transitions 用地类型转移矩阵 (ha; rows old, columns new)\n"
        out += matrixTable(c.city.landUse, names: { LandUseClassKey.names(of: $0).zh }, ha: ha) + "\n"
        out += "Status transitions 土地状态转移 (ha)\n"
        out += matrixTable(c.city.status, names: { ParcelStatus(rawValue: $0)?.nameZh ?? "" }, ha: ha) + "\n"

        out += "New parcels by change 地块变化 (\(new.parcels.count) new, \(old.parcels.count) old, \(c.matchedParcelIds) ids in both)\n"
        var pc = TextTable(headers: ["change 变化", "parcels", "ha"])
        pc.rightAligned = [1, 2]
        for s in comparison.parcelChangeSummary() { pc.rows.append(["\(s.change.nameZh) \(s.change.rawValue)", String(s.count), ha(s.area)]) }
        out += pc.render() + "\n"

        let m = c.movements
        out += "Enterprises 企业变动 (\(m.matched) in both years)\n"
        var mt = TextTable(headers: ["change 变动", "count"])
        mt.rightAligned = [1]
        for kind in EnterpriseMovements.Kind.allCases { mt.rows.append(["\(kind.nameZh) \(kind.rawValue)", String(m.count(kind))]) }
        mt.rows.append(["行业变更 industry_changed", String(m.industryChanges.count)])
        out += mt.render()
        let moves = m.changes.filter { $0.kind.isMove && $0.kind != .relocated }
        if !moves.isEmpty {
            var list = TextTable(headers: ["id", "name 名称", "change", "from", "to", "km"])
            list.rightAligned = [5]
            for ch in moves.prefix(30) {
                list.rows.append([ch.id, ch.name, ch.kind.rawValue, ch.oldPark ?? "outside", ch.newPark ?? "outside",
                                  ch.distance.map { NumberText.fixed($0 / 1000, decimals: 1) } ?? "—"])
            }
            if moves.count > 30 { list.rows.append(["…", "\(moves.count - 30) more (see --format json)", "", "", "", ""]) }
            out += list.render(indent: "  ")
        }
        out += "\n"

        out += "Parks 园区\n"
        var pt = TextTable(headers: ["id", "name 名称", "leading 主导占比", "Δ", "rev/mu 亩均营收 Δ", "built 建成率 Δ", "idle 闲置率 Δ",
                                     "coef 建筑系数 Δ", "in", "out", "entered", "exited", "positioning 定位变化"])
        pt.rightAligned = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        for p in c.parks {
            func d(_ key: IntensiveUseIndicators.Indicator) -> String { signed(p.indicators.first { $0.indicator == key }?.delta) }
            var positioning: [String] = []
            if !p.inOld { positioning.append("new park 新园区") }
            if !p.inNew { positioning.append("removed 撤销") }
            if let q = p.positioning {
                if !q.mainAdded.isEmpty { positioning.append("main +" + q.mainAdded.joined(separator: ",")) }
                if !q.mainRemoved.isEmpty { positioning.append("main −" + q.mainRemoved.joined(separator: ",")) }
                if !q.featuredAdded.isEmpty { positioning.append("featured +" + q.featuredAdded.joined(separator: ",")) }
                if !q.featuredRemoved.isEmpty { positioning.append("featured −" + q.featuredRemoved.joined(separator: ",")) }
                if q.oldFeaturedStatus != q.newFeaturedStatus {
                    positioning.append("status \(q.oldFeaturedStatus?.rawValue ?? "none")→\(q.newFeaturedStatus?.rawValue ?? "none")")
                }
            }
            pt.rows.append([p.id, p.name, ratio(p.leadingShareNew), signed(p.leadingShareDelta), percent(p.perMu.revenueGrowth),
                            d(.landBuiltRate), d(.idleLandRate), d(.industrialBuildingCoefficient), String(p.movedIn),
                            String(p.movedOut), String(p.entered), String(p.exited), positioning.joined(separator: "; ")])
        }
        out += pt.render()
        out += "  in/out = enterprises moved into / out of the park; rev/mu = continuing enterprises' revenue per mu growth\n"
        return out
    }

    public func matrixTable(_ m: LandTransitionMatrix, names: (String) -> String, ha: (Double) -> String) -> String {
        let rows = m.rowSums, cols = m.columnSums
        let from = rows.keys.sorted(), to = cols.keys.sorted()
        var t = TextTable(headers: ["old \\ new"] + to + ["Σ old"])
        t.rightAligned = Set(1...(to.count + 1))
        for f in from {
            t.rows.append(["\(f) \(names(f))"] + to.map { let a = m.area(from: f, to: $0); return a > 0 ? ha(a) : "·" } + [ha(rows[f]!)])
        }
        t.rows.append(["Σ new"] + to.map { ha(cols[$0]!) } + [ha(m.totalArea)])
        return t.render()
    }
}
