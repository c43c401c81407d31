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
///
/// Candidate pairs, why (issue 19): the rule is pairwise by nature, 3,160 pairs at a
/// city of 80 parks and 338,000 at a province of 823, each with a GEOS distance when
/// the groups match. Only two kinds of pair can be flagged: those reporting to the
/// same district (listed per district) and those whose envelopes lie within the
/// largest `outerRadius` of any pair (a `BoxGridIndex` over the envelopes widened by
/// it, plus a metre of slack for rounding): a farther pair is beyond the threshold
/// for certain (planar distance ≥ envelope gap > outer radius), exactly as
/// `GeometryDistanceThreshold.decide` would find. The candidates are then tested in
/// ascending order with the unchanged test, so findings and their order are the same.
enum DuplicatePositioningRule {
    static func evaluate(_ c: CheckContext) throws -> [Finding] {
        let parks = c.dataset.parks
        let groups = parks.map { park in Set(park.mainIndustries.compactMap { $0.ancestor(at: .group) }) }
        let limit = c.thresholds.duplicatePositioningDistance
        let metric = try c.parkMetric.map { try GeometryHandle($0) }
        let threshold = GeometryDistanceThreshold(distance: limit, frame: c.frame)
        let boxes = c.parkMetricBoxes
        let reach = threshold.outerRadius(boxes.reduce(BoundingBox.empty) { var u = $0; u.extend(with: $1); return u }) + 1
        let grid = BoxGridIndex(boxes: boxes)
        let withoutBox = parks.indices.filter { boxes[$0].isEmpty }
        var sameDistrict: [String: [Int]] = [:]
        for p in parks.indices { if let d = c.reportingDistrict[p] { sameDistrict[d, default: []].append(p) } }
        var findings: [Finding] = []
        for a in parks.indices {
            let box = boxes[a]
            // A park without geometry keeps every pair, as before (no envelope to bound the distance).
            var near = box.isEmpty ? Array(parks.indices) : grid.intersecting(BoundingBox(
                minX: box.minX - reach, minY: box.minY - reach, maxX: box.maxX + reach, maxY: box.maxY + reach))
            near += c.reportingDistrict[a].flatMap { sameDistrict[$0] } ?? []
            near += withoutBox
            let candidates = Set(near).filter { $0 > a }.sorted()
            for b in candidates where !c.areRelated(a, b) {
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
