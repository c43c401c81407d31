import GeoCore
import LayoutModel
import PROJ

/// Runs docs/analyses.md §3 over a dataset: DBSCAN, Clark–Evans NNI and Ripley K/L per industry group.
///
/// Enterprises are projected once into the dataset's `MetricFrame` (chosen from the extent of
/// districts and parks); each enterprise's park is the smallest covering park
/// (`ParkMembership`). Groups run one after another, each using `threads` workers inside.
public enum ClusterAnalysis {
    /// - Parameter progress: called before each group with (groups done, groups in all, group code),
    ///   and once more at the end with done = all (for a progress line on a terminal).
    public static func run(
        dataset: Dataset, options: ClusterOptions, progress: ((Int, Int, String) -> Void)? = nil
    ) throws -> ClusterReport {
        try options.validate()
        guard let extent = dataset.boundingBox else { throw AnalysisError.invalidParameter("the dataset is empty") }
        let frame = try MetricFrame(extent: extent)
        let enterprises = dataset.enterprises
        let lonLat = enterprises.indices.map { enterprises.location(at: $0) ?? Position(x: .nan, y: .nan) }
        let projected = try frame.project(points: lonLat)
        let membership = try ParkMembership(parks: dataset.parks, enterprises: enterprises, threads: options.threads)
        let toLonLat = try Transformer(from: CoordinateReferenceSystem(epsg: frame.epsg), to: .wgs84)

        let shared: StudyArea? = switch options.studyArea {
        case .bbox: nil
        case .parks: try StudyArea.union(of: dataset.parks.map(\.geometry), kind: .parks, frame: frame)
        case .districts: try StudyArea.union(of: dataset.districts.map(\.geometry), kind: .districts, frame: frame)
        }

        // The analytic envelope integrates over the window once per radius: a shared window is shared.
        let sharedMoments = shared.map { RipleyKMoments(studyArea: $0) }

        var groups: [IndustryClusterGroup] = []
        let grouped = options.grouping.groups(of: enterprises)
        for (done, (industry, all)) in grouped.enumerated() {
            progress?(done, grouped.count, industry)
            // Enterprises without a usable location cannot be clustered; the loader reports them.
            let members = all.filter { projected[2 * $0].isFinite && projected[2 * $0 + 1].isFinite }
            var xy = [Double](), groupLonLat = [Double]()
            xy.reserveCapacity(2 * members.count)
            groupLonLat.reserveCapacity(2 * members.count)
            for i in members {
                xy.append(projected[2 * i]); xy.append(projected[2 * i + 1])
                groupLonLat.append(lonLat[i].x); groupLonLat.append(lonLat[i].y)
            }
            // eps is a true ellipsoidal distance: the frame decides all pairs but the thin ring its
            // scale error leaves around eps, where the geodesic does (`DistanceThreshold`).
            let threshold = DistanceThreshold(distance: options.eps, frame: frame, xy: xy, lonLat: groupLonLat)
            let dbscan = try DBSCAN(coordinates: xy, threshold: threshold, minPoints: options.minPoints, threads: options.threads)
            let clusters = try summarise(
                dbscan: dbscan, members: members, xy: xy, dataset: dataset, membership: membership, toLonLat: toLonLat,
                threads: options.threads)
            let area = shared ?? StudyArea.boundingBox(of: xy)
            let nni = NearestNeighbourIndex(coordinates: xy, studyAreaM2: area.area, threads: options.threads)
            let ripley = try RipleyAnalysis(
                coordinates: xy, radii: options.radii, studyArea: area, simulations: options.simulations, seed: options.seed,
                threads: options.threads, envelope: options.envelope, moments: sharedMoments)
            groups.append(IndustryClusterGroup(
                industry: industry, members: members, ids: members.map { enterprises.id(at: $0) }, dbscan: dbscan,
                clusters: clusters, studyAreaM2: area.area, nni: nni, ripley: ripley))
        }
        progress?(grouped.count, grouped.count, "")
        return ClusterReport(crs: frame.label, epsg: frame.epsg, options: options, groups: groups)
    }

    /// Per-cluster size, cores, industries, output, parks, centroid and hull.
    ///
    /// The hulls (GEOS, the costly part) run on `threads` workers: clusters too big for a concave
    /// hull one after another, each hull from the hulls of fixed 65 536-point chunks computed in
    /// parallel (`ClusterSummary.convexHull(ofMetric:threads:)`); the others in parallel, one
    /// cluster per task. Each result has its own slot and the chunks do not depend on `threads`,
    /// so the output does not either.
    static func summarise(
        dbscan: DBSCAN, members: [Int], xy: [Double], dataset: Dataset, membership: ParkMembership, toLonLat: Transformer,
        threads: Int = 1
    ) throws -> [ClusterSummary] {
        let count = dbscan.clusterCount
        guard count > 0 else { return [] }
        // Bucket member positions by cluster in one pass (O(n)).
        var byCluster = [[Int]](repeating: [], count: count)
        for (k, label) in dbscan.labels.enumerated() where label >= 0 { byCluster[Int(label)].append(k) }
        let points: [[Double]] = byCluster.map { positions in
            var pts = [Double]()
            pts.reserveCapacity(2 * positions.count)
            for k in positions { pts.append(xy[2 * k]); pts.append(xy[2 * k + 1]) }
            return pts
        }
        let slots = UnsafeMutableBufferPointer<(Geometry, ClusterSummary.HullKind, Double)?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        nonisolated(unsafe) let hulls = slots
        let failure = FailureBox()
        let big = (0..<count).filter { points[$0].count / 2 > ClusterSummary.concaveMaximumSize }
        for id in big {
            do {
                hulls[id] = try ClusterSummary.convexHull(ofMetric: points[id], threads: threads)
            } catch {
                failure.set(String(describing: error))
            }
        }
        let small = (0..<count).filter { points[$0].count / 2 <= ClusterSummary.concaveMaximumSize }
        ParallelRanges.forEach(count: small.count, threads: threads, minimumChunk: 1) { range in
            for k in range {
                do {
                    hulls[small[k]] = try ClusterSummary.hull(ofMetric: points[small[k]])
                } catch {
                    failure.set(String(describing: error))
                }
            }
        }
        if let message = failure.message { throw AnalysisError.geometry(message) }
        return try byCluster.enumerated().map { id, positions in
            var sx = 0.0, sy = 0.0, output = 0.0, cores = 0
            var industries = Set<String>(), parks = Set<String>()
            for k in positions {
                sx += xy[2 * k]; sy += xy[2 * k + 1]
                if dbscan.isCore[k] { cores += 1 }
                let e = dataset.enterprises[members[k]]
                output += e.output ?? 0
                industries.insert(e.industry.value)
                if let p = membership.parkOfEnterprise[members[k]] { parks.insert(dataset.parks[p].id) }
            }
            let size = positions.count
            let centroid = try toLonLat.transform(Position(x: sx / Double(size), y: sy / Double(size)))
            let (hull, kind, area) = hulls[id]!
            return ClusterSummary(
                id: id, size: size, coreCount: cores, industries: industries.sorted(), outputWan: output,
                parks: parks.sorted(), centroid: Position(x: centroid.x, y: centroid.y), hull: try toLonLat.transform(hull),
                hullKind: kind, hullAreaM2: area)
        }
    }
}
