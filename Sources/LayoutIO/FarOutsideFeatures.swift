import Foundation
import GeoCore
import LayoutModel

/// Finds parks, parcels and enterprises that lie far outside every district:
/// a point typed as (0, 0), a row of another city, a coordinate with a lost
/// digit. Such a feature silently ruins every analysis that measures extent
/// (a cluster study area of 217 million km², a map scale bar of 2,000 km), so
/// it is named, and parcels and enterprises are left out of the analysis.
///
/// **Rule.** The districts' extent (their joint bounding box) is widened on
/// every side by `max(minimumMargin, marginShare × its larger side)` (in
/// metres, converted to degrees at the box's most poleward latitude, so the
/// widening is never narrower than stated). A feature whose bounding box does
/// not reach into that widened extent is far outside: it is at least the
/// margin away from every district. Features near the city but outside its
/// districts are not flagged here; `check` reports those (`outside-parks`).
///
/// - A **park** far outside is an error: the city's own park lies outside the
///   city, so districts or park are wrong and no result would mean anything.
/// - A **parcel** or **enterprise** far outside is a warning naming it, and the
///   feature is left out of the dataset the analyses see; `Dataset.leftOut`
///   lists it so every report can give the count.
public enum FarOutsideFeatures {
    /// The least widening of the districts' extent, metres.
    public static let minimumMargin = 10_000.0
    /// The widening as a share of the extent's larger side.
    public static let marginShare = 0.10
    /// Metres per degree of latitude (mean, GRS80; ample for a margin).
    static let metresPerDegree = 111_320.0

    /// The widened districts' extent in lon/lat and the widening in metres, or nil without districts.
    public static func searchExtent(districts: [District]) -> (extent: BoundingBox, margin: Double)? {
        var box = BoundingBox.empty
        for d in districts { if let b = d.geometry.boundingBox { box.extend(with: b) } }
        guard !box.isEmpty else { return nil }
        let poleward = min(89.0, max(abs(box.minY), abs(box.maxY)))
        let cosine = cos(poleward * .pi / 180)
        let side = max(box.width * metresPerDegree * cosine, box.height * metresPerDegree)
        let margin = max(minimumMargin, marginShare * side)
        let dy = margin / metresPerDegree
        let dx = margin / (metresPerDegree * cosine)
        return (BoundingBox(minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy), margin)
    }

    /// Splits the far-outside features off `dataset` and returns the problems
    /// naming them (parks: errors; parcels and enterprises: warnings, left out).
    public static func separate(_ dataset: inout Dataset) -> [DatasetProblem] {
        guard let (extent, margin) = searchExtent(districts: dataset.districts) else { return [] }
        func isFar(_ geometry: Geometry) -> Bool {
            guard let b = geometry.boundingBox else { return false }
            return b.maxX < extent.minX || b.minX > extent.maxX || b.maxY < extent.minY || b.minY > extent.maxY
        }
        func describe(_ geometry: Geometry) -> String {
            guard let b = geometry.boundingBox else { return "" }
            let c = b.center
            return String(format: "at %.5f, %.5f", c.x, c.y)
        }
        let reachDescription = String(format: "%.0f km", margin / 1000)
        var problems: [DatasetProblem] = []
        for park in dataset.parks where isFar(park.geometry) {
            problems.append(DatasetProblem(
                file: park.source.file, index: park.source.index, id: park.id, property: "geometry", severity: .error,
                reason: "the park lies far outside every district (\(describe(park.geometry)); more than \(reachDescription) beyond the districts' extent): check its coordinates or districts.geojson"))
        }
        var leftOut: [LeftOutFeature] = []
        func leaveOut<Item>(_ items: inout [Item], _ what: String, _ geometry: (Item) -> Geometry, _ identify: (Item) -> (String, FeatureSource)) {
            guard items.contains(where: { isFar(geometry($0)) }) else { return }
            var kept: [Item] = []
            kept.reserveCapacity(items.count)
            for item in items {
                let g = geometry(item)
                guard isFar(g) else { kept.append(item); continue }
                let (id, source) = identify(item)
                leftOut.append(LeftOutFeature(file: source.file, index: source.index, id: id, reason: .farOutsideDistricts))
                problems.append(DatasetProblem(
                    file: source.file, index: source.index, id: id, property: "geometry", severity: .warning,
                    reason: "the \(what) lies far outside every district (\(describe(g)); more than \(reachDescription) beyond the districts' extent): left out of every analysis"))
            }
            items = kept
        }
        leaveOut(&dataset.parcels, "parcel", \.geometry) { ($0.id, $0.source) }
        // Enterprises by row, so the kept ones are copied column-wise, never rebuilt as values.
        let table = dataset.enterprises
        var far: [Int] = []
        for i in table.indices {
            let g = table.location(at: i).map { Geometry.point($0) } ?? table[i].geometry
            if isFar(g) { far.append(i) }
        }
        if !far.isEmpty {
            for i in far {
                let (id, source, g) = (table.id(at: i), table.source(at: i), table[i].geometry)
                leftOut.append(LeftOutFeature(file: source.file, index: source.index, id: id, reason: .farOutsideDistricts))
                problems.append(DatasetProblem(
                    file: source.file, index: source.index, id: id, property: "geometry", severity: .warning,
                    reason: "the enterprise lies far outside every district (\(describe(g)); more than \(reachDescription) beyond the districts' extent): left out of every analysis"))
            }
            dataset.enterprises = table.removingRows(Set(far))
        }
        dataset.leftOut += leftOut
        return problems
    }
}
