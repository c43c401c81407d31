import GEOS
import GeoCore
import LayoutModel
import PROJ

/// The overlay (intersection) of an old and a new set of parcels: every pair
/// of an old and a new parcel whose intersection has area, with that area.
///
/// Method (docs/analyses.md §1, §6): the new parcels are indexed in an STR tree;
/// each old parcel queries it by envelope. A pair with identical coordinates
/// (the common case: the parcel did not change) takes the parcel's own
/// geodesic area; a new parcel the old one covers takes the new parcel's
/// area; otherwise GEOS intersects the two on lon/lat and the result is
/// measured geodesically (GRS80, Karney). Work is spread over `threads`
/// workers with a prepared geometry per old parcel; pieces are stored per old
/// parcel and concatenated in old-parcel order, new parcels ascending, so the
/// result is identical for any thread count.
///
/// Units: m². Checked against shapely's `overlay(how="intersection")` with
/// pyproj areas (`Tests/Reference/compare_reference.py`).
public struct ParcelTransitionOverlay: Sendable {
    /// One intersection piece.
    public struct Piece: Sendable, Hashable {
        /// Index into the old parcels.
        public var old: Int
        /// Index into the new parcels.
        public var new: Int
        /// Geodesic area of the intersection, m².
        public var area: Double
    }

    /// Pieces with positive area, by old parcel, then new parcel, ascending.
    public let pieces: [Piece]

    /// - Parameters:
    ///   - old, new: the two overlays (their areas and GEOS handles are reused).
    public init(old: ParcelOverlay, new: ParcelOverlay, threads: Int) throws {
        let n = old.parcels.count
        guard n > 0, !new.parcels.isEmpty else {
            pieces = []
            return
        }
        let tree = try STRtree(geometries: new.handles.enumerated().map { ($0.element, $0.offset) })
        var slots = [[Piece]](repeating: [], count: n)
        try slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let newGeometries = new.parcels.map(\.geometry)
            try ParallelChunks.run(count: n, chunkSize: 256, threads: threads) {
                // An old parcel belongs to one worker; a new parcel may be a candidate of old
                // parcels in several workers, so each worker uses its own new handles.
                let newHandles = WorkerHandles(newGeometries)
                return { range in
                    for i in range {
                        out[i] = try Self.pieces(ofOld: i, old: old, new: new, newHandles: newHandles, tree: tree)
                    }
                }
            }
        }
        pieces = slots.flatMap { $0 }
    }

    private static func pieces(ofOld i: Int, old: ParcelOverlay, new: ParcelOverlay, newHandles: WorkerHandles, tree: STRtree) throws -> [Piece] {
        let box = old.boxes[i]
        guard !box.isEmpty else { return [] }
        let candidates = try tree.query(box).sorted()
        guard !candidates.isEmpty else { return [] }
        let geometry = old.parcels[i].geometry
        let handle = old.handles[i]
        var prepared: PreparedGeometry?
        var out: [Piece] = []
        for j in candidates {
            let nbox = new.boxes[j]
            // Envelopes that only share an edge or corner cannot overlap with area.
            guard nbox.minX < box.maxX, nbox.maxX > box.minX, nbox.minY < box.maxY, nbox.maxY > box.minY else { continue }
            if new.parcels[j].geometry == geometry {
                out.append(Piece(old: i, new: j, area: new.parcelAreas[j]))
                continue
            }
            if prepared == nil { prepared = try PreparedGeometry(handle) }
            let candidate = try newHandles.handle(j)
            guard try prepared!.intersects(candidate) else { continue }
            let area: Double
            if try prepared!.covers(candidate) {
                area = new.parcelAreas[j]
            } else {
                area = Geodesic.grs80.area(of: try handle.intersection(candidate).geometry())
            }
            if area > 0 { out.append(Piece(old: i, new: j, area: area)) }
        }
        return out
    }
}
