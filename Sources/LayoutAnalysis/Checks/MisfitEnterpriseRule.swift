import GeoCore
import LayoutModel

/// `misfit-enterprise` (docs/analyses.md §4, info): an enterprise whose industry
/// none of its park's main/featured codes covers (`IndustryCode.covers`: a park
/// code covers every code under it, `C39` covers `C3974`).
///
/// "Its park" is the smallest park covering the enterprise (`ParkMembership`):
/// a 园中园 is judged by its own positioning, not its parent's. The suggestion
/// is the nearest park whose positioning covers the industry (distance in the
/// metric frame, 0 when the enterprise already lies inside it, e.g. in the
/// parent of its sub-park); none when no park matches.
enum MisfitEnterpriseRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        guard let membership = c.membership else { return [] }
        var misfits: [(enterprise: Int, park: Int)] = []
        for (e, m) in membership.parkOfEnterprise.enumerated() {
            if let m, !c.fits(c.dataset.enterprises.industry(at: e), park: m) { misfits.append((e, m)) }
        }
        let suggestions = try MatchingParkSuggestions.nearest(c, enterprises: misfits.map(\.enterprise))
        return zip(misfits, suggestions).map { item, suggestion in
            let (e, p) = item
            let enterprise = c.dataset.enterprises[e]
            let park = c.dataset.parks[p]
            let (zh, en) = MatchingParkSuggestions.text(suggestion)
            return Finding(
                rule: .misfitEnterprise, severity: .info, subject: FindingSubject(.enterprise, enterprise.id),
                messageZh: "\(enterprise.id) \(enterprise.name)（\(enterprise.industry)）不符合\(c.label(park: p))的定位（\(CheckText.codes(c.positioning[p]))）\(zh)",
                messageEn: "\(enterprise.id) (\(enterprise.industry)) matches none of \(park.id)'s codes (\(CheckText.codes(c.positioning[p])))\(en)",
                value: enterprise.output, threshold: nil, unit: .wanYuan, suggestion: suggestion,
                parks: [park.id], district: c.reportingDistrict[p], geometry: enterprise.geometry)
        }
    }
}

/// The nearest park whose positioning covers an enterprise's industry, as a suggestion.
enum MatchingParkSuggestions {
    /// One suggestion per enterprise index, nil when no park matches its industry.
    static func nearest(_ c: CheckContext, enterprises: [Int], among allowed: ((Int) -> Bool)? = nil) throws -> [FindingSuggestion?] {
        var setIndex: [IndustryCode: Int] = [:]
        var sets: [[Int]] = []
        let setOfPoint = enterprises.map { e -> Int in
            let industry = c.dataset.enterprises.industry(at: e)
            if let k = setIndex[industry] { return k }
            sets.append(c.parksMatching(industry).filter { allowed?($0) ?? true })
            setIndex[industry] = sets.count - 1
            return sets.count - 1
        }
        let points = enterprises.map { c.dataset.enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) }
        let found = try NearestParkSearch(context: c).nearest(points: points, candidateSets: sets, setOfPoint: setOfPoint)
        return found.map { hit in
            hit.map { FindingSuggestion(park: c.dataset.parks[$0.park].id, name: c.dataset.parks[$0.park].name, distance: $0.distance) }
        }
    }

    /// "；建议：P01 …（距离 2.3 km）" and "; nearest matching park: P01 (2.3 km)".
    static func text(_ s: FindingSuggestion?, what: (zh: String, en: String) = ("定位相符", "matching")) -> (String, String) {
        guard let s else { return ("；无定位相符的园区", "; no park's positioning matches") }
        let d = s.distance.map(CheckText.distance) ?? "—"
        return ("；最近的\(what.zh)园区：\(s.park) \(s.name)（距离 \(d)）", "; nearest \(what.en) park: \(s.park) (\(d))")
    }
}
