import GEOS
import GeoCore
import LayoutModel

/// `chemical-outside-chemical-park` (docs/analyses.md §4, error): an enterprise
/// whose industry lies under one of `checks.hazardous_chemical_industries`
/// (default C25, C26) and that no park with `chemical_park: true` covers
/// (boundary counts as inside). Suggests the nearest chemical park.
///
/// The enterprise's smallest park and its ancestors are tried first; only when
/// none is a chemical park are the other chemical parks tested, so an
/// enterprise in the overlap of an ordinary and a chemical park is inside.
enum ChemicalOutsideChemicalParkRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        guard let membership = c.membership else { return [] }
        let parks = c.dataset.parks
        let hazardous = c.thresholds.hazardousChemicalIndustries
        let chemical = parks.indices.filter { parks[$0].chemicalPark }
        var outside: [Int] = []
        // Index access: copying 1M Enterprise values costs a dozen retains each.
        for e in c.dataset.enterprises.indices where hazardous.contains(where: { $0.covers(c.dataset.enterprises.industry(at: e)) }) {
            if let m = membership.parkOfEnterprise[e], ([m] + c.ancestors[m]).contains(where: { parks[$0].chemicalPark }) { continue }
            let point = try GeometryHandle(c.dataset.enterprises[e].geometry)
            if try chemical.contains(where: { try c.parkHandles[$0].covers(point) }) { continue }
            outside.append(e)
        }
        let suggestions = try NearestParkSearch(context: c).nearest(
            points: outside.map { c.dataset.enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) },
            candidateSets: [chemical], setOfPoint: outside.map { _ in 0 })
        return zip(outside, suggestions).map { e, hit in
            let enterprise = c.dataset.enterprises[e]
            let suggestion = hit.map { FindingSuggestion(park: parks[$0.park].id, name: parks[$0.park].name, distance: $0.distance) }
            let (zh, en) = MatchingParkSuggestions.text(suggestion, what: ("化工", "chemical"))
            let park = membership.parkOfEnterprise[e]
            return Finding(
                rule: .chemicalOutsideChemicalPark, severity: .error, subject: FindingSubject(.enterprise, enterprise.id),
                messageZh: "危险化学品企业\(enterprise.id) \(enterprise.name)（\(enterprise.industry)）不在化工园区内\(zh)",
                messageEn: "hazardous-chemical enterprise \(enterprise.id) (\(enterprise.industry)) is outside every chemical park\(en)",
                value: enterprise.output, threshold: nil, unit: .wanYuan, suggestion: suggestion,
                parks: park.map { [parks[$0].id] } ?? [], district: park.flatMap { c.reportingDistrict[$0] },
                geometry: enterprise.geometry)
        }
    }
}
