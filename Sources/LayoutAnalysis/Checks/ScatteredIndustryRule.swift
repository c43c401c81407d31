import GeoCore
import LayoutModel

/// `scattered-industry` (docs/analyses.md §4, warning): an industry division
/// declared as main by some park (a main code at group or class level counts
/// for its division; a section-only code has no division and is skipped) whose
/// in-park output is spread over at least `checks.scattered_industry_min_parks`
/// parks (default 3, ≥) with none holding at least
/// `checks.scattered_industry_max_share` of it (default 0.5: flagged when the
/// largest share is strictly below).
///
/// Parks here are top-level parks: a sub-park's enterprises count for its
/// parent (a 园中园 inside its own park is concentration, not scattering).
/// Enterprises are placed by `ParkMembership`; output is `output_wan` (missing
/// = 0); a park "holds" the industry when its output there is above 0. The
/// suggestion is the park with the largest share (lowest index on a tie).
enum ScatteredIndustryRule {
    static func evaluate(_ c: CheckContext) -> [Finding] {
        guard let membership = c.membership else { return [] }
        let parks = c.dataset.parks
        var divisions: [IndustryCode] = []
        for park in parks {
            for code in park.mainIndustries {
                if let d = code.ancestor(at: .division), !divisions.contains(d) { divisions.append(d) }
            }
        }
        divisions.sort()
        let slot = Dictionary(uniqueKeysWithValues: divisions.enumerated().map { ($0.element, $0.offset) })
        var output = [[Double]](repeating: [Double](repeating: 0, count: parks.count), count: divisions.count)
        for (e, m) in membership.parkOfEnterprise.enumerated() {
            guard let m, let d = c.dataset.enterprises.industry(at: e).ancestor(at: .division), let k = slot[d] else { continue }
            output[k][c.root[m]] += c.output(e)
        }
        var findings: [Finding] = []
        for (k, division) in divisions.enumerated() {
            let total = output[k].reduce(0, +)
            let holders = parks.indices.filter { output[k][$0] > 0 }
            guard total > 0, holders.count >= c.thresholds.scatteredIndustryMinParks else { continue }
            var top = holders[0]
            for p in holders where output[k][p] > output[k][top] { top = p }
            let topShare = output[k][top] / total
            guard topShare < c.thresholds.scatteredIndustryMaxShare else { continue }
            let name = IndustryTable.lookup(division.value)
            let list = holders.map { "\(parks[$0].id) \(CheckText.percent(output[k][$0] / total))" }.joined(separator: ", ")
            findings.append(Finding(
                rule: .scatteredIndustry, severity: .warning, subject: FindingSubject(.industry, division.value),
                messageZh: "\(division.value) \(name?.nameZh ?? "")产值分散在\(holders.count)个园区（\(list)），最大占比\(CheckText.percent(topShare))，建议向\(c.label(park: top))集中",
                messageEn: "\(division.value) \(name?.nameEn ?? ""): output spread over \(holders.count) parks (\(list)), the largest share \(CheckText.percent(topShare)); concentrate in \(parks[top].id)",
                value: topShare, threshold: c.thresholds.scatteredIndustryMaxShare, unit: .ratio,
                suggestion: FindingSuggestion(park: parks[top].id, name: parks[top].name, share: topShare),
                geometry: FindingGeometry.union(holders.map { parks[$0].geometry })))
        }
        return findings
    }
}
