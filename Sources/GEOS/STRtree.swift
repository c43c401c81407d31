import CGEOS
import GeoCore
import Synchronization

/// A read-only spatial index of envelopes or geometries, each tagged with an
/// integer payload (usually an index into the caller's array), bulk-loaded
/// once (Sort-Tile-Recursive packing; `GEOSSTRtree_create_r`).
///
/// The tree keeps every indexed geometry alive (GEOS stores only pointers).
/// It is built when created, then only queried. GEOS's tree is not documented
/// as safe for concurrent queries, so this class serialises them with a lock.
///
/// Reference: Leutenegger, Edgington, Lopez (1997), "STR: A Simple and
/// Efficient Algorithm for R-Tree Packing".
public final class STRtree: @unchecked Sendable {
    private struct Item {
        let geometry: GeometryHandle
        let payload: Int
    }

    private let tree: OpaquePointer
    private let items: [Item]
    private let lock = Mutex<Void>(())

    /// Number of indexed items.
    public var count: Int { items.count }

    /// Indexes geometries; queries test their envelopes, `nearest` their true distance.
    /// - Parameter nodeCapacity: children per node (≥ 2; GEOS's usual value is 10).
    public init(geometries: [(geometry: GeometryHandle, payload: Int)], nodeCapacity: Int = 10) throws(GEOSError) {
        guard nodeCapacity >= 2 else { throw .invalidInput("STRtree node capacity must be at least 2, got \(nodeCapacity)") }
        let context = try GEOSContext.current
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else { throw context.failure("GEOSSTRtree_create_r") }
        self.tree = tree
        self.items = geometries.map { Item(geometry: $0.geometry, payload: $0.payload) }
        GEOSLibrary.handleCounter.retain()
        // From here on deinit frees the tree, so failures may simply throw.

        context.clearMessages()
        for (index, item) in items.enumerated() {
            GEOSSTRtree_insert_r(context.handle, tree, item.geometry.pointer, STRtree.itemPointer(index))
        }
        if context.lastError != nil { throw context.failure("GEOSSTRtree_insert_r") }
        // GEOS packs the tree lazily on the first query; doing it now makes
        // every later call read-only.
        if let probe = items.first?.geometry {
            GEOSSTRtree_query_r(context.handle, tree, probe.pointer, { _, _ in }, nil)
            if context.lastError != nil { throw context.failure("GEOSSTRtree_query_r") }
        }
    }

    /// Indexes rectangles (as GEOS polygons, kept by the tree).
    public convenience init(envelopes: [(envelope: BoundingBox, payload: Int)], nodeCapacity: Int = 10) throws(GEOSError) {
        var geometries: [(geometry: GeometryHandle, payload: Int)] = []
        geometries.reserveCapacity(envelopes.count)
        for (envelope, payload) in envelopes {
            geometries.append((try GeometryHandle.rectangle(envelope), payload))
        }
        try self.init(geometries: geometries, nodeCapacity: nodeCapacity)
    }

    deinit {
        if let context = try? GEOSContext.current {
            GEOSSTRtree_destroy_r(context.handle, tree)
        }
        GEOSLibrary.handleCounter.release()
    }

    /// Payloads of the items whose envelopes intersect `box` (boundaries
    /// included), in insertion order (`GEOSSTRtree_query_r`).
    public func query(_ box: BoundingBox) throws(GEOSError) -> [Int] {
        try query(intersectingEnvelopeOf: try GeometryHandle.rectangle(box))
    }

    /// Payloads of the items whose envelopes intersect the envelope of
    /// `geometry`, in insertion order: candidates for an exact predicate
    /// (`GEOSSTRtree_query_r`).
    public func query(intersectingEnvelopeOf geometry: GeometryHandle) throws(GEOSError) -> [Int] {
        let context = try GEOSContext.current
        var indices: [Int] = []
        context.clearMessages()
        lock.withLock { _ in
            withUnsafeMutablePointer(to: &indices) { found in
                GEOSSTRtree_query_r(context.handle, tree, geometry.pointer, { item, userData in
                    guard let item, let userData else { return }
                    userData.assumingMemoryBound(to: [Int].self).pointee.append(STRtree.itemIndex(item))
                }, found)
            }
        }
        if context.lastError != nil { throw context.failure("GEOSSTRtree_query_r") }
        indices.sort()
        return indices.map { items[$0].payload }
    }

    /// The payload of the item nearest to `geometry` by planar distance
    /// (`GEOSDistance_r` between the geometries), or `nil` for an empty tree.
    /// Ties go to whichever item GEOS meets first
    /// (`GEOSSTRtree_nearest_generic_r`).
    public func nearest(to geometry: GeometryHandle) throws(GEOSError) -> Int? {
        guard !items.isEmpty else { return nil }
        let context = try GEOSContext.current
        let search = NearestSearch(handle: context.handle, items: items.map(\.geometry), query: geometry)
        context.clearMessages()
        let foundIndex: Int? = lock.withLock { _ in
            withExtendedLifetime(search) {
                let found = GEOSSTRtree_nearest_generic_r(
                    context.handle, tree, STRtree.itemPointer(items.count), geometry.pointer,
                    { item1, item2, distance, userData in
                        guard let userData, let distance else { return 0 }
                        let search = Unmanaged<NearestSearch>.fromOpaque(userData).takeUnretainedValue()
                        return search.distance(item1, item2, into: distance)
                    },
                    Unmanaged.passUnretained(search).toOpaque())
                return found.map { STRtree.itemIndex($0) }
            }
        }
        guard let index = foundIndex else {
            throw context.failure("GEOSSTRtree_nearest_generic_r")
        }
        guard items.indices.contains(index) else { throw .library(operation: "GEOSSTRtree_nearest_generic_r", message: "returned an unknown item") }
        return items[index].payload
    }

    /// Items are passed to GEOS as their index + 1 (never NULL), not as
    /// pointers to Swift objects, so nothing can dangle.
    fileprivate static func itemPointer(_ index: Int) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: index + 1)
    }

    fileprivate static func itemIndex(_ pointer: UnsafeRawPointer) -> Int {
        Int(bitPattern: pointer) - 1
    }

    fileprivate static func itemIndex(_ pointer: UnsafeMutableRawPointer) -> Int {
        Int(bitPattern: pointer) - 1
    }
}

/// What the nearest-neighbour distance callback needs, passed through GEOS's
/// user-data pointer: the indexed geometries and the query geometry, which
/// stands at index `items.count`.
private final class NearestSearch {
    let handle: GEOSContextHandle_t
    let items: [GeometryHandle]
    let query: GeometryHandle

    init(handle: GEOSContextHandle_t, items: [GeometryHandle], query: GeometryHandle) {
        self.handle = handle
        self.items = items
        self.query = query
    }

    private func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer? {
        guard let item else { return nil }
        let index = STRtree.itemIndex(item)
        if index == items.count { return query.pointer }
        return items.indices.contains(index) ? items[index].pointer : nil
    }

    /// The distance callback's result: GEOS's header says 0 means success, but
    /// its implementation (3.11, and shapely relies on it) treats 0 as failure
    /// ("Failed to compute distance."), so this returns 1 on success, 0 on failure.
    func distance(_ item1: UnsafeRawPointer?, _ item2: UnsafeRawPointer?, into result: UnsafeMutablePointer<Double>) -> Int32 {
        guard let g1 = geometry(item1), let g2 = geometry(item2) else { return 0 }
        return GEOSDistance_r(handle, g1, g2, result) == 1 ? 1 : 0
    }
}

extension GeometryHandle {
    /// A polygon for a box (a point or line when the box is degenerate) (`GEOSGeom_createRectangle_r`).
    static func rectangle(_ box: BoundingBox) throws(GEOSError) -> GeometryHandle {
        try GeometryHandle(rectangle: box)
    }

    /// A polygon for a box, e.g. a query window (`GEOSGeom_createRectangle_r`).
    public convenience init(rectangle box: BoundingBox) throws(GEOSError) {
        guard !box.isEmpty, box.minX.isFinite, box.minY.isFinite, box.maxX.isFinite, box.maxY.isFinite else {
            throw .invalidInput("bounding box must be finite and not empty: \(box)")
        }
        let context = try GEOSContext.current
        guard let r = GEOSGeom_createRectangle_r(context.handle, box.minX, box.minY, box.maxX, box.maxY) else {
            throw context.failure("GEOSGeom_createRectangle_r")
        }
        self.init(taking: r)
    }
}
