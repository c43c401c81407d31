import GEOS
import GeoCore

/// `parcel-outside-park` (docs/analyses.md §4, info): a parcel with more than
/// `checks.parcel_outside_park_share` (default 0.5, strictly above) of its
/// area outside every park. The area inside is that of the parcel inside the
/// union of all parks, from the shared `ParcelOverlay` (precomputed geodesic
/// areas, covered parcels counted whole, crossing ones clipped); parcels of
/// zero area are skipped.
enum ParcelOutsideParkRule {
    static func evaluate(_ c: CheckContext, placement: ParcelPlacement) throws -> [Finding] {
        guard let overlay = c.overlay, !overlay.parcels.isEmpty else { return [] }
        var inside = [Double](repeating: 0, count: overlay.parcels.count)
        if !c.parkHandles.isEmpty {
            let union = try GeometryHandle.union(of: c.parkHandles).geometry()
            for part in try overlay.parts(inside: [union])[0] { inside[part.parcel] = part.area }
        }
        var findings: [Finding] = []
        for (p, parcel) in overlay.parcels.enumerated() where overlay.parcelAreas[p] > 0 {
            let share = max(0, overlay.parcelAreas[p] - inside[p]) / overlay.parcelAreas[p]
            guard share > c.thresholds.parcelOutsideParkShare else { continue }
            let place = try placement.place(parcel: p)
            findings.append(Finding(
                rule: .parcelOutsidePark, severity: .info, subject: FindingSubject(.parcel, parcel.id),
                messageZh: "地块\(parcel.id)（\(CheckText.area(overlay.parcelAreas[p]))）有\(CheckText.percent(share))位于所有园区之外",
                messageEn: "parcel \(parcel.id) (\(CheckText.area(overlay.parcelAreas[p]))): \(CheckText.percent(share)) of it lies outside every park",
                value: share, threshold: c.thresholds.parcelOutsideParkShare, unit: .ratio,
                parks: place.park.map { [c.dataset.parks[$0].id] } ?? [], district: place.district, geometry: parcel.geometry))
        }
        return findings
    }
}
