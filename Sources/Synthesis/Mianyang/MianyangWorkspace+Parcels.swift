/// Parcels on each park's street grid, plus the two planted parcel errors and
/// the planted land reserve.
extension MianyangWorkspace {
    static let parcelStream: UInt64 = 20

    /// The planted land reserve (储备用地) for siting: one ready (已达到供地条件)
    /// industrial lot of at least `hectares` in `park`, made of whole street
    /// blocks with the streets between them, so that a large project has one
    /// contiguous block to go to (grid parcels are separated by ~24 m streets,
    /// more than siting's 10 m merge gap, so the grid alone never holds one).
    static let landReserve = (park: "P04", hectares: 24.0)

    mutating func makeParcels() throws {
        var counter: UInt64 = 0
        for (index, park) in parks.enumerated() where park.parent == nil {
            guard let grid = grids[index] else { continue }
            let others = parks.indices.filter { !isFamily($0, index) }
            let subParks = parks.indices.filter { parks[$0].parent == park.id }
            let profile: IntensityProfile = park.id == "P12" ? .low : .typical
            let reserve = park.id == Self.landReserve.park ? reserveRegion(park: index, grid: grid) : nil
            if park.id == Self.landReserve.park, reserve == nil {
                throw SynthesisError.plantingFailed(rule: "land-reserve", place: park.id)
            }
            var number = 0
            for k in 0..<grid.cellCount {
                let c = grid.cell(k)
                if let z = reserve, c.u0 >= z.u0 - 1e-6, c.u1 <= z.u1 + 1e-6, c.v0 >= z.v0 - 1e-6, c.v1 <= z.v1 + 1e-6 { continue }
                let ring = park.rect.subCorners(u0: c.u0, v0: c.v0, u1: c.u1, v1: c.v1)
                // Cells reaching into another park (the planted P04/P01 overlap) stay empty.
                if others.contains(where: { ConvexClip.intersectionArea(ring, parks[$0].rect.corners) > 0 }) { continue }
                var r = SeededRandom(seed: seed, stream: Self.parcelStream, index: counter)
                counter += 1
                let status = LandMix.drawStatus(using: &r)
                let landUse = LandMix.drawLandUse(status: status, using: &r)
                let attributes = LandMix.attributes(
                    status: status, landUse: landUse, area: (c.u1 - c.u0) * (c.v1 - c.v0), profile: profile, using: &r)
                let owner = subParks.first { s in
                    guard let l = subParkLocal[s] else { return false }
                    return c.u0 >= l.u0 && c.u1 <= l.u1 && c.v0 >= l.v0 && c.v1 <= l.v1
                } ?? index
                number += 1
                parcels.append(Parcel(
                    id: IdentifierFormat.padded(park.id + "-", number, width: 4), gridPark: index, owner: owner,
                    ring: ring, attributes: attributes, enterprise: nil))
            }
            if let z = reserve {
                number += 1
                var r = SeededRandom(seed: seed, stream: Self.parcelStream + 2)
                let area = (z.u1 - z.u0) * (z.v1 - z.v0)
                parcels.append(Parcel(
                    id: IdentifierFormat.padded(park.id + "-", number, width: 4), gridPark: index, owner: index,
                    ring: park.rect.subCorners(u0: z.u0, v0: z.v0, u1: z.u1, v1: z.v1),
                    attributes: LandMix.attributes(status: .ready, landUse: "100102", area: area, profile: profile, using: &r),
                    enterprise: nil))
            }
        }
        try plantParcelOverlap(in: "P07")
        try plantStrayParcel(beside: "P08")
        let idle = parcels.filter { $0.attributes.status == .idle }.map(\.id)
        planted.append(PlantedSituation(rule: "idle-land", subjects: idle, note: "\(idle.count) idle parcels (≈ 1.5 % of all), spread over the parks"))
    }

    /// Park-local rectangle of the land reserve: the smallest a × b whole blocks
    /// holding `landReserve.hectares`, in the corner of the grid farthest from
    /// every other park and clear of them and of sub-parks; nil if none fits.
    func reserveRegion(park index: Int, grid: ParkStreetGrid) -> (u0: Double, v0: Double, u1: Double, v1: Double)? {
        let rect = parks[index].rect
        let half = grid.streetWidth / 2
        let needed = Self.landReserve.hectares * 10_000
        var best: (a: Int, b: Int, area: Double)?
        for a in 1...max(1, grid.blocksU / 2) {
            for b in 1...max(1, grid.blocksV / 2) {
                let area = (Double(a) * grid.pitchU - grid.streetWidth) * (Double(b) * grid.pitchV - grid.streetWidth)
                if area >= needed, best == nil || area < best!.area { best = (a, b, area) }
            }
        }
        guard let (a, b, _) = best else { return nil }
        let w = grid.width / 2, h = grid.height / 2
        let su = Double(a) * grid.pitchU, sv = Double(b) * grid.pitchV
        let corners = [(-w, -h), (w - su, -h), (-w, h - sv), (w - su, h - sv)].map {
            (u0: $0.0 + half, v0: $0.1 + half, u1: $0.0 + su - half, v1: $0.1 + sv - half)
        }
        let others = parks.indices.filter { $0 != index }
        func clearance(_ z: (u0: Double, v0: Double, u1: Double, v1: Double)) -> Double? {
            let ring = rect.subCorners(u0: z.u0, v0: z.v0, u1: z.u1, v1: z.v1)
            guard others.allSatisfy({ ConvexClip.intersectionArea(ring, parks[$0].rect.corners) == 0 }) else { return nil }
            let centre = rect.point(u: (z.u0 + z.u1) / 2, v: (z.v0 + z.v1) / 2)
            return others.map { i -> Double in
                let dx = parks[i].rect.centre.x - centre.x, dy = parks[i].rect.centre.y - centre.y
                return (dx * dx + dy * dy).squareRoot()
            }.min() ?? .infinity
        }
        return corners.compactMap { z in clearance(z).map { (z, $0) } }.max { $0.1 < $1.1 }?.0
    }

    /// Two built neighbours in one block of `parkID`: the first is widened 8 m
    /// into the second, as a digitising error (parcel-overlap, threshold 1 m²).
    mutating func plantParcelOverlap(in parkID: String) throws {
        guard let p = parkIndex(parkID), grids[p] != nil else { return }
        let rect = parks[p].rect
        for i in parcels.indices.dropLast() where parcels[i].gridPark == p {
            let a = rect.local(parcels[i].ring[0]), b = rect.local(parcels[i].ring[2])
            let next = rect.local(parcels[i + 1].ring[0])
            // Neighbours along u inside one block share the line u = b.x.
            guard parcels[i + 1].gridPark == p, abs(next.x - b.x) < 1e-6, abs(next.y - a.y) < 1e-6,
                parcels[i].attributes.status == .built, parcels[i + 1].attributes.status == .built
            else { continue }
            parcels[i].ring = rect.subCorners(u0: a.x, v0: a.y, u1: b.x + 8, v1: b.y)
            let overlap = 8 * (b.y - a.y)
            planted.append(PlantedSituation(
                rule: "parcel-overlap", subjects: [parcels[i].id, parcels[i + 1].id],
                note: "\(parcels[i].id) was digitised 8 m into its neighbour \(parcels[i + 1].id): ≈ \(Int(overlap)) m² overlap"))
            return
        }
        throw SynthesisError.plantingFailed(rule: "parcel-overlap", place: parkID)
    }

    /// A 4 ha built parcel just outside `parkID` (parcel-outside-park: more than
    /// half outside every park), still inside the park's county.
    mutating func plantStrayParcel(beside parkID: String) throws {
        guard let p = parkIndex(parkID), let county = county(parks[p].district) else { return }
        let rect = parks[p].rect
        let w = rect.width / 2, h = rect.height / 2
        let candidates: [(Double, Double, Double, Double)] = [
            (w + 15, -100, w + 215, 100), (-w - 215, -100, -w - 15, 100), (-100, h + 15, 100, h + 215), (-100, -h - 215, 100, -h - 15),
        ]
        for (u0, v0, u1, v1) in candidates {
            let ring = rect.subCorners(u0: u0, v0: v0, u1: u1, v1: v1)
            let clear = parks.allSatisfy { ConvexClip.intersectionArea(ring, $0.rect.corners) == 0 }
            guard clear, county.region.contains(ring: ring) else { continue }
            var r = SeededRandom(seed: seed, stream: Self.parcelStream + 1)
            let attributes = LandMix.attributes(status: .built, landUse: "100102", area: 40_000, profile: .typical, using: &r)
            let id = parkID + "-X001"
            parcels.append(Parcel(id: id, gridPark: nil, owner: nil, ring: ring, attributes: attributes, enterprise: nil))
            planted.append(PlantedSituation(
                rule: "parcel-outside-park", subjects: [id],
                note: "\(id): a built 4 ha plot registered beside \(parkID), entirely outside its boundary"))
            return
        }
        throw SynthesisError.plantingFailed(rule: "parcel-outside-park", place: parkID)
    }
}
