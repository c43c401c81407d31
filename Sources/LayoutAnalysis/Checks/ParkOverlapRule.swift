import GEOS
import GeoCore
import PROJ

/// `park-overlap` (docs/analyses.md §4, error): two parks, neither an ancestor of the
/// other, whose intersection covers more than `checks.park_overlap_share`
/// (default 0.01, strictly above) of the smaller park's area. Areas are
/// ellipsoidal (GRS80) of the GEOS intersection on lon/lat. The geometry is the
/// overlap itself.
enum ParkOverlapRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        let parks = c.dataset.parks
        let boxes = c.parkBoxes
        var findings: [Finding] = []
        for a in parks.indices {
            for b in (a + 1)..<parks.count where !c.areRelated(a, b) && boxes[a].intersects(boxes[b]) {
                guard try c.parkHandles[a].intersects(c.parkHandles[b]) else { continue }
                let overlap = try c.parkHandles[a].intersection(c.parkHandles[b]).geometry()
                let area = Geodesic.grs80.area(of: overlap)
                let smaller = min(c.parkAreas[a], c.parkAreas[b])
                guard smaller > 0 else { continue }
                let share = area / smaller
                guard share > c.thresholds.parkOverlapShare else { continue }
                let (pa, pb) = (parks[a], parks[b])
                findings.append(Finding(
                    rule: .parkOverlap, severity: .error, subject: FindingSubject(.park, [pa.id, pb.id]),
                    messageZh: "\(c.label(park: a))与\(c.label(park: b))边界重叠\(CheckText.area(area))，占较小园区面积的\(CheckText.percent(share))",
                    messageEn: "\(pa.id) and \(pb.id) overlap by \(CheckText.area(area)), \(CheckText.percent(share)) of the smaller park",
                    value: share, threshold: c.thresholds.parkOverlapShare, unit: .ratio, parks: [pa.id, pb.id],
                    district: c.reportingDistrict[a] == c.reportingDistrict[b] ? c.reportingDistrict[a] : nil,
                    geometry: .multiPolygon(overlap.polygons)))
            }
        }
        return findings
    }
}
