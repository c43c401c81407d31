import Foundation
import Cartography
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel

/// The `site` result as stable JSON (docs/cli.md `site:`), CSV, a table and a styled GeoJSON map.
public struct SiteRendering {
    public let dataset: Dataset
    public let result: SitingResult
    public let top: Int?

    /// - Parameter top: show only the best `top` candidates (nil: all).
    public init(dataset: Dataset, result: SitingResult, top: Int?) {
        self.dataset = dataset
        self.result = result
        self.top = top
    }

    public var shown: [SitingCandidate] { top.map { Array(result.candidates.prefix($0)) } ?? result.candidates }

    public static func hectares(_ m2: Double) -> Double { m2 / 10_000 }

    public func parcelIds(_ indices: [Int]) -> JSONValue { .array(indices.map { .string(dataset.parcels[$0].id) }) }

    public func blockJSON(_ block: LandBlock) -> JSONValue {
        .object(["park": .string(dataset.parks[block.park].id), "parcels": parcelIds(block.parcels),
                 "area_ha": JSONValue.number(Self.hectares(block.area))])
    }

    public var industryName: IndustryClassification? { IndustryTable.nearestKnown(result.request.industry) }

    /// What the score means, for the table and the JSON (`site` scales two components by the best candidate).
    public static let scoreBasis = "synergy and efficiency are scaled by the best candidate of this run (a lone candidate gets both "
        + "in full); positioning and land are absolute. Compare scores within one run only."

    // MARK: JSON

    public func json() -> JSONValue {
        let r = result.request
        let p = result.policy
        var root: JSONObject = [
            "industry": .string(r.industry.value),
            "industry_name_zh": industryName.map { .string($0.nameZh) } ?? .null,
            "industry_name_en": industryName.map { .string($0.nameEn) } ?? .null,
            "area_ha": JSONValue.number(r.areaHectares),
            "district": r.district.map(JSONValue.string) ?? .null,
            "hazardous_chemical": .bool(result.hazardous),
            "crs": .string(result.crs),
            "weights": .object(["positioning": JSONValue.number(p.positioningWeight), "synergy": JSONValue.number(p.synergyWeight),
                                "land": JSONValue.number(p.landWeight), "efficiency": JSONValue.number(p.efficiencyWeight)]),
            "score_basis": .string(Self.scoreBasis),
            "synergy_radius_m": JSONValue.number(p.synergyRadius),
            "block_merge_distance_m": JSONValue.number(p.blockMergeDistance),
        ]
        root["candidates"] = .array(shown.map { c in
            let m = c.positioning
            return .object([
                "rank": .integer(Int64(c.rank)),
                "park": .string(c.parkId),
                "park_name": .string(c.parkName),
                "score": JSONValue.number(c.score),
                "components": .object(["positioning": JSONValue.number(c.components.positioning),
                                       "synergy": JSONValue.number(c.components.synergy),
                                       "land": JSONValue.number(c.components.land),
                                       "efficiency": JSONValue.number(c.components.efficiency)]),
                "positioning_match": .object(["code": m.code.map { .string($0.value) } ?? .null,
                                              "list": m.list.map { .string($0.rawValue) } ?? .null,
                                              "level": m.level.map { .string(Self.levelName($0)) } ?? .null,
                                              "value": JSONValue.number(m.value)]),
                "synergy_output_wan": JSONValue.number(c.synergyOutput),
                "industrial_tax_per_ha": JSONValue.number(c.industrialTaxPerHectare),
                "block": .object(["parcels": parcelIds(c.block.parcels), "area_ha": JSONValue.number(Self.hectares(c.block.area))]),
                "largest_block_ha": JSONValue.number(Self.hectares(c.largestBlock.area)),
                "feasible_blocks": .integer(Int64(c.feasibleBlocks)),
                "reclaimable_ha": JSONValue.number(Self.hectares(c.reclaimableArea)),
                "reclaimable_parcels": parcelIds(c.reclaimable),
            ])
        })
        root["ruled_out"] = .array(result.ruledOut.map { o in
            .object([
                "park": .string(o.parkId), "park_name": .string(o.parkName), "reason": .string(o.reason.english),
                "reason_code": .string(o.reason.code), "reason_zh": .string(o.reason.chinese),
                "largest_block_ha": o.largestBlock.map { JSONValue.number(Self.hectares($0.area)) } ?? .null,
            ])
        })
        root["largest_available_block"] = result.largestAvailableBlock.map(blockJSON) ?? .null
        return .object(root)
    }

    public static func levelName(_ level: IndustryLevel) -> String {
        switch level {
        case .section: "section"
        case .division: "division"
        case .group: "group"
        case .class: "class"
        }
    }

    // MARK: CSV

    public func csv() -> String {
        var lines = ["rank,park,park_name,score,positioning,synergy,land,efficiency,block_area_ha,block_parcels,reclaimable_ha,reason"]
        for c in shown {
            lines.append([String(c.rank), c.parkId, c.parkName, "\(c.score)", "\(c.components.positioning)", "\(c.components.synergy)",
                          "\(c.components.land)", "\(c.components.efficiency)", "\(Self.hectares(c.block.area))",
                          c.block.parcels.map { dataset.parcels[$0].id }.joined(separator: " "), "\(Self.hectares(c.reclaimableArea))", ""]
                .map(CSVText.field).joined(separator: ","))
        }
        for o in result.ruledOut {
            lines.append((["", o.parkId, o.parkName] + Array(repeating: "", count: 8) + [o.reason.english])
                .map(CSVText.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Table

    public func table() -> String {
        let r = result.request
        let p = result.policy
        let name = industryName.map { " \($0.nameZh) \($0.nameEn)" } ?? ""
        var out = "Siting 项目选址: \(r.industry.value)\(name), \(NumberText.grouped(r.areaHectares, decimals: 2)) ha"
        out += r.district.map { ", district \($0)" } ?? ""
        out += result.hazardous ? " — hazardous chemicals 危险化学品: chemical parks only 仅限化工园区\n" : "\n"
        out += "Score 得分 = positioning 产业定位 \(NumberText.fixed(p.positioningWeight, decimals: 0)) + synergy 集群协同 "
        out += "\(NumberText.fixed(p.synergyWeight, decimals: 0)) (within \(NumberText.grouped(p.synergyRadius, decimals: 0)) m) + land 用地 "
        out += "\(NumberText.fixed(p.landWeight, decimals: 0)) + efficiency 亩均效益 \(NumberText.fixed(p.efficiencyWeight, decimals: 0)); "
        out += "blocks merge parcels within \(NumberText.grouped(p.blockMergeDistance, decimals: 0)) m (\(result.crs))\n"
        out += "Scores are relative 相对得分: \(Self.scoreBasis)\n\n"

        if shown.isEmpty {
            out += "No park can take this project 无可选园区.\n"
            if let b = result.largestAvailableBlock {
                out += "Largest available block 最大可用连片地块: \(NumberText.grouped(Self.hectares(b.area), decimals: 2)) ha in "
                out += "\(dataset.parks[b.park].id) \(dataset.parks[b.park].name) (\(b.parcels.count) \(b.parcels.count == 1 ? "parcel" : "parcels"))\n"
            } else {
                out += "No ready industrial land in scope 范围内无可供工业用地.\n"
            }
        } else {
            out += "Candidates 候选园区\n"
            var t = TextTable(headers: ["rank", "park", "name 名称", "score", "定位 pos", "协同 syn", "用地 land", "效益 eff",
                                        "block ha", "parcels", "match 匹配", "output 万元", "tax 万元/ha", "idle ha"])
            t.rightAligned = [0, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]
            for c in shown {
                let m = c.positioning
                let match = m.code.map { "\($0.value) \(m.list?.rawValue ?? "") \(Self.levelName(m.level!))" } ?? "—"
                t.rows.append([String(c.rank), c.parkId, c.parkName, NumberText.fixed(c.score, decimals: 1),
                               NumberText.fixed(c.components.positioning, decimals: 1), NumberText.fixed(c.components.synergy, decimals: 1),
                               NumberText.fixed(c.components.land, decimals: 1), NumberText.fixed(c.components.efficiency, decimals: 1),
                               NumberText.grouped(Self.hectares(c.block.area), decimals: 2), String(c.block.parcels.count), match,
                               NumberText.grouped(c.synergyOutput, decimals: 0),
                               c.industrialTaxPerHectare.map { NumberText.grouped($0, decimals: 1) } ?? "—",
                               NumberText.grouped(Self.hectares(c.reclaimableArea), decimals: 2)])
            }
            out += t.render()
            if let top, result.candidates.count > top { out += "(\(result.candidates.count - top) more candidates; drop --top to see them)\n" }
            out += "\nChosen blocks 选定地块\n"
            for c in shown {
                out += "  \(c.rank). \(c.parkId): " + c.block.parcels.map { dataset.parcels[$0].id }.joined(separator: ", ") + "\n"
            }
        }
        if !result.ruledOut.isEmpty {
            out += "\nRuled out 排除\n"
            var t = TextTable(headers: ["park", "name 名称", "reason 原因"])
            for o in result.ruledOut { t.rows.append([o.parkId, o.parkName, "\(o.reason.chinese) / \(o.reason.english)"]) }
            out += t.render()
        }
        return out
    }

    // MARK: Map

    /// Fill colours by rank (ColorBrewer RdYlGn, best green); ruled-out parks grey.
    public static func color(rank: Int?) -> String {
        guard let rank else { return "#bdbdbd" }
        return ["#1a9850", "#66bd63", "#a6d96a", "#d9ef8b"][min(rank, 4) - 1]
    }

    /// Every park (styled by rank, ruled-out ones grey with their reason) and the chosen blocks of the shown candidates.
    public func map() -> FeatureCollection {
        var rankOf: [Int: SitingCandidate] = [:]
        for c in shown { rankOf[c.park] = c }
        let reasons = Dictionary(result.ruledOut.map { ($0.park, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var features: [Feature] = []
        for (i, park) in dataset.parks.enumerated() {
            let c = rankOf[i]
            // Every input property of the park, then the siting result and the style.
            var props: JSONObject = ["layer": .string("park")]
            props.addMissing(park.exportProperties)
            props["rank"] = c.map { .integer(Int64($0.rank)) } ?? .null
            props["score"] = c.map { JSONValue.number($0.score) } ?? .null
            props["reason"] = reasons[i].map { .string($0.english) } ?? .null
            props.addMissing([
                "fill": .string(Self.color(rank: c?.rank)), "fill-opacity": .double(c == nil ? 0.25 : 0.45),
                "stroke": .string(c == nil ? "#757575" : "#1b5e20"), "stroke-width": .double(c?.rank == 1 ? 3 : 1.5),
                "title": .string(c.map { "#\($0.rank) \(park.id) \(park.name)" } ?? "\(park.id) \(park.name)"),
                "description": .string(c.map { "score \(NumberText.fixed($0.score, decimals: 1))" }
                    ?? reasons[i].map { "\($0.chinese) / \($0.english)" } ?? ""),
            ])
            features.append(Feature(id: .string(park.id), geometry: park.geometry, properties: props))
        }
        for c in shown {
            let props: JSONObject = [
                "layer": .string("block"), "park": .string(c.parkId), "rank": .integer(Int64(c.rank)),
                "area_ha": JSONValue.number(Self.hectares(c.block.area)), "parcels": parcelIds(c.block.parcels),
                "fill": .string("#d73027"), "fill-opacity": .double(0.7), "stroke": .string("#7f0000"), "stroke-width": .double(2),
                "title": .string("#\(c.rank) block in \(c.parkId): \(NumberText.grouped(Self.hectares(c.block.area), decimals: 2)) ha"),
                "description": .string("chosen block 选定地块, \(Plural.count(c.block.parcels.count, "parcel"))"),
            ]
            features.append(Feature(geometry: c.blockGeometry, properties: props))
        }
        return FeatureCollection(features: features)
    }
}
