import GEOS
import GeoCore
import LayoutModel

/// Which region counts as the study area A of the NNI and K-function (docs/analyses.md §3).
public enum StudyAreaKind: String, Sendable, Hashable, CaseIterable {
    /// The bounding box of the group's projected points (QGIS and pointpats default).
    case bbox
    /// The union of every park polygon.
    case parks
    /// The union of every district polygon (administrative and functional).
    case districts
}

/// A study area in the metric frame: a box, or a polygonal region, with its planar area.
///
/// Units: metres and m² of the metric CRS (planar area of the projected polygons, as the
/// spec asks; not the ellipsoidal area, which differs by the zone's scale error, < 0.1 %).
public struct StudyArea: Sendable {
    public let kind: StudyAreaKind
    /// A, m².
    public let area: Double
    /// The extent sampled by rejection, metric.
    public let box: BoundingBox
    /// The projected polygons; nil for a box.
    public let region: Geometry?

    /// The bounding box of interleaved metric coordinates.
    public static func boundingBox(of xy: [Double]) -> StudyArea {
        var box = BoundingBox.empty
        for i in stride(from: 0, to: xy.count, by: 2) { box.extend(x: xy[i], y: xy[i + 1]) }
        let area = box.isEmpty ? 0 : (box.maxX - box.minX) * (box.maxY - box.minY)
        return StudyArea(kind: .bbox, area: area, box: box, region: nil)
    }

    /// The union of lon/lat polygons, projected into `frame`, measured there.
    public static func union(of geometries: [Geometry], kind: StudyAreaKind, frame: MetricFrame) throws -> StudyArea {
        let polygons = try geometries.filter(\.isPolygonal).map { try frame.project($0) }
        guard !polygons.isEmpty else {
            throw AnalysisError.invalidParameter("study area \(kind.rawValue): the dataset has no \(kind.rawValue) polygons")
        }
        do {
            let handles = try polygons.map { try GeometryHandle($0) }
            let union = try GeometryHandle.union(of: handles)
            let area = try union.planarArea()
            let geometry = try union.geometry()
            return StudyArea(kind: kind, area: area, box: geometry.boundingBox ?? .empty, region: geometry)
        } catch let error as GEOSError {
            throw AnalysisError.geometry("union of \(kind.rawValue): \(error)")
        }
    }

    /// n points uniform in the area: in the box directly, in a region by rejection from its
    /// box (a prepared geometry per call, so each thread brings its own). Draws x then y
    /// from `rng` for every candidate.
    func uniformPattern(count n: Int, rng: inout SplitMix64, prepared: PreparedGeometry?) throws -> [Double] {
        var xy = [Double]()
        xy.reserveCapacity(2 * n)
        let w = box.maxX - box.minX, h = box.maxY - box.minY
        var attempts = 0
        while xy.count < 2 * n {
            let x = box.minX + rng.nextUnit() * w
            let y = box.minY + rng.nextUnit() * h
            if let prepared {
                attempts += 1
                if attempts > 1000 * n + 1_000_000 {
                    throw AnalysisError.geometry("study area \(kind.rawValue): no random point falls inside it")
                }
                guard try prepared.covers(GeometryHandle(.point(Position(x: x, y: y)))) else { continue }
            }
            xy.append(x)
            xy.append(y)
        }
        return xy
    }
}
