import GeoCore
import LayoutModel

/// Whether two snapshots plausibly show the same city, before `compare`
/// matches them by id: a comparison of unrelated datasets would otherwise
/// print a full change table (everything "entered" and "exited") that looks
/// like an answer.
///
/// Two facts are measured: how many park, parcel and enterprise ids the
/// snapshots share, and whether their extents (the bounding boxes of the
/// districts, else of every feature) overlap.
public struct SnapshotCorrespondence: Sendable, Equatable {
    public let sharedParkIds: Int
    public let sharedParcelIds: Int
    public let sharedEnterpriseIds: Int
    /// Whether the two extents intersect (touching counts).
    public let extentsOverlap: Bool
    public let oldExtent: BoundingBox?
    public let newExtent: BoundingBox?

    /// The verdict: the same city, or which of the two signs is missing.
    public enum Verdict: Sendable, Equatable {
        /// Shared ids and overlapping extents.
        case sameCity
        /// No shared id, but the extents overlap: a renumbered dataset, or another data source for the same place.
        case noSharedIds
        /// Shared ids, but the extents do not overlap: coordinates moved wholesale (wrong CRS or datum?).
        case noSpatialOverlap
        /// Neither: two different places.
        case unrelated
    }

    public var sharedIds: Int { sharedParkIds + sharedParcelIds + sharedEnterpriseIds }

    public var verdict: Verdict {
        switch (sharedIds > 0, extentsOverlap) {
        case (true, true): return .sameCity
        case (false, true): return .noSharedIds
        case (true, false): return .noSpatialOverlap
        case (false, false): return .unrelated
        }
    }

    public init(old: Dataset, new: Dataset) {
        func shared(_ a: [String], _ b: [String]) -> Int {
            let set = Set(a)
            return Set(b).filter(set.contains).count
        }
        sharedParkIds = shared(old.parks.map(\.id), new.parks.map(\.id))
        sharedParcelIds = shared(old.parcels.map(\.id), new.parcels.map(\.id))
        sharedEnterpriseIds = shared(old.enterprises.map(\.id), new.enterprises.map(\.id))
        oldExtent = old.boundingBox
        newExtent = new.boundingBox
        if let a = oldExtent, let b = newExtent {
            extentsOverlap = a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY
        } else {
            extentsOverlap = true  // nothing to compare: do not claim a mismatch
        }
    }
}
