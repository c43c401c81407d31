/// Identifies a coordinate operation by the definitions of its two CRSs.
struct TransformationKey: Hashable {
    let source: String
    let target: String
}

/// A small least-recently-used cache of ready (normalised) operations for one thread.
///
/// Creating an operation costs proj.db queries (milliseconds); transforming
/// with a cached one costs nothing extra. The bound keeps memory flat when a
/// program walks through many CRS pairs.
struct TransformationCache {
    private var entries: [TransformationKey: (object: PJObject, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    /// The cached operation for `key`, or the one `make` builds (then cached).
    mutating func object(for key: TransformationKey, make: () throws(PROJError) -> PJObject) throws(PROJError) -> PJObject {
        clock &+= 1
        if let hit = entries[key] {
            entries[key] = (hit.object, clock)
            return hit.object
        }
        let made = try make()
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries.removeValue(forKey: oldest.key)
        }
        entries[key] = (made, clock)
        return made
    }

    mutating func removeAll() { entries.removeAll() }
}
