import LayoutModel

/// `leading-industry-share` (docs/analyses.md §4): the share of a park's enterprise
/// output (`output_wan`) in industries covered by its main + featured codes,
/// against `checks.leading_industry_share` (default 0.70). Below the target
/// (strictly) is a warning, an error for a certified featured park.
///
/// A park's enterprises are those whose smallest covering park is the park or
/// one of its sub-parks (so a parent's share includes its 园中园, each
/// enterprise judged against the parent's own codes). A missing `output_wan`
/// counts as 0. A park without enterprises, or whose enterprises report no
/// output, cannot be assessed: it gets an info finding with a null value.
enum LeadingIndustryShareRule {
    static func evaluate(_ c: CheckContext) -> [Finding] {
        guard let membership = c.membership else { return [] }
        let parks = c.dataset.parks
        var total = [Double](repeating: 0, count: parks.count)
        var fitting = [Double](repeating: 0, count: parks.count)
        var count = [Int](repeating: 0, count: parks.count)
        for (e, m) in membership.parkOfEnterprise.enumerated() {
            guard let m else { continue }
            let industry = c.dataset.enterprises.industry(at: e), output = c.output(e)
            func add(_ q: Int) {
                count[q] += 1
                total[q] += output
                if c.fits(industry, park: q) { fitting[q] += output }
            }
            add(m)
            for q in c.ancestors[m] { add(q) }
        }
        let target = c.thresholds.leadingIndustryShare
        var findings: [Finding] = []
        for (p, park) in parks.enumerated() {
            let codes = CheckText.codes(c.positioning[p])
            guard count[p] > 0, total[p] > 0 else {
                let why = count[p] == 0 ? ("园区内无企业", "no enterprises in the park") : ("企业均无产值数据", "its enterprises report no output")
                findings.append(Finding(
                    rule: .leadingIndustryShare, severity: .info, subject: FindingSubject(.park, park.id),
                    messageZh: "\(c.label(park: p))：\(why.0)，无法评估主导产业占比",
                    messageEn: "\(park.id): \(why.1); the leading-industry share cannot be assessed",
                    value: nil, threshold: target, unit: .ratio, parks: [park.id], district: c.reportingDistrict[p],
                    geometry: park.geometry))
                continue
            }
            let share = fitting[p] / total[p]
            guard share < target else { continue }
            let certified = park.featuredStatus == .certified
            findings.append(Finding(
                rule: .leadingIndustryShare, severity: certified ? .error : .warning, subject: FindingSubject(.park, park.id),
                messageZh: "\(c.label(park: p))\(certified ? "（已认定特色园区）" : "")主导及特色产业（\(codes)）产值占比\(CheckText.percent(share))，低于目标\(CheckText.percent(target))",
                messageEn: "\(park.id)\(certified ? " (certified featured park)" : ""): \(CheckText.percent(share)) of enterprise output is in its main and featured industries (\(codes)); target \(CheckText.percent(target))",
                value: share, threshold: target, unit: .ratio, parks: [park.id], district: c.reportingDistrict[p],
                geometry: park.geometry))
        }
        return findings
    }
}
