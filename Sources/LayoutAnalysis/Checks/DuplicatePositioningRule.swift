import GEOS
import GeoCore
import LayoutModel

/// `duplicate-positioning` (docs/analyses.md §4, warning): two parks, neither an
/// ancestor of the other (parent/child, grandparent/grandchild), that report to
/// the same district or whose polygons come within
/// `checks.duplicate_positioning_distance_m` (default 20 000 m, ≤) of each
/// other, and whose main industries share a GB/T 4754 group (the first three
/// digits: `C3974` and `C397` are both in `C397`).
///
/// A main code given only at division level (`C39`) or section level has no
/// group and takes no part: which group it duplicates cannot be said, and
/// division-level dispersion is what `scattered-industry` judges. Distance is
/// the minimum distance between the two polygons (0 when they touch or overlap):
/// planar in the metric frame, except where the frame's scale error could change
/// the decision, where the geodesic decides and is reported
/// (`GeometryDistanceThreshold`), so 20 km means 20 km across a province. Sub-parks are compared with every park
/// but their own ancestors (siblings included). Each pair once, lower index first.
enum DuplicatePositioningRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        let parks = c.dataset.parks
        let groups = parks.map { park in Set(park.mainIndustries.compactMap { $0.ancestor(at: .group) }) }
        let limit = c.thresholds.duplicatePositioningDistance
        let metric = try c.parkMetric.map { try GeometryHandle($0) }
        let threshold = GeometryDistanceThreshold(distance: limit, frame: c.frame)
        var findings: [Finding] = []
        for a in parks.indices {
            for b in (a + 1)..<parks.count where !c.areRelated(a, b) {
                let shared = groups[a].intersection(groups[b]).sorted()
                guard !shared.isEmpty else { continue }
                let planar = try metric[a].planarDistance(to: metric[b])
                let (within, distance) = try threshold.decide(
                    metric[a], metric[b], planar: planar, boxes: c.parkMetricBoxes[a], c.parkMetricBoxes[b])
                let sameDistrict = c.reportingDistrict[a] != nil && c.reportingDistrict[a] == c.reportingDistrict[b]
                guard sameDistrict || within else { continue }
                let (pa, pb) = (parks[a], parks[b])
                let whyZh = sameDistrict ? "同属\(c.reportingDistrict[a]!)" : "边界相距\(CheckText.distance(distance))"
                let whyEn = sameDistrict ? "both report to \(c.reportingDistrict[a]!)" : "\(CheckText.distance(distance)) apart"
                findings.append(Finding(
                    rule: .duplicatePositioning, severity: .warning, subject: FindingSubject(.park, [pa.id, pb.id]),
                    messageZh: "\(c.label(park: a))与\(c.label(park: b))（\(whyZh)）主导产业同属\(CheckText.codes(shared))类，定位重复",
                    messageEn: "\(pa.id) and \(pb.id) (\(whyEn)) both declare main industries in group \(CheckText.codes(shared))",
                    value: distance, threshold: limit, unit: .metres, parks: [pa.id, pb.id],
                    district: sameDistrict ? c.reportingDistrict[a] : nil,
                    geometry: FindingGeometry.union([pa.geometry, pb.geometry])))
            }
        }
        return findings
    }
}
