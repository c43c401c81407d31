import LayoutModel

/// `positioning-cap` (docs/analyses.md §4, error): a park declaring more main or
/// featured industries than its level allows — national 三主两特 (3 + 2),
/// provincial and municipal 两主两特 (2 + 2); caps from
/// `checks.positioning_cap.<level>`.
///
/// Counts distinct codes as declared (a code and one of its ancestors count
/// twice: both are declared). Flagged when the count is strictly above the cap;
/// main and featured lists are judged separately, one finding each. Sub-parks
/// are judged by their own level like any park.
enum PositioningCapRule {
    static func evaluate(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (p, park) in c.dataset.parks.enumerated() {
            let cap = c.thresholdsCap(park.level)
            for (list, limit, zh, en) in [
                (park.mainIndustries, cap.main, "主导产业", "main"), (park.featuredIndustries, cap.featured, "特色产业", "featured"),
            ] {
                let distinct = Array(Set(list)).sorted()
                guard distinct.count > limit else { continue }
                findings.append(Finding(
                    rule: .positioningCap, severity: .error, subject: FindingSubject(.park, park.id),
                    messageZh: "\(c.label(park: p))（\(park.level.nameZh)）声明\(zh)\(distinct.count)个（\(CheckText.codes(distinct))），超过上限\(limit)个",
                    messageEn: "\(park.id) (\(park.level.rawValue)) declares \(distinct.count) \(en) industries (\(CheckText.codes(distinct))); the cap is \(limit)",
                    value: Double(distinct.count), threshold: Double(limit), unit: .count,
                    parks: [park.id], district: c.reportingDistrict[p], geometry: park.geometry))
            }
        }
        return findings
    }
}

extension CheckContext {
    /// The cap of a level from the thresholds (policy), else the built-in one.
    func thresholdsCap(_ level: ParkLevel) -> PositioningCap { thresholds.positioningCaps[level] ?? level.positioningCap }
}
