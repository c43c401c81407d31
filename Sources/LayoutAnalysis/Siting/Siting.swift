import GEOS
import GeoCore
import LayoutModel
import PROJ

/// Siting a new industrial project (`parkatlas site`, docs/analyses.md §5):
/// 如何把新引进的产业项目布局到最合适的园区.
///
/// 1. Scope: with a district filter, only parks whose reporting district
///    (`LandUseStatistics.reportingDistricts`) is that code, or more than half
///    of whose ellipsoidal area lies inside that district or functional zone.
/// 2. Land: `AvailableLand` (ready industrial/warehouse parcels of the park,
///    merged into blocks within `policy.siting.blockMergeDistance` metres).
/// 3. Hard constraints, checked in this order, the first failing one being the
///    park's reason: outside the district; a hazardous-chemical project (its
///    code at or below, or above, a code of `policy.checks.hazardousChemicalIndustries`)
///    in a park without `chemical_park: true` (a sub-park counts only when it is
///    itself flagged: its parent's designation does not carry over); no ready
///    industrial land; no single block holding the land needed.
/// 4. The chosen block of a candidate: among its blocks holding the land needed,
///    the one with the most same-division output within the synergy radius, then
///    the smallest (keeping larger blocks for larger projects), then the one
///    with the lowest parcel index.
/// 5. Score, in points (weights from `policy.siting`, default 40/25/20/15):
///    positioning = w × `PositioningMatch.best` value; synergy = w × S / max S,
///    S being the summed `output_wan` of enterprises of the project's division
///    (GB/T 4754 2-digit) whose point lies within the synergy radius (default
///    5 km, inclusive) of the chosen block's parcels (GEOS distance to the
///    parcels' polygons, not a centroid, in the local metric CRS; where the
///    CRS's scale error could change the answer, the geodesic decides:
///    `GeometryDistanceThreshold`); land = w ×
///    min(1, largest block ÷ need) (so every candidate, holding the need by
///    constraint 3, gets the full land points: land decides through the
///    constraint); efficiency = w × T / max T, T the park's industrial tax per ha
///    (`IntensiveUseIndicators.industrialTaxPerHectare`, 0 when undefined).
///    When the best candidate's S (or T) is 0, that component is 0 for all.
/// 6. Ranking: score descending, then park id ascending (exact comparison of
///    the doubles, which are computed in a fixed order, so the ranking does not
///    depend on the thread count).
public enum Siting {
    /// Answers `request` on `dataset`, with `threads` workers.
    public static func evaluate(dataset: Dataset, request: SitingRequest, threads: Int = 2) throws -> SitingResult {
        let policy = dataset.policy.siting
        let parks = dataset.parks
        let need = request.areaSquareMetres
        guard need > 0, need.isFinite else { throw SitingError.invalidArea(request.areaHectares) }
        guard let extent = dataset.boundingBox else { throw AnalysisError.invalidParameter("the dataset has no geometry") }
        let frame = try MetricFrame(extent: extent)

        let inScope = try scope(dataset: dataset, district: request.district)
        let hazardous = dataset.policy.checks.hazardousChemicalIndustries.contains {
            request.industry.matches($0) || $0.matches(request.industry)
        }
        let land = try AvailableLand(dataset: dataset, frame: frame, mergeDistance: policy.blockMergeDistance, threads: threads)

        var ruledOut: [RuledOutPark] = []
        var feasible: [(park: Int, blocks: [LandBlock])] = []
        var largestAvailable: LandBlock?
        for (p, park) in parks.enumerated() {
            let largest = land.largestBlock(ofPark: p)
            var reason: RuleOutReason?
            if !inScope[p] {
                reason = .outsideDistrict(request.district ?? "")
            } else if hazardous && !park.chemicalPark {
                reason = .notChemicalPark
            } else if let largest {
                if largestAvailable == nil || largest.area > largestAvailable!.area { largestAvailable = largest }
                if largest.area < need { reason = .blockTooSmall(largest: largest.area, needed: need) }
            } else {
                reason = .noReadyIndustrialLand
            }
            if let reason {
                ruledOut.append(RuledOutPark(park: p, parkId: park.id, parkName: park.name, reason: reason, largestBlock: largest))
            } else {
                feasible.append((p, land.blocks[p].filter { $0.area >= need }))
            }
        }

        let outputs = try synergyOutputs(
            blocks: feasible.flatMap(\.blocks), dataset: dataset, project: request.industry, frame: frame, land: land,
            radius: policy.synergyRadius, threads: threads)
        var offset = 0
        var chosen: [(park: Int, block: LandBlock, output: Double, feasibleCount: Int)] = []
        for (park, blocks) in feasible {
            var best = 0
            for k in blocks.indices.dropFirst() {
                let (o, b) = (outputs[offset + k], outputs[offset + best])
                let better = o > b || (o == b && (blocks[k].area < blocks[best].area
                    || (blocks[k].area == blocks[best].area && blocks[k].parcels[0] < blocks[best].parcels[0])))
                if better { best = k }
            }
            chosen.append((park, blocks[best], outputs[offset + best], blocks.count))
            offset += blocks.count
        }

        // Efficiency: the candidates' industrial tax per ha from the land-use statistics.
        var candidateParks = dataset
        candidateParks.parks = chosen.map { parks[$0.park] }
        let statistics = chosen.isEmpty ? [] : try LandUseStatistics.parks(dataset: candidateParks, level: 1, threads: threads)
        let taxes = statistics.map { $0.statistics.indicators.industrialTaxPerHectare }
        let maxOutput = chosen.map(\.output).max() ?? 0
        let maxTax = taxes.map { $0 ?? 0 }.max() ?? 0

        var candidates: [SitingCandidate] = []
        for (k, c) in chosen.enumerated() {
            let park = parks[c.park]
            let match = PositioningMatch.best(project: request.industry, main: park.mainIndustries, featured: park.featuredIndustries)
            let largest = land.largestBlock(ofPark: c.park)!
            let tax = taxes[k]
            let components = SitingComponents(
                positioning: policy.positioningWeight * match.value,
                synergy: maxOutput > 0 ? policy.synergyWeight * c.output / maxOutput : 0,
                land: policy.landWeight * min(1, largest.area / need),
                efficiency: maxTax > 0 ? policy.efficiencyWeight * (tax ?? 0) / maxTax : 0)
            let union = try GeometryHandle.union(of: c.block.parcels.map { try GeometryHandle(dataset.parcels[$0].geometry) })
            candidates.append(SitingCandidate(
                rank: 0, park: c.park, parkId: park.id, parkName: park.name, score: components.total, components: components,
                positioning: match, synergyOutput: c.output, industrialTaxPerHectare: tax, block: c.block,
                blockGeometry: try union.geometry(), largestBlock: largest, feasibleBlocks: c.feasibleCount,
                reclaimable: land.reclaimable[c.park], reclaimableArea: land.reclaimableArea(ofPark: c.park)))
        }
        candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.parkId < $1.parkId) }
        for i in candidates.indices { candidates[i].rank = i + 1 }

        return SitingResult(
            request: request, hazardous: hazardous, crs: frame.label, policy: policy, candidates: candidates, ruledOut: ruledOut,
            largestAvailableBlock: largestAvailable)
    }

    /// Whether each park is in the requested district (all true without one).
    static func scope(dataset: Dataset, district code: String?) throws -> [Bool] {
        guard let code else { return dataset.parks.map { _ in true } }
        guard let district = dataset.districts.first(where: { $0.code == code }) else {
            throw SitingError.unknownDistrict(code: code, known: dataset.districts.map(\.code))
        }
        let reporting = try LandUseStatistics.reportingDistricts(of: dataset)
        let districtHandle = try GeometryHandle(district.geometry)
        let districtBox = district.geometry.boundingBox ?? .empty
        return try dataset.parks.enumerated().map { p, park in
            if reporting[p] == code { return true }
            guard let box = park.geometry.boundingBox, box.intersects(districtBox) else { return false }
            let inside = Geodesic.grs80.area(of: try GeometryHandle(park.geometry).intersection(districtHandle).geometry())
            return inside > 0.5 * Geodesic.grs80.area(of: park.geometry)
        }
    }

    /// Same-division output (万元) within `radius` metres of each block, in block order.
    static func synergyOutputs(
        blocks: [LandBlock], dataset: Dataset, project: IndustryCode, frame: MetricFrame, land: AvailableLand,
        radius: Double, threads: Int
    ) throws -> [Double] {
        guard !blocks.isEmpty, let division = project.ancestor(at: .division) else { return blocks.map { _ in 0 } }
        var points: [Position] = []
        var outputs: [Double] = []
        for e in dataset.enterprises where e.industry.matches(division) {
            guard let p = e.location, let output = e.output, output > 0 else { continue }
            points.append(p)
            outputs.append(output)
        }
        guard !points.isEmpty else { return blocks.map { _ in 0 } }
        let xy = try frame.project(points: points)
        let metric = land.metricParcels
        let (pointOutputs, pointXY) = (outputs, xy)
        return try ParallelChunks.map(count: blocks.count, threads: threads) { b -> Double in
            let polygons = blocks[b].parcels.flatMap { metric[$0]!.polygons }
            let geometry = Geometry.multiPolygon(polygons)
            guard let box = geometry.boundingBox else { return 0 }
            let handle = try GeometryHandle(geometry)
            let prepared = try PreparedGeometry(GeometryHandle(geometry))
            let threshold = GeometryDistanceThreshold(distance: radius, frame: frame)
            let (inner, outer) = (threshold.innerRadius, threshold.outerRadius(box))
            var sum = 0.0
            // Enterprise order: the sum does not depend on how blocks are spread over threads.
            for i in pointOutputs.indices {
                let x = pointXY[2 * i], y = pointXY[2 * i + 1]
                guard x >= box.minX - outer, x <= box.maxX + outer, y >= box.minY - outer, y <= box.maxY + outer else { continue }
                let point = try GeometryHandle(.point(Position(x: x, y: y)))
                if try prepared.isWithinDistance(inner, of: point) {
                    sum += pointOutputs[i]
                } else if try prepared.isWithinDistance(outer, of: point) {
                    // The thin ring where the frame's scale error could decide wrongly.
                    let pointBox = BoundingBox(minX: x, minY: y, maxX: x, maxY: y)
                    let planar = try handle.planarDistance(to: point)
                    if try threshold.decide(handle, point, planar: planar, boxes: box, pointBox).within { sum += pointOutputs[i] }
                }
            }
            return sum
        }
    }
}
