import Synchronization

/// Counts live C handles (GEOS geometries, PROJ objects, …) so tests can prove
/// that every handle created was freed.
///
/// Wrapper modules call `retain()` when they take ownership of a handle and
/// `release()` in the owning class's `deinit`. The cost is one relaxed atomic
/// add, cheap enough to keep in release builds, which lets the benchmark
/// report leaks too.
public final class HandleCounter: Sendable {
    private let live = Atomic<Int>(0)
    private let created = Atomic<Int>(0)
    public let name: String

    public init(name: String) { self.name = name }

    @inline(__always)
    public func retain() {
        live.wrappingAdd(1, ordering: .relaxed)
        created.wrappingAdd(1, ordering: .relaxed)
    }

    @inline(__always)
    public func release() { live.wrappingSubtract(1, ordering: .relaxed) }

    /// Handles currently alive.
    public var liveCount: Int { live.load(ordering: .relaxed) }
    /// Handles created since launch.
    public var createdCount: Int { created.load(ordering: .relaxed) }
}
