import GEOS
import GeoCore
import LayoutModel
import PROJ

/// One contiguous block of available land in a park (docs/analyses.md §5).
public struct LandBlock: Sendable, Hashable {
    /// Index of the park (into the dataset's `parks`).
    public var park: Int
    /// Indices into the dataset's `parcels`, ascending.
    public var parcels: [Int]
    /// Sum of the parcels' ellipsoidal areas, m² (GRS80).
    public var area: Double

    public init(park: Int, parcels: [Int], area: Double) {
        self.park = park
        self.parcels = parcels
        self.area = area
    }
}

/// The land each park can offer a new industrial project (docs/analyses.md §5).
///
/// - Available land: parcels with status `ready` whose land use is industrial or
///   warehouse (under 10 or 11, `Parcel.isIndustrialOrWarehouse`).
/// - Reclaimable land: `idle` parcels of the same land uses (闲置土地 that could
///   be taken back and re-supplied), listed but never part of a block.
/// - Assignment to parks: a parcel belongs to the smallest park (ellipsoidal
///   area, GRS80) among those holding more than half of its area (GEOS
///   intersection on lon/lat, via `ParcelOverlay`); so a sub-park (园中园) gets
///   its parcels and its parent does not count them again. Equal park areas go
///   to the earlier park in the dataset. A parcel no park holds half of belongs
///   to none.
/// - Blocks: a park's available parcels merged by `BlockMerger` (touching or
///   within `mergeDistance` metres in the local metric CRS); a block's area is
///   the sum of its parcels' ellipsoidal areas (not the area of their union, so
///   a 10 m gap adds nothing, and parcels are assumed not to overlap, which
///   `check` reports otherwise).
///
/// Blocks of a park are ordered by area descending, then by their first parcel
/// index. Work on parks runs on `threads` workers; results do not depend on it.
public struct AvailableLand: Sendable {
    /// Blocks per park (same order as the dataset's parks).
    public let blocks: [[LandBlock]]
    /// Idle industrial parcels per park (indices into the dataset's parcels, ascending).
    public let reclaimable: [[Int]]
    /// Ellipsoidal area of every parcel that is available or reclaimable, m², by parcel index.
    public let parcelAreas: [Int: Double]
    /// Each park's ellipsoidal area, m².
    public let parkAreas: [Double]
    /// Projected (metric) geometry of every available parcel, by parcel index.
    public let metricParcels: [Int: Geometry]

    /// - Parameters:
    ///   - frame: the dataset's local metric CRS.
    ///   - mergeDistance: metres.
    public init(dataset: Dataset, frame: MetricFrame, mergeDistance: Double, threads: Int = 2) throws {
        let parcels = dataset.parcels
        let parks = dataset.parks
        var candidates: [Int] = []
        for i in parcels.indices where (parcels[i].status == .ready || parcels[i].status == .idle) && parcels[i].isIndustrialOrWarehouse {
            candidates.append(i)
        }
        let overlay = try ParcelOverlay(parcels: candidates.map { parcels[$0] }, threads: threads)
        let parts = try overlay.parts(inside: parks.map(\.geometry))
        let parkAreas = parks.map { Geodesic.grs80.area(of: $0.geometry) }
        self.parkAreas = parkAreas

        // Smallest park holding more than half of each candidate.
        var owner = [Int](repeating: -1, count: candidates.count)
        for (u, list) in parts.enumerated() {
            for part in list where part.share > 0.5 {
                let current = owner[part.parcel]
                if current < 0 || parkAreas[u] < parkAreas[current] || (parkAreas[u] == parkAreas[current] && u < current) {
                    owner[part.parcel] = u
                }
            }
        }
        var ready = [[Int]](repeating: [], count: parks.count)
        var idle = [[Int]](repeating: [], count: parks.count)
        var areas: [Int: Double] = [:]
        for (k, parcel) in candidates.enumerated() {
            areas[parcel] = overlay.parcelAreas[k]
            guard owner[k] >= 0 else { continue }
            if parcels[parcel].status == .ready { ready[owner[k]].append(parcel) } else { idle[owner[k]].append(parcel) }
        }
        parcelAreas = areas
        reclaimable = idle

        // Project the available parcels once, then merge park by park in parallel.
        let available = ready.flatMap { $0 }
        var metric: [Int: Geometry] = [:]
        for parcel in available { metric[parcel] = try frame.project(parcels[parcel].geometry) }
        metricParcels = metric
        let readyLists = ready
        let projected = metric
        let areaOf = areas
        blocks = try ParallelChunks.map(count: parks.count, threads: threads) { park -> [LandBlock] in
            let list = readyLists[park]
            guard !list.isEmpty else { return [] }
            let groups = try BlockMerger.blocks(of: list.map { projected[$0]! }, distance: mergeDistance)
            return groups.map { group in
                let members = group.map { list[$0] }.sorted()
                return LandBlock(park: park, parcels: members, area: members.reduce(0) { $0 + areaOf[$1]! })
            }.sorted { $0.area > $1.area || ($0.area == $1.area && $0.parcels[0] < $1.parcels[0]) }
        }
    }

    /// The largest block of a park, nil when it has no available land.
    public func largestBlock(ofPark park: Int) -> LandBlock? { blocks[park].first }

    /// Reclaimable (idle industrial) area of a park, m².
    public func reclaimableArea(ofPark park: Int) -> Double { reclaimable[park].reduce(0) { $0 + (parcelAreas[$1] ?? 0) } }
}
