import GEOS
import GeoCore
import LayoutModel
import PROJ

/// Parcels made ready, once, for clipping by any number of units (parks,
/// districts, candidate areas): each parcel's ellipsoidal area (GRS80,
/// measured once), its GEOS geometry and an STR tree over them.
///
/// Clipping a unit (`parts(inside:)`): candidates come from the tree; a parcel
/// the unit covers (prepared `covers`, tested only when the parcel's envelope
/// lies inside the unit's) counts whole with its precomputed area; one that
/// crosses the boundary is intersected with GEOS on lon/lat and the result
/// measured (analyses.md §1). Work is spread over `threads` workers, each with
/// its own GEOS handles and prepared geometries of the units; every result is
/// stored per (unit, candidate) slot and summed afterwards in parcel order, so
/// results are identical for any thread count.
///
/// Threading: immutable after `init`; safe to use from several threads.
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
        // Candidate pairs, unit by unit, parcels ascending within a unit.
        var pairUnit: [Int32] = []
        var pairParcel: [Int32] = []
        var unitBoxes: [BoundingBox] = []
        for (u, unit) in units.enumerated() {
            let box = unit.boundingBox ?? .empty
            unitBoxes.append(box)
            guard let tree, !box.isEmpty else { continue }
            for p in try tree.query(box) where !boxes[p].isEmpty {
                pairUnit.append(Int32(u))
                pairParcel.append(Int32(p))
            }
        }
        let pairs = pairUnit.count
        let (pairUnits, pairParcels, unitEnvelopes) = (pairUnit, pairParcel, unitBoxes)
        var inside = [Double](repeating: 0, count: pairs)
        try inside.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            try ParallelChunks.run(count: pairs, chunkSize: 256, threads: threads) {
                var current = -1
                var unitHandle: GeometryHandle?
                var prepared: PreparedGeometry?
                return { range in
                    for k in range {
                        let u = Int(pairUnits[k]), p = Int(pairParcels[k])
                        if u != current {
                            // A fresh handle per worker: GEOS may cache lazily inside the geometries it prepares.
                            let handle = try GeometryHandle(units[u])
                            unitHandle = handle
                            prepared = try PreparedGeometry(handle)
                            current = u
                        }
                        out[k] = try self.areaInside(parcel: p, unitBox: unitEnvelopes[u], unit: unitHandle!, prepared: prepared!)
                    }
                }
            }
        }
        var result = [[ParcelPart]](repeating: [], count: units.count)
        for k in 0..<pairs where inside[k] > 0 {
            let p = Int(pairParcel[k])
            let full = parcelAreas[p]
            let share = inside[k] == full ? 1 : (full > 0 ? inside[k] / full : 0)
            result[Int(pairUnit[k])].append(ParcelPart(parcel: p, area: inside[k], share: share))
        }
        return result
    }

    /// Area of parcel `p` inside the unit, m²: the precomputed area when covered, else the clipped part's.
    private func areaInside(parcel p: Int, unitBox: BoundingBox, unit: GeometryHandle, prepared: PreparedGeometry) throws -> Double {
        let box = boxes[p]
        guard box.intersects(unitBox) else { return 0 }
        let parcel = handles[p]
        let envelopeInside = box.minX >= unitBox.minX && box.maxX <= unitBox.maxX && box.minY >= unitBox.minY && box.maxY <= unitBox.maxY
        if envelopeInside, try prepared.covers(parcel) { return parcelAreas[p] }
        guard try prepared.intersects(parcel) else { return 0 }
        let clipped = try unit.intersection(parcel).geometry()
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
