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
        let lonLat = enterprises.map { $0.location ?? Position(x: .nan, y: .nan) }
        let projected = try frame.project(points: lonLat)
        let membership = try ParkMembership(parks: dataset.parks, enterprises: enterprises, threads: options.threads)
        let toLonLat = try Transformer(from: CoordinateReferenceSystem(epsg: frame.epsg), to: .wgs84)

        let shared: StudyArea? = switch options.studyArea {
        case .bbox: nil
        case .parks: try StudyArea.union(of: dataset.parks.map(\.geometry), kind: .parks, frame: frame)
        case .districts: try StudyArea.union(of: dataset.districts.map(\.geometry), kind: .districts, frame: frame)
        }

        var groups: [IndustryClusterGroup] = []
        let grouped = options.grouping.groups(of: enterprises)
        for (done, (industry, all)) in grouped.enumerated() {
            progress?(done, grouped.count, industry)
            // Enterprises without a usable location cannot be clustered; the loader reports them.
            let members = all.filter { projected[2 * $0].isFinite && projected[2 * $0 + 1].isFinite }
            var xy = [Double]()
            xy.reserveCapacity(2 * members.count)
            for i in members { xy.append(projected[2 * i]); xy.append(projected[2 * i + 1]) }
            let dbscan = try DBSCAN(coordinates: xy, eps: options.eps, minPoints: options.minPoints, threads: options.threads)
            let clusters = try summarise(
                dbscan: dbscan, members: members, xy: xy, dataset: dataset, membership: membership, toLonLat: toLonLat)
            let area = shared ?? StudyArea.boundingBox(of: xy)
            let nni = NearestNeighbourIndex(coordinates: xy, studyAreaM2: area.area, threads: options.threads)
            let ripley = try RipleyAnalysis(
                coordinates: xy, radii: options.radii, studyArea: area, simulations: options.simulations, seed: options.seed,
                threads: options.threads)
            groups.append(IndustryClusterGroup(
                industry: industry, members: members, ids: members.map { enterprises[$0].id }, dbscan: dbscan,
                clusters: clusters, studyAreaM2: area.area, nni: nni, ripley: ripley))
        }
        progress?(grouped.count, grouped.count, "")
        return ClusterReport(crs: frame.label, epsg: frame.epsg, options: options, groups: groups)
    }

    /// Per-cluster size, cores, industries, output, parks, centroid and hull.
    static func summarise(
        dbscan: DBSCAN, members: [Int], xy: [Double], dataset: Dataset, membership: ParkMembership, toLonLat: Transformer
    ) throws -> [ClusterSummary] {
        let count = dbscan.clusterCount
        guard count > 0 else { return [] }
        // Bucket member positions by cluster in one pass (O(n)).
        var byCluster = [[Int]](repeating: [], count: count)
        for (k, label) in dbscan.labels.enumerated() where label >= 0 { byCluster[Int(label)].append(k) }
        return try byCluster.enumerated().map { id, positions in
            var pts = [Double]()
            pts.reserveCapacity(2 * positions.count)
            var sx = 0.0, sy = 0.0, output = 0.0, cores = 0
            var industries = Set<String>(), parks = Set<String>()
            for k in positions {
                pts.append(xy[2 * k]); pts.append(xy[2 * k + 1])
                sx += xy[2 * k]; sy += xy[2 * k + 1]
                if dbscan.isCore[k] { cores += 1 }
                let e = dataset.enterprises[members[k]]
                output += e.output ?? 0
                industries.insert(e.industry.value)
                if let p = membership.parkOfEnterprise[members[k]] { parks.insert(dataset.parks[p].id) }
            }
            let size = positions.count
            let centroid = try toLonLat.transform(Position(x: sx / Double(size), y: sy / Double(size)))
            let (hull, kind, area) = try ClusterSummary.hull(ofMetric: pts)
            return ClusterSummary(
                id: id, size: size, coreCount: cores, industries: industries.sorted(), outputWan: output,
                parks: parks.sorted(), centroid: Position(x: centroid.x, y: centroid.y), hull: try toLonLat.transform(hull),
                hullKind: kind, hullAreaM2: area)
        }
    }
}
