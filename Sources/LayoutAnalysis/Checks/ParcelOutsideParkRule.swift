import GEOS
import GeoCore

/// `parcel-outside-park` (docs/analyses.md §4, info): a parcel with more than
/// `checks.parcel_outside_park_share` (default 0.5, strictly above) of its
/// area outside every park. The area inside is that of the parcel inside the
/// union of all parks, from the shared `ParcelOverlay` (precomputed geodesic
/// areas, covered parcels counted whole, crossing ones clipped); parcels of
/// zero area are skipped.
///
/// Two passes, why (issue 19): clipping every parcel against the union of all
/// parks as one geometry costs, per crossing parcel, a pass over the whole
/// union's boundary (GEOS overlay), so the rule grew with parks × parcels
/// (0.19 s at a city of 80 parks and 150,000 parcels, 8.6 s at a province of
/// 823 parks and 1,500,000). First pass: each parcel against the union's pieces
/// (its polygons, disjoint from one another), summed: the same set, so the same
/// area up to rounding. A parcel whose outside share from that sum is below the
/// threshold by more than `decisionMargin` is certainly not flagged. Second pass:
/// the others, the only ones that can be flagged, are measured against the whole
/// union exactly as before (`ParcelOverlay.areasInside`), so every finding's number
/// is bit for bit the old one; a parcel whose envelope touches no piece's is
/// outside the union and has area 0 inside without any clipping.
enum ParcelOutsideParkRule {
    /// Share by which the first pass must clear the threshold to decide alone: far above the
    /// rounding of two GEOS overlays of the same set (relative 1e-12 or so), far below a
    /// meaningful share.
    static let decisionMargin = 1e-6

    static func evaluate(_ c: CheckContext, placement: ParcelPlacement) throws -> [Finding] {
        guard let overlay = c.overlay, !overlay.parcels.isEmpty else { return [] }
        let limit = c.thresholds.parcelOutsideParkShare
        var inside = [Double](repeating: 0, count: overlay.parcels.count)
        if !c.parkHandles.isEmpty {
            let union = try GeometryHandle.union(of: c.parkHandles).geometry()
            let pieces = union.polygons.map { Geometry.polygon($0) }
            for parts in try overlay.parts(inside: pieces) {
                for part in parts { inside[part.parcel] += part.area }
            }
            let near = BoxGridIndex(boxes: pieces.map { $0.boundingBox ?? .empty })
            let undecided = overlay.parcels.indices.filter { p in
                let area = overlay.parcelAreas[p]
                guard area > 0, max(0, area - inside[p]) / area > limit - decisionMargin else { return false }
                let box = overlay.boxes[p]
                return !box.isEmpty && !near.intersecting(box).isEmpty
            }
            let exact = try overlay.areasInside(parcels: undecided, unit: union)
            for (p, area) in zip(undecided, exact) { inside[p] = area }
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
