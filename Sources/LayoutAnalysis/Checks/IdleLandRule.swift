/// `idle-land` (docs/analyses.md §4, warning): every parcel with status `idle`
/// (value: its geodesic area, m²; no threshold), and every park whose
/// idle-land rate (土地闲置率 G / D of `LandUseStatistics`, parcels clipped to
/// the park) is above 0 (value: the rate, threshold 0).
enum IdleLandRule {
    static func evaluate(_ c: CheckContext, placement: ParcelPlacement) throws -> [Finding] {
        guard let overlay = c.overlay else { return [] }
        var findings: [Finding] = []
        for statistics in c.parkStatistics {
            guard let rate = statistics.statistics.indicators.idleLandRate, rate > 0 else { continue }
            let p = statistics.index, park = c.dataset.parks[p]
            let idle = statistics.statistics.area(of: .idle)
            findings.append(Finding(
                rule: .idleLand, severity: .warning, subject: FindingSubject(.park, park.id),
                messageZh: "\(c.label(park: p))土地闲置率\(CheckText.percent(rate))（闲置\(CheckText.area(idle))）",
                messageEn: "\(park.id): idle-land rate \(CheckText.percent(rate)) (\(CheckText.area(idle)) idle)",
                value: rate, threshold: 0, unit: .ratio, parks: [park.id], district: c.reportingDistrict[p], geometry: park.geometry))
        }
        for (i, fact) in overlay.facts.enumerated() where fact.status == .idle {
            let parcel = overlay.parcels[i]
            let place = try placement.place(parcel: i)
            findings.append(Finding(
                rule: .idleLand, severity: .warning, subject: FindingSubject(.parcel, parcel.id),
                messageZh: "闲置土地：地块\(parcel.id)（\(CheckText.area(overlay.parcelAreas[i]))）",
                messageEn: "idle parcel \(parcel.id) (\(CheckText.area(overlay.parcelAreas[i])))",
                value: overlay.parcelAreas[i], threshold: nil, unit: .squareMetres,
                parks: place.park.map { [c.dataset.parks[$0].id] } ?? [], district: place.district, geometry: parcel.geometry))
        }
        return findings
    }
}
