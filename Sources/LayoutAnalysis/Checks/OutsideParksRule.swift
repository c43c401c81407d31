import GeoCore
import LayoutModel

/// `outside-parks` (docs/analyses.md §4, warning; 工业向园区集中): the share of
/// industrial enterprises (section C) inside parks, by count and by output
/// (`output_wan`, missing = 0), for the whole city and for each administrative
/// district, against `checks.outside_parks_target` (default 0.80; flagged when
/// strictly below). One finding per unit and measure.
///
/// Districts: the administrative district covering the enterprise's point
/// (first in dataset order on a shared boundary); functional zones overlap
/// counties and are not units here. "Inside" = covered by any park. A unit
/// without industrial enterprises, or (for the output measure) without output,
/// has no share and no finding.
///
/// Every above-scale (`above_scale: true`) industrial enterprise outside all
/// parks is listed as an info finding, with the nearest park whose positioning
/// covers its industry.
enum OutsideParksRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        guard let membership = c.membership else { return [] }
        let enterprises = c.dataset.enterprises
        let industrial = enterprises.indices.filter { enterprises.industry(at: $0).section == "C" }
        let districts = c.dataset.districts.indices.filter { c.dataset.districts[$0].kind == .administrative }
        let located = try PointLocator.firstCovering(
            polygons: districts.map { c.dataset.districts[$0].geometry },
            points: industrial.map { enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) }, threads: c.threads)
        // Unit 0 is the city, unit 1 + k the k-th administrative district.
        var tally = [Tally](repeating: Tally(), count: districts.count + 1)
        var outsideAboveScale: [(enterprise: Int, district: Int?)] = []
        for (k, e) in industrial.enumerated() {
            let inside = membership.parkOfEnterprise[e] != nil, output = c.output(e)
            tally[0].add(inside: inside, output: output)
            if let d = located[k] { tally[1 + d].add(inside: inside, output: output) }
            if !inside, enterprises.aboveScale(at: e) == true { outsideAboveScale.append((e, located[k].map { districts[$0] })) }
        }
        let target = c.thresholds.outsideParksTarget
        var findings: [Finding] = []
        for (u, t) in tally.enumerated() {
            let district = u == 0 ? nil : c.dataset.districts[districts[u - 1]]
            let subject = district.map { FindingSubject(.district, $0.code) } ?? FindingSubject(.city, "city")
            let unitZh = district.map { "\($0.name)（\($0.code)）" } ?? "全市"
            let unitEn = district.map { "\($0.code) \($0.name)" } ?? "the city"
            for (measureZh, measureEn, inside, all) in [
                ("按企业数", "by count", Double(t.countInside), Double(t.count)), ("按产值", "by output", t.outputInside, t.output),
            ] where all > 0 {
                let share = inside / all
                guard share < target else { continue }
                let amount = measureEn == "by count" ? "\(t.countInside)/\(t.count)" : "\(NumberText.grouped(inside, decimals: 0))/\(NumberText.grouped(all, decimals: 0)) 万元"
                findings.append(Finding(
                    rule: .outsideParks, severity: .warning, subject: subject,
                    messageZh: "\(unitZh)工业企业入园率\(measureZh)为\(CheckText.percent(share))（\(amount)），低于目标\(CheckText.percent(target))",
                    messageEn: "\(unitEn): \(CheckText.percent(share)) of industrial enterprises are inside parks \(measureEn) (\(amount)); target \(CheckText.percent(target))",
                    value: share, threshold: target, unit: .ratio, district: district?.code, geometry: district?.geometry))
            }
        }
        let suggestions = try MatchingParkSuggestions.nearest(c, enterprises: outsideAboveScale.map(\.enterprise))
        for (item, suggestion) in zip(outsideAboveScale, suggestions) {
            let e = enterprises[item.enterprise]
            let (zh, en) = MatchingParkSuggestions.text(suggestion)
            let district = item.district.map { c.dataset.districts[$0] }
            findings.append(Finding(
                rule: .outsideParks, severity: .info, subject: FindingSubject(.enterprise, e.id),
                messageZh: "规上工业企业\(e.id) \(e.name)（\(e.industry)）位于园区外\(district.map { "，\($0.name)" } ?? "")\(zh)",
                messageEn: "above-scale industrial enterprise \(e.id) (\(e.industry)) is outside every park\(district.map { " in \($0.code)" } ?? "")\(en)",
                value: e.output, threshold: nil, unit: .wanYuan, suggestion: suggestion, district: district?.code, geometry: e.geometry))
        }
        return findings
    }

    /// Counts and output of one unit's industrial enterprises.
    struct Tally {
        var count = 0, countInside = 0
        var output = 0.0, outputInside = 0.0

        mutating func add(inside: Bool, output value: Double) {
            count += 1
            output += value
            if inside {
                countInside += 1
                outputInside += value
            }
        }
    }
}
