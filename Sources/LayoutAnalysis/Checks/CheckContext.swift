import GEOS
import GeoCore
import LayoutModel
import PROJ

/// What several rules share, computed once per run: park geometry (GEOS
/// handles on lon/lat, geodesic areas, polygons projected to the local metric
/// frame), the park hierarchy, each enterprise's park and the parcels'
/// overlay with the park statistics.
///
/// Areas are ellipsoidal m² (GRS80); distances are planar metres in the
/// dataset's `MetricFrame` (a local Gauss–Krüger/UTM zone, scale error below
/// 0.1 % inside the zone).
final class CheckContext: @unchecked Sendable {
    let dataset: Dataset
    let thresholds: CheckThresholds
    let threads: Int
    let frame: MetricFrame
    /// Park polygons on lon/lat (for overlays; read-only use from any thread), and their envelopes.
    let parkHandles: [GeometryHandle]
    let parkBoxes: [BoundingBox]
    /// Geodesic area of each park, m².
    let parkAreas: [Double]
    /// Park polygons in the metric frame, and their envelopes.
    let parkMetric: [Geometry]
    let parkMetricBoxes: [BoundingBox]
    /// Indices of each park's ancestors (parent, grandparent, …).
    let ancestors: [[Int]]
    /// Top-level park of each park (itself when it has no parent).
    let root: [Int]
    /// The district each park reports to (its `district`, else the largest share).
    let reportingDistrict: [String?]
    /// Main + featured codes of each park.
    let positioning: [[IndustryCode]]
    /// Smallest covering park of each enterprise (nil without enterprises).
    let membership: ParkMembership?
    /// The parcels' overlay and each park's statistics (nil without parcels).
    let overlay: ParcelOverlay?
    let parkStatistics: [ParkStatistics]

    init(dataset: Dataset, thresholds: CheckThresholds, threads: Int) throws {
        self.dataset = dataset
        self.thresholds = thresholds
        let workers = max(1, threads)
        self.threads = workers
        let parks = dataset.parks
        guard let extent = dataset.boundingBox else { throw AnalysisError.invalidParameter("the dataset has no geometry") }
        let frame = try MetricFrame(extent: extent)
        self.frame = frame
        do {
            parkHandles = try parks.map { try GeometryHandle($0.geometry) }
        } catch {
            throw AnalysisError.geometry("parks: \(error)")
        }
        parkBoxes = parks.map { $0.geometry.boundingBox ?? .empty }
        parkMetric = try parks.map { try frame.project($0.geometry) }
        parkMetricBoxes = parkMetric.map { $0.boundingBox ?? .empty }
        let index = Dictionary(parks.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let ancestors = parks.indices.map { p in
            var chain: [Int] = []
            var current = parks[p].parent.flatMap { index[$0] }
            // A cycle of parents is a data error the loader reports; stop rather than loop.
            while let c = current, c != p, !chain.contains(c) {
                chain.append(c)
                current = parks[c].parent.flatMap { index[$0] }
            }
            return chain
        }
        self.ancestors = ancestors
        root = parks.indices.map { ancestors[$0].last ?? $0 }
        positioning = parks.map { $0.mainIndustries + $0.featuredIndustries }
        if dataset.hasEnterprises {
            let membership = try ParkMembership(parks: parks, enterprises: dataset.enterprises, threads: workers)
            self.membership = membership
            parkAreas = membership.parkAreas
        } else {
            membership = nil
            parkAreas = parks.map { Geodesic.grs80.area(of: $0.geometry) }
        }
        if dataset.hasParcels {
            let overlay = try ParcelOverlay(parcels: dataset.parcels, threads: workers)
            self.overlay = overlay
            let statistics = try LandUseStatistics.parks(dataset: dataset, threads: workers, overlay: overlay)
            parkStatistics = statistics
            // The statistics carry each park's reporting district already.
            reportingDistrict = statistics.map(\.district)
        } else {
            overlay = nil
            parkStatistics = []
            reportingDistrict = try LandUseStatistics.reportingDistricts(of: dataset)
        }
    }

    /// Whether one park lies above the other in the hierarchy (parent, grandparent, …).
    func areRelated(_ a: Int, _ b: Int) -> Bool { ancestors[a].contains(b) || ancestors[b].contains(a) }

    /// Whether park `p` declares a main or featured code covering `industry`.
    func fits(_ industry: IndustryCode, park p: Int) -> Bool { positioning[p].contains { $0.covers(industry) } }

    /// Parks whose positioning covers `industry`, in dataset order.
    func parksMatching(_ industry: IndustryCode) -> [Int] { dataset.parks.indices.filter { fits(industry, park: $0) } }

    /// "P04 涪城临港经济开发区".
    func label(park p: Int) -> String { "\(dataset.parks[p].id) \(dataset.parks[p].name)" }

    /// Output of enterprise `e`, 万元 (0 when not given).
    func output(_ e: Int) -> Double { dataset.enterprises.output(at: e) ?? 0 }

    /// The smallest park covering `geometry` (a point, for placing a finding), if any.
    func smallestPark(covering geometry: Geometry) throws -> Int? {
        guard let box = geometry.boundingBox else { return nil }
        let point = try GeometryHandle(geometry)
        var best: Int?
        for p in dataset.parks.indices where parkBoxes[p].intersects(box) {
            if try parkHandles[p].covers(point), best.map({ parkAreas[p] < parkAreas[$0] }) ?? true { best = p }
        }
        return best
    }
}
