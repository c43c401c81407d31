import GEOS
import GeoCore
import LayoutModel
import PROJ

/// Land-use statistics and intensive-use indicators (`parkatlas stats`,
/// docs/analyses.md §2) for every park, every district and the whole dataset.
///
/// Areas are ellipsoidal m² on GRS80 (PROJ `geod_polygonarea`, Karney 2013);
/// parcels crossing a unit's boundary are clipped with GEOS on lon/lat and
/// their attributes apportioned by the share of their area inside. Checked
/// against shapely + pyproj (`Tests/Reference/stats_reference.py`).
///
/// For the indicators of parks only (checks, siting, evaluation), use
/// `compute(dataset:level:threads:units: .parks)`, or build one
/// `ParcelOverlay` and call `statistics(of:level:)` for any polygons.
public enum LandUseStatistics {
    /// Which units to compute.
    public struct Units: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let parks = Units(rawValue: 1)
        public static let districts = Units(rawValue: 2)
        /// The whole-dataset unit (needs the union of the administrative districts).
        public static let total = Units(rawValue: 4)
        public static let all: Units = [.parks, .districts, .total]
    }

    /// - Parameters:
    ///   - level: land-use class level, 1, 2 or 3.
    ///   - threads: worker threads (≥ 1); results do not depend on it.
    ///   - units: which units to compute; others are left empty (`total` zero).
    ///   - overlay: a prepared overlay of `dataset.parcels` to reuse, else one is built.
    public static func compute(
        dataset: Dataset, level: Int = 2, threads: Int = 2, units: Units = .all, overlay: ParcelOverlay? = nil
    ) throws -> LandUseReport {
        guard (1...3).contains(level) else { throw AnalysisError.invalidParameter("land-use level must be 1, 2 or 3, got \(level)") }
        let overlay = try overlay ?? ParcelOverlay(parcels: dataset.parcels, threads: threads)
        var geometries: [Geometry] = []
        if units.contains(.parks) { geometries += dataset.parks.map(\.geometry) }
        if units.contains(.districts) { geometries += dataset.districts.map(\.geometry) }
        let statistics = try overlay.statistics(of: geometries, level: level)

        var parks: [ParkStatistics] = []
        var offset = 0
        if units.contains(.parks) {
            let districts = try reportingDistricts(of: dataset)
            parks = dataset.parks.enumerated().map { i, park in
                ParkStatistics(index: i, id: park.id, name: park.name, level: park.level, district: districts[i],
                               statistics: statistics[i])
            }
            offset = dataset.parks.count
        }
        var districts: [DistrictStatistics] = []
        if units.contains(.districts) {
            districts = dataset.districts.enumerated().map { i, d in
                DistrictStatistics(index: i, code: d.code, name: d.name, kind: d.kind, statistics: statistics[offset + i])
            }
        }
        let total = units.contains(.total)
            ? overlay.wholeStatistics(unitArea: try administrativeUnionArea(dataset), level: level)
            : UnitAccumulator(classCount: 0).finish(unitArea: 0, classCodes: [])
        return LandUseReport(level: level, parks: parks, districts: districts, total: total)
    }

    /// The statistics of every park only (no districts, no total), in dataset
    /// order: what checks, siting and evaluation need per park. Pass an
    /// `overlay` built once to reuse the parcels' areas and index.
    public static func parks(dataset: Dataset, level: Int = 2, threads: Int = 2, overlay: ParcelOverlay? = nil) throws -> [ParkStatistics] {
        try compute(dataset: dataset, level: level, threads: threads, units: .parks, overlay: overlay).parks
    }

    /// Area of the union of the administrative districts, m² (GRS80); 0 without any.
    public static func administrativeUnionArea(_ dataset: Dataset) throws -> Double {
        let administrative = dataset.districts.filter { $0.kind == .administrative }
        guard !administrative.isEmpty else { return 0 }
        do {
            let union = try GeometryHandle.union(of: administrative.map { try GeometryHandle($0.geometry) })
            return Geodesic.grs80.area(of: try union.geometry())
        } catch {
            throw AnalysisError.geometry("union of the administrative districts: \(error)")
        }
    }

    /// The district each park reports to (docs/dataset.md): its `district` property,
    /// else the district (of either kind) holding the largest share of its
    /// area, the first in dataset order on a tie; `nil` when it meets none.
    public static func reportingDistricts(of dataset: Dataset) throws -> [String?] {
        var handles: [Int: GeometryHandle] = [:]
        func handle(_ d: Int) throws -> GeometryHandle {
            if let h = handles[d] { return h }
            let h = try GeometryHandle(dataset.districts[d].geometry)
            handles[d] = h
            return h
        }
        return try dataset.parks.map { park in
            if let code = park.district { return code }
            guard let box = park.geometry.boundingBox else { return nil }
            let parkHandle = try GeometryHandle(park.geometry)
            var best: (code: String, area: Double)?
            for (d, district) in dataset.districts.enumerated() {
                guard let dbox = district.geometry.boundingBox, dbox.intersects(box) else { continue }
                let area = Geodesic.grs80.area(of: try parkHandle.intersection(try handle(d)).geometry())
                if area > 0, area > (best?.area ?? 0) { best = (district.code, area) }
            }
            return best?.code
        }
    }
}
