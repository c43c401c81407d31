/// Enterprises: on parcels, clustered by industry inside parks, and outside
/// parks around the county seats; then the output mix is tuned so that the
/// planted share situations hold and the rest of the city stays healthy.
extension MianyangWorkspace {
    static let enterpriseStream: UInt64 = 30
    /// Enterprises per km² of park besides those on parcels (standard factory buildings, 标准厂房).
    static let freeStandingPerSquareKilometre = 10.0
    /// Share of a park's enterprises that fit none of its positioning.
    static func misfitProbability(_ parkID: String) -> Double { parkID == "P09" ? 0.4 : 0.05 }

    func fitClasses(_ park: Int) -> [Int] {
        var set: [Int] = []
        for code in parks[park].positioning { set += IndustryCatalogue.classIndices(under: code) }
        if !parks[park].chemicalPark { set.removeAll { IndustryCatalogue.isHazardous(IndustryCatalogue.classes[$0].code) } }
        return set
    }

    /// Cluster centre of an industry class in a park, park-local metres.
    func clusterCentre(park: Int, classIndex: Int) -> PlanarPoint {
        var c = SeededRandom(seed: seed, stream: Self.enterpriseStream + 1, index: UInt64(park * 1024 + classIndex))
        let rect = parks[park].rect
        return PlanarPoint(c.uniform(-0.35, 0.35) * rect.width, c.uniform(-0.35, 0.35) * rect.height)
    }

    /// Industry of an enterprise at local point `p` of `park`: classes whose
    /// cluster centre is near are likelier (Gaussian weight, σ = 25 % of the
    /// short side), so industries cluster even among parcel-bound firms.
    func drawClass(park: Int, near p: PlanarPoint?, misfit: Bool, using r: inout SeededRandom) -> Int {
        var pool = misfit ? IndustryCatalogue.misfitIndices(excluding: parks[park].positioning) : fitClasses(park)
        if pool.isEmpty { pool = IndustryCatalogue.misfitIndices(excluding: []) }
        guard let p, !misfit else { return pool[r.index(below: pool.count)] }
        let rect = parks[park].rect
        let sigma = 0.25 * min(rect.width, rect.height)
        let weights = pool.map { c -> Double in
            let centre = clusterCentre(park: park, classIndex: c)
            let dx = centre.x - p.x, dy = centre.y - p.y
            return PortableMath.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) + 1e-6
        }
        return pool[r.weightedIndex(weights)]
    }

    func place(forPark park: Int) -> String {
        entries.first { $0.id == parks[park].id }?.place ?? "绵阳"
    }

    mutating func makeEnterprises() {
        var r = SeededRandom(seed: seed, stream: Self.enterpriseStream)
        // 1. On built industrial parcels (60 %), at the parcel's centre.
        for i in parcels.indices {
            guard let owner = parcels[i].owner, parcels[i].attributes.status == .built,
                parcels[i].attributes.isIndustrialOrWarehouse, r.chance(0.6)
            else { continue }
            let ring = parcels[i].ring
            let centre = PlanarPoint((ring[0].x + ring[2].x) / 2, (ring[0].y + ring[2].y) / 2)
            // Skip plots whose centre another park claims (the P04/P01 overlap).
            guard smallestPark(containing: centre) == owner else { continue }
            let misfit = r.chance(Self.misfitProbability(parks[owner].id))
            let cls = drawClass(park: owner, near: parks[owner].rect.local(centre), misfit: misfit, using: &r)
            parcels[i].enterprise = enterprises.count
            enterprises.append(Enterprise(
                owner: owner, county: countyCode(containing: centre) ?? parks[owner].district, classIndex: cls,
                economics: EnterpriseEconomics.draw(using: &r), point: centre, place: place(forPark: owner), misfit: misfit))
        }
        // 2. Free-standing, clustered around each industry's spot in each park.
        for park in parks.indices {
            let ownArea = parks[park].rect.area - parks.filter { $0.parent == parks[park].id }.reduce(0) { $0 + $1.rect.area }
            let count = Int((ownArea / 1e6 * Self.freeStandingPerSquareKilometre).rounded())
            let rect = parks[park].rect
            let sigma = 0.15 * min(rect.width, rect.height)
            for _ in 0..<count {
                let misfit = r.chance(Self.misfitProbability(parks[park].id))
                let cls = drawClass(park: park, near: nil, misfit: misfit, using: &r)
                let centre = clusterCentre(park: park, classIndex: cls)
                var point: PlanarPoint?
                for attempt in 0..<40 {
                    let spread = attempt < 20 ? sigma : rect.width
                    let u = min(rect.width / 2 - 5, max(-rect.width / 2 + 5, centre.x + spread * r.normal()))
                    let v = min(rect.height / 2 - 5, max(-rect.height / 2 + 5, centre.y + spread * r.normal()))
                    let p = rect.point(u: u, v: v)
                    if smallestPark(containing: p) == park { point = p; break }
                }
                guard let point else { continue }
                enterprises.append(Enterprise(
                    owner: park, county: countyCode(containing: point) ?? parks[park].district, classIndex: cls,
                    economics: EnterpriseEconomics.draw(using: &r), point: point, place: place(forPark: park), misfit: misfit))
            }
        }
        makeOutsideEnterprises(using: &r)
    }

    /// Outside every park: 10 % of each county's in-park count, but as many as
    /// in its parks in 三台 (outside-parks), plus one chemical firm there.
    mutating func makeOutsideEnterprises(using r: inout SeededRandom) {
        var inPark: [String: Int] = [:]
        for e in enterprises { inPark[e.county, default: 0] += 1 }
        for county in counties {
            let n = inPark[county.adcode, default: 0]
            let count = county.adcode == "510722" ? n : max(3, Int((Double(n) * 0.1).rounded()))
            let localParks = parks.indices.filter { countyCode(containing: parks[$0].rect.centre) == county.adcode && parks[$0].parent == nil }
            var pool = localParks.flatMap { fitClasses($0) }.filter { !IndustryCatalogue.isHazardous(IndustryCatalogue.classes[$0].code) }
            if pool.isEmpty { pool = IndustryCatalogue.misfitIndices(excluding: []) }
            let anyClass = IndustryCatalogue.misfitIndices(excluding: [])
            for _ in 0..<count {
                let cls = r.chance(0.7) ? pool[r.index(below: pool.count)] : anyClass[r.index(below: anyClass.count)]
                addOutside(in: county, classIndex: cls, economics: EnterpriseEconomics.draw(using: &r), using: &r)
            }
            if county.adcode == "510722", let chemical = IndustryCatalogue.classes.firstIndex(where: { $0.code == "C2614" }) {
                var economics = EnterpriseEconomics.draw(medianOutput: 12_000, using: &r)
                economics.output = max(economics.output, 5000)
                economics.aboveScale = true
                if addOutside(in: county, classIndex: chemical, economics: economics, using: &r) {
                    let id = Self.enterpriseID(enterprises.count - 1)
                    planted.append(PlantedSituation(
                        rule: "chemical-outside-chemical-park", subjects: [id],
                        note: "\(id), an organic-chemicals maker (C2614) in 三台, outside every chemical park"))
                }
            }
        }
    }

    @discardableResult
    mutating func addOutside(in county: County, classIndex: Int, economics: EnterpriseEconomics, using r: inout SeededRandom) -> Bool {
        let seat = frame.metres(MianyangPositioning.countySeats[county.adcode] ?? PlanarPoint(104.73, 31.47))
        for attempt in 0..<200 {
            let sigma = attempt < 100 ? 4000.0 : 12_000.0
            let p = PlanarPoint(seat.x + sigma * r.normal(), seat.y + sigma * r.normal())
            guard county.region.contains(p), smallestPark(containing: p) == nil else { continue }
            enterprises.append(Enterprise(
                owner: nil, county: county.adcode, classIndex: classIndex, economics: economics, point: p,
                place: MianyangPositioning.countyPlaces[county.adcode] ?? "绵阳", misfit: false))
            return true
        }
        return false
    }

    static func enterpriseID(_ index: Int) -> String { IdentifierFormat.padded("E", index + 1, width: 5) }
}
