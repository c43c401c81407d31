import GEOS
import GeoCore
import LayoutModel
import PROJ
import Synchronization

/// Parcels made ready, once, for clipping by any number of units (parks,
/// districts, candidate areas): each parcel's ellipsoidal area (GRS80,
/// measured once), its GEOS geometry and an STR tree over them.
///
/// Clipping a unit (`parts(inside:)`): candidates come from the tree; a parcel
/// the unit covers (prepared `covers`, tested only when the parcel's envelope
/// lies inside the unit's) counts whole with its precomputed area; one that
/// crosses the boundary is intersected with GEOS on lon/lat and the result
/// measured (docs/analyses.md §1). Work is spread over `threads` workers by parcel
/// (a parcel's GEOS geometry is only ever read by one thread), each worker with
/// its own GEOS handles and prepared geometries of the units; every result is
/// stored per (unit, candidate) slot and summed afterwards in parcel order, so
/// results are identical for any thread count.
///
/// Threading: immutable after `init`; safe to share. Concurrent calls of
/// `parts(inside:)` run one after the other (each is parallel inside), since
/// they would read the same parcel geometries from several threads.
public final class ParcelOverlay: @unchecked Sendable {
    /// The parcels, in dataset order.
    public let parcels: [Parcel]
    /// Geodesic area of each parcel, m² (GRS80, |outer| − Σ|holes|).
    public let parcelAreas: [Double]
    /// What the statistics need of each parcel, extracted once.
    public let facts: [ParcelFacts]
    /// Each parcel's land-use code.
    let landUseCodes: [String]
    /// Worker threads used by the clipping.
    public let threads: Int
    let boxes: [BoundingBox]
    let handles: [GeometryHandle]
    private let tree: STRtree?
    private let clipping = Mutex<Void>(())

    /// Measures and indexes `parcels`, on `threads` workers.
    public init(parcels: [Parcel], threads: Int = 2) throws {
        self.parcels = parcels
        let workers = max(1, threads)
        self.threads = workers
        let n = parcels.count
        var areas = [Double](repeating: 0, count: n)
        var envelopes = [BoundingBox](repeating: .empty, count: n)
        var extracted = [ParcelFacts?](repeating: nil, count: n)
        var built = [GeometryHandle?](repeating: nil, count: n)
        try areas.withUnsafeMutableBufferPointer { areaSlots in
            try envelopes.withUnsafeMutableBufferPointer { boxSlots in
                try extracted.withUnsafeMutableBufferPointer { factSlots in
                    try built.withUnsafeMutableBufferPointer { handleSlots in
                        nonisolated(unsafe) let (areaOut, boxOut, factOut, handleOut) = (areaSlots, boxSlots, factSlots, handleSlots)
                        try ParallelChunks.run(count: n, chunkSize: 512, threads: workers) {
                            { range in
                                // Element access, not `for parcel in`: a Parcel copy costs a dozen retains.
                                for i in range {
                                    let geometry = parcels[i].geometry
                                    areaOut[i] = Geodesic.grs80.area(of: geometry)
                                    boxOut[i] = geometry.boundingBox ?? .empty
                                    factOut[i] = ParcelFacts(parcels[i])
                                    handleOut[i] = try GeometryHandle(geometry)
                                }
                            }
                        }
                    }
                }
            }
        }
        parcelAreas = areas
        boxes = envelopes
        facts = extracted.map { $0! }
        var codes: [String] = []
        codes.reserveCapacity(n)
        for i in 0..<n { codes.append(parcels[i].landUse) }
        landUseCodes = codes
        handles = built.map { $0! }
        tree = n == 0 ? nil : try STRtree(geometries: handles.enumerated().map { ($0.element, $0.offset) })
    }

    /// Every parcel with area inside each unit, in parcel order, with the area
    /// inside (m²) and its share of the parcel's area (exactly 1 when covered).
    public func parts(inside units: [Geometry]) throws -> [[ParcelPart]] {
        try clipping.withLock { _ in try clip(units) }
    }

    private func clip(_ units: [Geometry]) throws -> [[ParcelPart]] {
        // Candidate (unit, parcel) pairs from the tree, grouped by parcel (CSR:
        // pairs pairStart[p] ..< pairStart[p + 1] belong to parcel p, units ascending).
        // Work is split by parcel so that each parcel's GEOS geometry is used by one
        // thread only: GEOS before 3.12 computes envelopes lazily inside geometries,
        // which is not safe when two threads read the same geometry (GEOS #824, trac 855).
        let unitBoxes = units.map { $0.boundingBox ?? .empty }
        var candidates: [[Int]] = []
        var perParcel = [Int32](repeating: 0, count: parcels.count + 1)
        for box in unitBoxes {
            guard let tree, !box.isEmpty else { candidates.append([]); continue }
            let found = try tree.query(box).filter { !boxes[$0].isEmpty }
            for p in found { perParcel[p + 1] += 1 }
            candidates.append(found)
        }
        for p in 0..<parcels.count { perParcel[p + 1] += perParcel[p] }
        let pairs = Int(perParcel[parcels.count])
        var fill = perParcel
        var unitOfPair = [Int32](repeating: 0, count: pairs)
        for (u, found) in candidates.enumerated() {
            for p in found {
                unitOfPair[Int(fill[p])] = Int32(u)
                fill[p] += 1
            }
        }
        let (pairStart, pairUnits) = (perParcel, unitOfPair)
        var inside = [Double](repeating: 0, count: pairs)
        try inside.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            try ParallelChunks.run(count: parcels.count, chunkSize: 256, threads: threads) {
                // Each worker's own unit geometries and prepared geometries, made on first use.
                var prepared = [PreparedGeometry?](repeating: nil, count: units.count)
                return { range in
                    for p in range {
                        for k in Int(pairStart[p])..<Int(pairStart[p + 1]) {
                            let u = Int(pairUnits[k])
                            if prepared[u] == nil { prepared[u] = try PreparedGeometry(GeometryHandle(units[u])) }
                            out[k] = try self.areaInside(parcel: p, unitBox: unitBoxes[u], prepared: prepared[u]!)
                        }
                    }
                }
            }
        }
        // Parcel order within every unit, whatever the thread count.
        var result = [[ParcelPart]](repeating: [], count: units.count)
        for p in 0..<parcels.count {
            let full = parcelAreas[p]
            for k in Int(pairStart[p])..<Int(pairStart[p + 1]) where inside[k] > 0 {
                let share = inside[k] == full ? 1 : (full > 0 ? inside[k] / full : 0)
                result[Int(pairUnits[k])].append(ParcelPart(parcel: p, area: inside[k], share: share))
            }
        }
        return result
    }

    /// Area inside `unit` (lon/lat) of each parcel of `list`, m², the very number `parts(inside: [unit])`
    /// gives (0 where it lists no part), for a caller that needs it for a few parcels only:
    /// `parcel-outside-park` re-measures against the union of all parks just the parcels its
    /// per-piece pass could not decide. One thread (the parcels are few).
    func areasInside(parcels list: [Int], unit: Geometry) throws -> [Double] {
        guard let unitBox = unit.boundingBox, !list.isEmpty else { return list.map { _ in 0 } }
        return try clipping.withLock { _ in
            let prepared = try PreparedGeometry(GeometryHandle(unit))
            return try list.map { p in boxes[p].isEmpty ? 0 : try areaInside(parcel: p, unitBox: unitBox, prepared: prepared) }
        }
    }

    /// Area of parcel `p` inside the unit, m²: the precomputed area when covered, else the clipped part's.
    private func areaInside(parcel p: Int, unitBox: BoundingBox, prepared: PreparedGeometry) throws -> Double {
        let box = boxes[p]
        guard box.intersects(unitBox) else { return 0 }
        let parcel = handles[p]
        let envelopeInside = box.minX >= unitBox.minX && box.maxX <= unitBox.maxX && box.minY >= unitBox.minY && box.maxY <= unitBox.maxY
        if envelopeInside, try prepared.covers(parcel) { return parcelAreas[p] }
        guard try prepared.intersects(parcel) else { return 0 }
        let clipped = try prepared.base.intersection(parcel).geometry()
        return Geodesic.grs80.area(of: clipped)
    }

    /// Statistics of each unit from its clipped parcels (`parts(inside:)`).
    /// - Parameters:
    ///   - units: polygons in lon/lat.
    ///   - level: land-use class level 1, 2 or 3.
    public func statistics(of units: [Geometry], level: Int) throws -> [UnitStatistics] {
        let classes = classIndex(level: level)
        let parts = try parts(inside: units)
        return units.indices.map { u in
            var accumulator = UnitAccumulator(classCount: classes.codes.count)
            for part in parts[u] {
                accumulator.add(facts[part.parcel], classIndex: classes.ofParcel[part.parcel], area: part.area, share: part.share)
            }
            return accumulator.finish(unitArea: Geodesic.grs80.area(of: units[u]), classCodes: classes.codes)
        }
    }

    /// Statistics of every parcel taken whole (the whole-dataset unit), with
    /// `unitArea` (m²) as the unit's own area.
    public func wholeStatistics(unitArea: Double, level: Int) -> UnitStatistics {
        let classes = classIndex(level: level)
        var accumulator = UnitAccumulator(classCount: classes.codes.count)
        for p in facts.indices {
            accumulator.add(facts[p], classIndex: classes.ofParcel[p], area: parcelAreas[p], share: 1)
        }
        return accumulator.finish(unitArea: unitArea, classCodes: classes.codes)
    }

    /// The class code of every parcel at `level`, as indices into a code list.
    private func classIndex(level: Int) -> (codes: [String], ofParcel: [Int]) {
        var codes: [String] = []
        var classOfCode: [String: Int] = [:]
        // Most parcels share a handful of codes: resolve each distinct code once.
        var classOfLandUse: [String: Int] = [:]
        let of = landUseCodes.map { landUse -> Int in
            if let i = classOfLandUse[landUse] { return i }
            let code = LandUseClassKey.code(for: landUse, level: level)
            let i = classOfCode[code] ?? codes.count
            if i == codes.count {
                classOfCode[code] = i
                codes.append(code)
            }
            classOfLandUse[landUse] = i
            return i
        }
        return (codes, of)
    }
}

/// The part of one parcel inside a unit.
public struct ParcelPart: Sendable, Hashable {
    /// Index into the overlay's `parcels`.
    public var parcel: Int
    /// Area inside the unit, m² (GRS80).
    public var area: Double
    /// `area` / the parcel's own area (1 when the unit covers the parcel).
    public var share: Double

    public init(parcel: Int, area: Double, share: Double) {
        self.parcel = parcel
        self.area = area
        self.share = share
    }
}
