/// Park placement: every park inside its district and clear of the others,
/// except the two situations planted on purpose (P04 encroaching on P01,
/// P03 straddling the edge of 科技城新区).
extension MianyangWorkspace {
    /// Target parcel size on the street grids, m² (≈ 4 ha: typical industrial plots).
    static let parcelArea = 40_000.0
    /// Sub-park target areas, m².
    static let subParkArea: [String: Double] = ["P01A": 3_000_000, "P02A": 4_000_000]

    mutating func placeParks() throws {
        for entry in MianyangPositioning.parks {
            entries.append(entry)
            if let parentID = entry.parent {
                try placeSubPark(entry, parentID: parentID)
                continue
            }
            let rect: OrientedRect
            switch entry.id {
            case "P03": rect = try plantStraddlingZone(entry)
            case "P04": rect = try plantEncroachment(entry, on: "P01")
            default: rect = try fit(entry)
            }
            parks.append(spec(entry, rect: rect))
            let index = parks.count - 1
            grids[index] = ParkStreetGrid(width: rect.width, height: rect.height, parcelCount: Int(rect.area / Self.parcelArea))
        }
    }

    func spec(_ e: MianyangParkEntry, rect: OrientedRect) -> ParkSpec {
        ParkSpec(
            id: e.id, name: e.name, level: e.level, district: e.district, parent: e.parent, mainIndustries: e.main,
            featuredIndustries: e.featured, featuredStatus: e.featuredStatus, chemicalPark: e.chemical, rect: rect)
    }

    func desiredRect(_ e: MianyangParkEntry, scale: Double = 1, offset: PlanarPoint = PlanarPoint(0, 0)) -> OrientedRect {
        let c = frame.metres(e.centre)
        return OrientedRect(
            centre: PlanarPoint(c.x + offset.x, c.y + offset.y), width: e.width * scale, height: e.height * scale,
            angle: e.angleDegrees * Double.pi / 180)
    }

    func declaredRegion(_ e: MianyangParkEntry) throws -> PlanarRegion {
        if let zone = zones[e.district] { return zone }
        if let county = county(e.district) { return county.region }
        throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district)
    }

    /// Whether `rect` keeps 200 m clear of every placed park.
    func isClear(_ rect: OrientedRect, except: Set<String> = []) -> Bool {
        let grown = OrientedRect(centre: rect.centre, width: rect.width + 400, height: rect.height + 400, angle: rect.angle)
        for park in parks where park.parent == nil && !except.contains(park.id) {
            if ConvexClip.intersectionArea(grown.corners, park.rect.corners) > 0 { return false }
        }
        return true
    }

    /// The desired rectangle moved along a spiral (250 m steps, 16 directions,
    /// up to 6 km) and shrunk if needed until it lies inside its district and
    /// clear of the other parks.
    func fit(_ e: MianyangParkEntry) throws -> OrientedRect {
        let region = try declaredRegion(e)
        for scale in [1.0, 0.85, 0.7, 0.55, 0.4] {
            var radius = 0.0
            while radius <= 6000 {
                let directions = radius == 0 ? 1 : 16
                for d in 0..<directions {
                    let a = Double(d) * Double.pi / 8
                    let offset = PlanarPoint(radius * PortableMath.cos(a), radius * PortableMath.sin(a))
                    let rect = desiredRect(e, scale: scale, offset: offset)
                    if region.contains(ring: rect.corners), isClear(rect) { return rect }
                }
                radius += 250
            }
        }
        throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district)
    }

    /// P03: moved south from its desired centre until 10–30 % of it lies
    /// outside 科技城新区 (park-outside-district, threshold 5 %).
    mutating func plantStraddlingZone(_ e: MianyangParkEntry) throws -> OrientedRect {
        let zone = try declaredRegion(e)
        for step in 0..<150 {
            let rect = desiredRect(e, offset: PlanarPoint(0, -100 * Double(step)))
            let outside = zone.fractionOutside(rect)
            if outside >= 0.10, outside <= 0.30, isClear(rect) {
                planted.append(PlantedSituation(
                    rule: "park-outside-district", subjects: [e.id, e.district],
                    note: "\(e.id) \(e.name): ≈ \(Int((outside * 100).rounded())) % of its area lies south of the 科技城新区 outline it declares"))
                return rect
            }
        }
        throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district)
    }

    /// P04: moved from its desired centre towards P01 until it overlaps P01 by
    /// 4–15 % of its own area (park-overlap, threshold 1 % of the smaller),
    /// staying inside its county and clear of the other parks.
    mutating func plantEncroachment(_ e: MianyangParkEntry, on otherID: String) throws -> OrientedRect {
        guard let other = parkIndex(otherID) else { throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district) }
        let region = try declaredRegion(e)
        let start = frame.metres(e.centre), target = parks[other].rect.centre
        let dx = target.x - start.x, dy = target.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        // Start 3 km further away so the search begins clear of P01.
        for step in -60..<200 {
            let t = 50 * Double(step) / length
            let rect = desiredRect(e, offset: PlanarPoint(dx * t, dy * t))
            let share = ConvexClip.intersectionArea(rect.corners, parks[other].rect.corners) / rect.area
            if share >= 0.04, share <= 0.15, region.contains(ring: rect.corners), isClear(rect, except: [otherID]) {
                planted.append(PlantedSituation(
                    rule: "park-overlap", subjects: [otherID, e.id],
                    note: "\(e.id) \(e.name) encroaches on \(otherID) by ≈ \(Int((share * 100).rounded())) % of its own area"))
                return rect
            }
        }
        throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district)
    }

    /// A sub-park covering whole street blocks in the north-west corner of its
    /// parent (edges on street centre lines; 1 m inside the parent's outline).
    mutating func placeSubPark(_ e: MianyangParkEntry, parentID: String) throws {
        guard let parent = parkIndex(parentID), let grid = grids[parent] else {
            throw SynthesisError.parkDoesNotFit(id: e.id, district: e.district)
        }
        let target = Self.subParkArea[e.id] ?? 2_000_000
        let side = target.squareRoot()
        let ku = max(1, min(grid.blocksU - 1, Int((side / grid.pitchU).rounded())))
        let kv = max(1, min(grid.blocksV - 1, Int((target / (Double(ku) * grid.pitchU) / grid.pitchV).rounded())))
        let w = grid.width, h = grid.height
        let local = (u0: -w / 2 + 1, v0: h / 2 - Double(kv) * grid.pitchV, u1: -w / 2 + Double(ku) * grid.pitchU, v1: h / 2 - 1)
        let rect = parks[parent].rect.subRect(u0: local.u0, v0: local.v0, u1: local.u1, v1: local.v1)
        parks.append(spec(e, rect: rect))
        subParkLocal[parks.count - 1] = local
    }
}
