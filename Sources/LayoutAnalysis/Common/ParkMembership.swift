import Glibc
import Dispatch
import GEOS
import GeoCore
import LayoutModel
import PROJ

/// Which park each enterprise belongs to: the smallest park whose polygon
/// covers its point, so a sub-park (园中园) wins over its parent (analyses.md §3).
///
/// Parks are indexed by envelope; each worker thread builds its own prepared
/// geometries (GEOS prepared geometries are not shared across threads), and
/// the points are split across `threads` workers.
public struct ParkMembership: Sendable {
    /// Park index (into the dataset's `parks`) per enterprise, or nil when outside every park.
    public let parkOfEnterprise: [Int?]
    /// Geodesic area of each park, m² (GRS80), used to rank sub-parks before parents.
    public let parkAreas: [Double]

    public init(parks: [Park], enterprises: [Enterprise], threads: Int = 2) throws {
        let areas = parks.map { Geodesic.grs80.area(of: $0.geometry) }
        parkAreas = areas
        // Smallest first, so the first covering park is the answer.
        let order = parks.indices.sorted { areas[$0] < areas[$1] || (areas[$0] == areas[$1] && $0 < $1) }
        let boxes = order.map { parks[$0].geometry.boundingBox ?? .empty }
        let points: [Position] = enterprises.map {
            if case .point(let p) = $0.geometry { return p }
            return Position(x: .nan, y: .nan)
        }
        let n = points.count
        let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        slots.initialize(repeating: -1)
        defer { slots.deallocate() }
        nonisolated(unsafe) let result = slots
        let failure = FailureBox()
        let workers = max(1, min(threads, n / 256 + 1))
        let chunk = (n + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            do {
                let prepared = try order.map { try PreparedGeometry(GeometryHandle(parks[$0].geometry)) }
                for i in (w * chunk)..<min(n, (w + 1) * chunk) {
                    let p = points[i]
                    guard p.x.isFinite, p.y.isFinite else { continue }
                    var point: GeometryHandle?
                    for (k, box) in boxes.enumerated() where box.contains(x: p.x, y: p.y) {
                        if point == nil { point = try GeometryHandle(.point(p)) }
                        if try prepared[k].covers(point!) {
                            result[i] = order[k]
                            break
                        }
                    }
                }
            } catch {
                failure.set(String(describing: error))
            }
        }
        if let message = failure.message { throw AnalysisError.geometry(message) }
        parkOfEnterprise = slots.map { $0 >= 0 ? $0 : nil }
    }
}

/// Collects the first failure of parallel workers.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLockLike()
    private(set) var message: String?
    func set(_ m: String) { lock.withLock { if message == nil { message = m } } }
}

/// A tiny mutex without Foundation.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
