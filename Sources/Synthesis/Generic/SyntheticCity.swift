import GeoCore

/// A generic synthetic city: districts, parks, parcels on street grids and
/// enterprises clustered by industry, anywhere on Earth, deterministic by seed.
///
/// Districts and parks are small and returned as arrays; parcels and
/// enterprises are streamed through `forEachParcel` / `forEachEnterprise`
/// (each item is regenerated from its own seeded sub-stream, so memory stays
/// O(parks + parcels) small integers, never O(features)). Everything is valid
/// per docs/dataset.md: unique ids, every reference resolves, parks inside their
/// districts, sub-parks inside their parents, parcels inside parks and never
/// overlapping.
public struct SyntheticCity: Sendable {
    /// What an enterprise was generated as.
    public enum EnterpriseRole: Sendable, Hashable {
        /// Sits in `parcel` (index in parcel order), which names it in `enterprise`.
        case onParcel(Int)
        /// In a park, industry matching the park's positioning.
        case fitting
        /// In a park, industry matching none of its positioning (misfit-enterprise).
        case misfit
        /// Outside every park.
        case outside
    }

    /// The (validated) parameters the city was made with.
    public let parameters: SyntheticCityParameters
    /// The metric frame centred on the city centre.
    public let frame: LocalFrame
    let layout: SyntheticCityLayout
    let grids: [ParkStreetGrid]
    /// First parcel index of each top-level park (count + 1 entries).
    let parcelStart: [Int]
    /// Enterprise index named by each parcel, or −1.
    let parcelEnterprise: [Int32]
    /// Parcel index of each enterprise placed on a parcel (enterprise i for i < count).
    let enterpriseParcel: [Int32]
    let cumulativeParkArea: [Double]
    let fitClasses: [[Int]]
    let misfitClasses: [[Int]]
    let outsideClasses: [Int]
    /// Probability that an enterprise not on a parcel is outside every park.
    let outsideProbability: Double
    let parcelIDWidth: Int
    let enterpriseIDWidth: Int

    static let parcelStream: UInt64 = 2
    static let linkStream: UInt64 = 3
    static let enterpriseStream: UInt64 = 4
    static let clusterStream: UInt64 = 5

    /// Lays out the city. Throws `SynthesisError.invalidParameter` for bad parameters.
    public init(parameters: SyntheticCityParameters) throws {
        try parameters.validate()
        self.parameters = parameters
        let frame = LocalFrame(longitude: parameters.centreLongitude, latitude: parameters.centreLatitude)
        let layout = SyntheticCityLayout(parkCount: parameters.parks, seed: parameters.seed)
        self.frame = frame
        self.layout = layout
        let west = frame.lonLat(PlanarPoint(layout.region.minX, 0)).x, east = frame.lonLat(PlanarPoint(layout.region.maxX, 0)).x
        let south = frame.lonLat(PlanarPoint(0, layout.region.minY)).y, north = frame.lonLat(PlanarPoint(0, layout.region.maxY)).y
        guard west >= -180, east <= 180, south >= -85, north <= 85 else {
            throw SynthesisError.invalidParameter(
                name: "centre", value: "\(parameters.centreLongitude),\(parameters.centreLatitude)",
                reason: "a city of \(parameters.parks) parks would cross the antimeridian or a pole")
        }

        // Parcels per park in proportion to area (largest remainder).
        let tops = layout.topLevel.map { layout.parks[$0.park] }
        let areas = tops.map(\.rect.area)
        let totalArea = areas.reduce(0, +)
        let parcelTotal = Double(parameters.parcels)
        var counts = areas.map { Int(parcelTotal * $0 / totalArea) }
        var remaining = parameters.parcels - counts.reduce(0, +)
        let floors = counts
        let order = areas.indices.sorted {
            let fa = parcelTotal * areas[$0] / totalArea - Double(floors[$0])
            let fb = parcelTotal * areas[$1] / totalArea - Double(floors[$1])
            return fa != fb ? fa > fb : $0 < $1
        }
        var k = 0
        while remaining > 0 {
            counts[order[k % order.count]] += 1
            remaining -= 1
            k += 1
        }
        grids = zip(tops, counts).map { ParkStreetGrid(width: $0.rect.width, height: $0.rect.height, parcelCount: $1) }
        var starts = [0]
        for c in counts { starts.append(starts.last! + c) }
        parcelStart = starts
        var cumulative: [Double] = []
        var running = 0.0
        for a in areas {
            running += a
            cumulative.append(running)
        }
        cumulativeParkArea = cumulative

        // Enterprises on built industrial parcels come first; at most 60 % of
        // the in-park enterprises, so that clusters have free-standing members too.
        let inParkTarget = Double(parameters.enterprises) * (1 - parameters.outsideShare)
        let maxLinks = Int(inParkTarget * 0.6)
        var parcelEnterprise = [Int32](repeating: -1, count: parameters.parcels)
        var enterpriseParcel: [Int32] = []
        for t in 0..<tops.count {
            for j in starts[t]..<starts[t + 1] where enterpriseParcel.count < maxLinks {
                var r = SeededRandom(seed: parameters.seed, stream: Self.parcelStream, index: UInt64(j))
                let status = LandMix.drawStatus(using: &r)
                let landUse = LandMix.drawLandUse(status: status, using: &r)
                guard status == .built, landUse.hasPrefix("10") || landUse.hasPrefix("11") else { continue }
                var link = SeededRandom(seed: parameters.seed, stream: Self.linkStream, index: UInt64(j))
                if link.chance(0.85) {
                    parcelEnterprise[j] = Int32(enterpriseParcel.count)
                    enterpriseParcel.append(Int32(j))
                }
            }
        }
        self.parcelEnterprise = parcelEnterprise
        self.enterpriseParcel = enterpriseParcel
        let free = parameters.enterprises - enterpriseParcel.count
        outsideProbability = free > 0 ? min(1, Double(parameters.enterprises) * parameters.outsideShare / Double(free)) : 0

        fitClasses = layout.parks.map { park in
            var set: [Int] = []
            for code in park.positioning { set += IndustryCatalogue.classIndices(under: code) }
            if !park.chemicalPark { set.removeAll { IndustryCatalogue.isHazardous(IndustryCatalogue.classes[$0].code) } }
            return set.isEmpty ? IndustryCatalogue.misfitIndices(excluding: []) : set
        }
        misfitClasses = layout.parks.map { IndustryCatalogue.misfitIndices(excluding: $0.positioning) }
        outsideClasses = IndustryCatalogue.misfitIndices(excluding: [])
        parcelIDWidth = IdentifierFormat.width(for: parameters.parcels, minimum: 6)
        enterpriseIDWidth = IdentifierFormat.width(for: parameters.enterprises, minimum: 6)
    }

    // MARK: Districts and parks

    /// Administrative districts, then the functional zones.
    public var districtFeatures: [Feature] {
        layout.districts.map {
            FeatureBuilder.district(
                code: $0.code, name: $0.name, functional: $0.functional,
                geometry: .polygon(FeatureBuilder.polygon(frameRing: $0.rect.corners, frame: frame)))
        }
    }

    /// Parks, each top-level park followed by its sub-park.
    public var parkFeatures: [Feature] { layout.parks.map { FeatureBuilder.park($0, frame: frame) } }

    /// The park specifications (frame metres), in the order of `parkFeatures`.
    public var parks: [ParkSpec] { layout.parks }

    /// Parcel id of parcel `index`.
    public func parcelID(_ index: Int) -> String { IdentifierFormat.padded("L", index + 1, width: parcelIDWidth) }

    /// Enterprise id of enterprise `index`.
    public func enterpriseID(_ index: Int) -> String { IdentifierFormat.padded("E", index + 1, width: enterpriseIDWidth) }

    // MARK: Parcels

    func topLevelPark(ofParcel j: Int) -> Int {
        var lo = 0, hi = parcelStart.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if parcelStart[mid] <= j { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Calls `body` with every parcel, in id order.
    public func forEachParcel(_ body: (Feature) throws -> Void) rethrows {
        for t in 0..<grids.count {
            let park = layout.parks[layout.topLevel[t].park]
            let profile: IntensityProfile = layout.lowIntensityPark == t ? .low : .typical
            for j in parcelStart[t]..<parcelStart[t + 1] {
                let c = grids[t].cell(j - parcelStart[t])
                var r = SeededRandom(seed: parameters.seed, stream: Self.parcelStream, index: UInt64(j))
                let status = LandMix.drawStatus(using: &r)
                let landUse = LandMix.drawLandUse(status: status, using: &r)
                let area = (c.u1 - c.u0) * (c.v1 - c.v0)
                let attributes = LandMix.attributes(status: status, landUse: landUse, area: area, profile: profile, using: &r)
                let link = parcelEnterprise[j]
                let ring = park.rect.subCorners(u0: c.u0, v0: c.v0, u1: c.u1, v1: c.v1)
                try body(FeatureBuilder.parcel(
                    id: parcelID(j), attributes: attributes, enterprise: link >= 0 ? enterpriseID(Int(link)) : nil,
                    geometry: .polygon(FeatureBuilder.polygon(frameRing: ring, frame: frame))))
            }
        }
    }

    // MARK: Enterprises

    /// What enterprise `index` is generated as (for tests and planted situations).
    public func enterpriseRole(at index: Int) -> EnterpriseRole {
        var r = SeededRandom(seed: parameters.seed, stream: Self.enterpriseStream, index: UInt64(index))
        return role(index, &r)
    }

    @inline(__always)
    func role(_ i: Int, _ r: inout SeededRandom) -> EnterpriseRole {
        if i < enterpriseParcel.count { return .onParcel(Int(enterpriseParcel[i])) }
        if r.uniform() < outsideProbability { return .outside }
        return r.chance(0.08) ? .misfit : .fitting
    }

    /// Calls `body` with every enterprise, in id order.
    public func forEachEnterprise(_ body: (Feature) throws -> Void) rethrows {
        for i in 0..<parameters.enterprises {
            try body(enterprise(i))
        }
    }

    /// Everything drawn for one enterprise, before it becomes a feature.
    struct EnterpriseDraw {
        var role: EnterpriseRole
        /// Index in `IndustryCatalogue.classes`.
        var classIndex: Int
        /// Frame metres.
        var point: PlanarPoint
        /// Top-level park (order of `layout.topLevel`) the enterprise belongs to or lies near.
        var topLevel: Int
        /// The smallest park (index in `parks`) containing the enterprise, nil outside every park.
        var park: Int?
        var economics: EnterpriseEconomics
        var name: String
    }

    /// Enterprise `index` as a feature.
    public func enterprise(_ i: Int) -> Feature {
        let d = draw(i)
        let lonLat = frame.lonLat(d.point)
        return FeatureBuilder.enterprise(
            id: enterpriseID(i), name: d.name, industry: IndustryCatalogue.classes[d.classIndex].code,
            economics: d.economics, lon: lonLat.x, lat: lonLat.y)
    }

    func draw(_ i: Int) -> EnterpriseDraw {
        var r = SeededRandom(seed: parameters.seed, stream: Self.enterpriseStream, index: UInt64(i))
        let classIndex: Int
        let point: PlanarPoint
        let t: Int
        let park: Int?
        let role = role(i, &r)
        switch role {
        case .onParcel(let j):
            t = topLevelPark(ofParcel: j)
            let c = grids[t].cell(j - parcelStart[t])
            let entry = layout.topLevel[t]
            // A parcel in the lower-left quadrant lies in the sub-park (streets run along u = 0 and v = 0).
            let inSub = entry.subPark != nil && c.u1 <= 0 && c.v1 <= 0
            let parkIndex = inSub ? entry.subPark! : entry.park
            let pool = fitClasses[parkIndex]
            classIndex = pool[r.index(below: pool.count)]
            point = layout.parks[entry.park].rect.point(u: (c.u0 + c.u1) / 2, v: (c.v0 + c.v1) / 2)
            park = parkIndex
        case .fitting, .misfit:
            let misfit = role == .misfit
            t = pickPark(&r)
            let entry = layout.topLevel[t]
            let parkIndex = (entry.subPark != nil && r.chance(0.25)) ? entry.subPark! : entry.park
            let pool = misfit ? misfitClasses[parkIndex] : fitClasses[parkIndex]
            classIndex = pool[r.index(below: pool.count)]
            point = clusteredPoint(park: parkIndex, classIndex: classIndex, avoidingSubPark: entry.subPark != nil && parkIndex == entry.park, using: &r)
            park = parkIndex
        case .outside:
            t = r.index(below: layout.topLevel.count)
            let pool = r.chance(0.6) ? fitClasses[layout.topLevel[t].park].filter { !IndustryCatalogue.isHazardous(IndustryCatalogue.classes[$0].code) } : outsideClasses
            classIndex = pool.isEmpty ? outsideClasses[r.index(below: outsideClasses.count)] : pool[r.index(below: pool.count)]
            point = outsidePoint(near: t, using: &r)
            park = nil
        }
        let economics = EnterpriseEconomics.draw(using: &r)
        let name = EnterpriseNames.make(place: layout.placeNames[t], tradeWord: IndustryCatalogue.classes[classIndex].tradeWord, using: &r)
        return EnterpriseDraw(role: role, classIndex: classIndex, point: point, topLevel: t, park: park, economics: economics, name: name)
    }

    private func pickPark(_ r: inout SeededRandom) -> Int {
        let target = r.uniform() * (cumulativeParkArea.last ?? 0)
        var lo = 0, hi = cumulativeParkArea.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeParkArea[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// A point near the cluster centre of (park, class): each industry clusters
    /// around its own seeded spot in each park, σ = 12 % of the park's short side.
    /// A parent park's own firms stay out of its sub-park (the lower-left
    /// quadrant, u ≤ 0 and v ≤ 0), at least 5 m off its edge: a firm the
    /// generator gives the parent must not be judged by the sub-park's positioning.
    private func clusteredPoint(park: Int, classIndex: Int, avoidingSubPark: Bool, using r: inout SeededRandom) -> PlanarPoint {
        let rect = layout.parks[park].rect
        var c = SeededRandom(seed: parameters.seed, stream: Self.clusterStream, index: UInt64(park * 1024 + classIndex))
        let cu = c.uniform(-0.35, 0.35) * rect.width, cv = c.uniform(-0.35, 0.35) * rect.height
        let sigma = 0.12 * min(rect.width, rect.height)
        let limitU = rect.width / 2 - 5, limitV = rect.height / 2 - 5
        var u = min(limitU, max(-limitU, cu + sigma * r.normal()))
        var v = min(limitV, max(-limitV, cv + sigma * r.normal()))
        if avoidingSubPark, u < 5, v < 5 {
            // Mirror across the nearer centre line: the smallest move out of the quadrant.
            if -u < -v { u = min(limitU, max(5, -u)) } else { v = min(limitV, max(5, -v)) }
        }
        return rect.point(u: u, v: v)
    }

    /// A point outside every park near park `t`, at least 10 m inside the city's districts.
    ///
    /// A draw that falls outside the city or inside a park is rejected and drawn
    /// again (never clamped: clamping piled the misses up on the city's edges,
    /// where they formed false clusters).
    private func outsidePoint(near t: Int, using r: inout SeededRandom) -> PlanarPoint {
        let centre = layout.parks[layout.topLevel[t].park].rect.centre
        let sigma = 0.45 * SyntheticCityLayout.slotSize
        let region = layout.region
        for _ in 0..<16 {
            let p = PlanarPoint(centre.x + sigma * r.normal(), centre.y + sigma * r.normal())
            guard p.x > region.minX + 10, p.x < region.maxX - 10, p.y > region.minY + 10, p.y < region.maxY - 10 else { continue }
            if !insideAnyTopLevelPark(p) { return p }
        }
        // Slot corners are always outside parks (parks keep 500 m from slot edges).
        let s = SyntheticCityLayout.slotSize
        let sx = t % layout.columns, sy = t / layout.columns
        let x0 = -Double(layout.columns) * s / 2 + Double(sx) * s, y0 = -Double(layout.rows) * s / 2 + Double(sy) * s
        return PlanarPoint(x0 + r.uniform(20, 300), y0 + r.uniform(20, 300))
    }

    private func insideAnyTopLevelPark(_ p: PlanarPoint) -> Bool {
        let s = SyntheticCityLayout.slotSize
        let sx = Int(((p.x + Double(layout.columns) * s / 2) / s).rounded(.down))
        let sy = Int(((p.y + Double(layout.rows) * s / 2) / s).rounded(.down))
        guard sx >= 0, sy >= 0, sx < layout.columns, sy < layout.rows else { return false }
        let i = sy * layout.columns + sx
        guard i < layout.topLevel.count else { return false }
        return layout.parks[layout.topLevel[i].park].rect.contains(p)
    }

    // MARK: Planted situations

    /// The rule situations this city contains on purpose (docs/analyses.md §4),
    /// each with its complete subject list. `expectedFindings()` adds what
    /// follows from them and the emergent findings.
    public var plantedSituations: [PlantedSituation] {
        var result: [PlantedSituation] = []
        var idle: [String] = []
        for t in 0..<grids.count {
            for j in parcelStart[t]..<parcelStart[t + 1] {
                var r = SeededRandom(seed: parameters.seed, stream: Self.parcelStream, index: UInt64(j))
                if LandMix.drawStatus(using: &r) == .idle { idle.append(parcelID(j)) }
            }
        }
        if !idle.isEmpty { result.append(PlantedSituation(rule: "idle-land", subjects: idle, note: "parcels drawn idle (≈ 1.5 %)")) }
        var misfits: [String] = [], outside: [String] = []
        for i in 0..<parameters.enterprises {
            switch enterpriseRole(at: i) {
            case .misfit: misfits.append(enterpriseID(i))
            case .outside: outside.append(enterpriseID(i))
            default: break
            }
        }
        if !misfits.isEmpty { result.append(PlantedSituation(rule: "misfit-enterprise", subjects: misfits, note: "≈ 8 % of free-standing in-park enterprises")) }
        if !outside.isEmpty { result.append(PlantedSituation(rule: "outside-parks", subjects: outside, note: "enterprises outside every park (share \(parameters.outsideShare))")) }
        if let low = layout.lowIntensityPark {
            result.append(PlantedSituation(rule: "low-intensity", subjects: [layout.parks[layout.topLevel[low].park].id], note: "industrial building coefficient ≈ 0.2, FAR ≈ 0.45"))
        }
        return result
    }
}
