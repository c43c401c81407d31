import Dispatch
import GEOS
import GeoCore
import LayoutModel

/// Repair of polygonal geometry as docs/dataset.md's reading rules ask:
/// consecutive repeated vertices removed (GEOS accepts them, so they are
/// looked for here), invalid polygons repaired with GEOS make-valid keeping
/// the polygonal part, and every change reported as a warning.
public enum GeometryRepair {
    /// The repaired geometry (nil when nothing polygonal is left) and the problems found.
    public struct Outcome: Sendable {
        public var geometry: Geometry?
        public var problems: [DatasetProblem]
    }

    /// Repairs one polygonal geometry of feature `index` (`id`) in `file`.
    public static func repairPolygonal(_ geometry: Geometry, file: String, index: Int, id: String?) -> Outcome {
        var problems: [DatasetProblem] = []
        func warn(_ reason: String) {
            problems.append(DatasetProblem(file: file, index: index, id: id, property: "geometry", severity: .warning, reason: reason))
        }
        var g = geometry
        let repeats = RepeatedVertices.count(in: g)
        if repeats > 0 {
            g = RepeatedVertices.removed(from: g)
            warn("\(repeats) repeated consecutive vertices removed")
        }
        // A ring that had only repeats left (fewer than 4 positions) encloses nothing.
        let (cleaned, droppedRings, droppedPolygons) = withoutDegenerateRings(g)
        if droppedRings + droppedPolygons > 0 {
            var parts: [String] = []
            if droppedPolygons > 0 { parts.append("\(droppedPolygons) polygons") }
            if droppedRings > 0 { parts.append("\(droppedRings) holes") }
            warn("dropped \(parts.joined(separator: " and ")) whose rings have fewer than 4 distinct positions")
        }
        guard let cleaned else {
            problems.append(DatasetProblem(
                file: file, index: index, id: id, property: "geometry", severity: .error,
                reason: "no polygon with at least 4 distinct positions is left"))
            return Outcome(geometry: nil, problems: problems)
        }
        g = cleaned
        // Most parcels are small simple rings: proven valid without building a GEOS geometry.
        if ValidPolygonProof.proves(g) { return Outcome(geometry: g, problems: problems) }
        do {
            let handle = try GeometryHandle(g)
            guard let problem = try handle.validityProblem() else { return Outcome(geometry: g, problems: problems) }
            let repair = try handle.makeValidPolygonal()
            var reason = "invalid geometry (\(problem.reason)"
            if let l = problem.location { reason += " at \(l.x) \(l.y)" }
            reason += ") repaired with GEOS make-valid"
            if !repair.droppedTypes.isEmpty {
                reason += "; dropped the non-polygonal parts: \(repair.droppedTypes.joined(separator: ", "))"
            }
            guard let polygonal = repair.polygonal, !polygonal.polygons.isEmpty else {
                problems.append(DatasetProblem(
                    file: file, index: index, id: id, property: "geometry", severity: .error,
                    reason: "invalid geometry (\(problem.reason)) has no polygonal part after make-valid"))
                return Outcome(geometry: nil, problems: problems)
            }
            warn(reason)
            return Outcome(geometry: polygonal, problems: problems)
        } catch {
            problems.append(DatasetProblem(
                file: file, index: index, id: id, property: "geometry", severity: .error,
                reason: "GEOS could not read the geometry: \(error)"))
            return Outcome(geometry: nil, problems: problems)
        }
    }

    /// Drops polygons whose exterior has fewer than 4 positions and holes likewise.
    /// Returns nil when no polygon is left.
    static func withoutDegenerateRings(_ geometry: Geometry) -> (Geometry?, droppedRings: Int, droppedPolygons: Int) {
        // The usual case, without building anything: every ring has 4 positions or more.
        switch geometry {
        case .polygon(let p) where !p.rings.isEmpty && p.rings.allSatisfy({ $0.count >= 4 }):
            return (geometry, 0, 0)
        case .multiPolygon(let ps) where ps.allSatisfy({ !$0.rings.isEmpty && $0.rings.allSatisfy { $0.count >= 4 } }):
            return (geometry, 0, 0)
        default: break
        }
        var droppedRings = 0, droppedPolygons = 0
        var kept: [Polygon] = []
        for polygon in geometry.polygons {
            guard let exterior = polygon.exterior, exterior.count >= 4 else {
                droppedPolygons += 1
                continue
            }
            let holes = polygon.holes.filter { $0.count >= 4 }
            droppedRings += polygon.holes.count - holes.count
            kept.append(Polygon(exterior: exterior, holes: Array(holes)))
        }
        if droppedRings + droppedPolygons == 0 { return (geometry, 0, 0) }
        switch kept.count {
        case 0: return (nil, droppedRings, droppedPolygons)
        case 1 where !(geometry.polygons.count > 1): return (.polygon(kept[0]), droppedRings, droppedPolygons)
        default: return (.multiPolygon(kept), droppedRings, droppedPolygons)
        }
    }

    /// Repairs many geometries on `threads` threads; results in input order.
    /// Each worker uses its own GEOS context (the GEOS module keeps one per thread).
    public static func repairAll(
        _ items: [(geometry: Geometry, index: Int, id: String?)], file: String, threads: Int
    ) -> [Outcome] {
        // Chunks of at least 64 polygons: repair is cheap per feature, thread hand-off is not.
        ParallelRanges.map(count: items.count, threads: threads, minimumChunk: 64) { i in
            let item = items[i]
            return repairPolygonal(item.geometry, file: file, index: item.index, id: item.id)
        }
    }
}
