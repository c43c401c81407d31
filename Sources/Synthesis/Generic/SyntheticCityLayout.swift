import LayoutModel
/// The district and park layout of a generic synthetic city, in frame metres.
///
/// Parks sit in square slots of `slotSize` laid out in a grid around the
/// centre, each at least 500 m inside its slot; administrative districts are
/// blocks of 2 × 2 slots (the outer ones extended by `margin`), and one or two
/// functional zones coincide with the slots of the first national parks. So
/// every park lies inside its district by construction, anywhere on Earth.
struct SyntheticCityLayout: Sendable {
    struct DistrictSpec: Sendable {
        var code: String
        var name: String
        var functional: Bool
        var rect: OrientedRect
    }

    static let slotSize = 8_000.0
    static let margin = 3_000.0
    static let places = [
        "金山", "青龙", "白鹭", "红岩", "东湖", "西林", "南岗", "北塘", "云溪", "石桥", "凤凰", "龙泉", "玉屏", "松林", "柳江", "桃源",
    ]
    static let ordinals = ["", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    let columns: Int
    let rows: Int
    /// Slot index → top-level park index (they are equal: slot i holds park i).
    var districts: [DistrictSpec] = []
    /// Top-level parks followed, each, by their sub-park if any.
    var parks: [ParkSpec] = []
    /// For each top-level park (by order), its index in `parks` and the index of its sub-park.
    var topLevel: [(park: Int, subPark: Int?)] = []
    /// Place word per top-level park, used in park and enterprise names.
    var placeNames: [String] = []
    /// Bounding box of the whole region in frame metres.
    var region: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// Top-level park indices that are designated chemical parks.
    var chemicalParks: [Int] = []
    /// Top-level park index planted with low building intensity, if any.
    var lowIntensityPark: Int?

    init(parkCount n: Int, seed: UInt64) {
        columns = Int(Double(n).squareRoot().rounded(.up))
        rows = (n + columns - 1) / columns
        let s = Self.slotSize
        let x0 = -Double(columns) * s / 2, y0 = -Double(rows) * s / 2
        region = (x0 - Self.margin, y0 - Self.margin, -x0 + Self.margin, y0 + Double(rows) * s + Self.margin)
        var r = SeededRandom(seed: seed, stream: 1)

        // Administrative districts: 2 × 2 slots each.
        let dCols = (columns + 1) / 2, dRows = (rows + 1) / 2
        var districtOfSlot = [Int](repeating: 0, count: columns * rows)
        for b in 0..<dRows {
            for a in 0..<dCols {
                var minX = x0 + Double(2 * a) * s, maxX = x0 + Double(min(2 * a + 2, columns)) * s
                var minY = y0 + Double(2 * b) * s, maxY = y0 + Double(min(2 * b + 2, rows)) * s
                if a == 0 { minX -= Self.margin }
                if a == dCols - 1 { maxX += Self.margin }
                if b == 0 { minY -= Self.margin }
                if b == dRows - 1 { maxY += Self.margin }
                let k = districts.count
                districts.append(DistrictSpec(
                    code: IdentifierFormat.padded("D", k + 1, width: 2), name: "", functional: false,
                    rect: OrientedRect(centre: PlanarPoint((minX + maxX) / 2, (minY + maxY) / 2), width: maxX - minX, height: maxY - minY)))
                for sy in (2 * b)..<min(2 * b + 2, rows) {
                    for sx in (2 * a)..<min(2 * a + 2, columns) { districtOfSlot[sy * columns + sx] = k }
                }
            }
        }
        Self.nameByCompass(&districts)
        func slotRect(_ i: Int) -> OrientedRect {
            let sx = i % columns, sy = i / columns
            return OrientedRect(centre: PlanarPoint(x0 + (Double(sx) + 0.5) * s, y0 + (Double(sy) + 0.5) * s), width: s, height: s)
        }
        // Functional zones: the slots of parks 0 and (when there are ≥ 4 parks) 1.
        let zoneNames = ["高新技术产业开发区", "经济技术开发区"]
        let zoneCount = n >= 4 ? 2 : 1
        for z in 0..<zoneCount {
            districts.append(DistrictSpec(code: "FZ-\(z + 1)", name: zoneNames[z], functional: true, rect: slotRect(z)))
        }
        chemicalParks = n >= 12 ? [2, 7] : [min(2, n - 1)]
        lowIntensityPark = n >= 5 ? n - 1 : nil

        let idWidth = IdentifierFormat.width(for: n, minimum: 2)
        for i in 0..<n {
            let place = Self.places[i % Self.places.count] + (i >= Self.places.count ? String(i / Self.places.count + 1) : "")
            placeNames.append(place)
            let level: ParkLevel
            if i < zoneCount { level = .national } else {
                let u = r.uniform()
                level = u < 0.1 ? .national : (u < 0.65 ? .provincial : .municipal)
            }
            let areaKm2: Double
            switch level {
            case .national: areaKm2 = r.uniform(14, 26)
            case .provincial: areaKm2 = r.uniform(5, 12)
            case .municipal: areaKm2 = r.uniform(2, 5)
            }
            let aspect = r.uniform(0.75, 1.33)
            let width = min(7_000, (areaKm2 * 1e6 * aspect).squareRoot())
            let height = min(7_000, areaKm2 * 1e6 / width)
            let slot = slotRect(i)
            let slackX = max(0, (s - width) / 2 - 500), slackY = max(0, (s - height) / 2 - 500)
            let centre = PlanarPoint(slot.centre.x + r.uniform(-slackX, slackX), slot.centre.y + r.uniform(-slackY, slackY))
            let chemical = chemicalParks.contains(i)
            let (main, featured) = Self.positioning(level: level, chemical: chemical, using: &r)
            let featuredStatus: FeaturedStatus? = featured.isEmpty ? nil : [FeaturedStatus.certified, .cultivating, nil][r.index(below: 3)]
            let id = IdentifierFormat.padded("P", i + 1, width: idWidth)
            let kindWord: String
            switch level {
            case .national: kindWord = i == 1 ? "经济技术开发区" : "高新技术产业开发区"
            case .provincial: kindWord = chemical ? "化工园区" : "经济开发区"
            case .municipal: kindWord = "工业集中区"
            }
            let district = i < zoneCount ? districts[districts.count - zoneCount + i].code : districts[districtOfSlot[i]].code
            let rect = OrientedRect(centre: centre, width: width, height: height)
            let park = ParkSpec(
                id: id, name: place + kindWord, level: level, district: district, mainIndustries: main,
                featuredIndustries: featured, featuredStatus: featuredStatus, chemicalPark: chemical, rect: rect)
            let parkIndex = parks.count
            parks.append(park)
            var subIndex: Int?
            if level == .national || r.chance(0.3) {
                let parentCode = main[0]
                let candidates = IndustryCatalogue.classIndices(under: parentCode)
                let subCode = r.choice(candidates).map { IndustryCatalogue.classes[$0].code } ?? parentCode
                let trade = r.choice(candidates).map { IndustryCatalogue.classes[$0].tradeWord } ?? "制造"
                // The lower-left quadrant: its inner edges are street centre lines
                // (see ParkStreetGrid); its outer edges sit 1 m inside the parent's,
                // on the perimeter street, so the two boundaries never touch.
                let subRect = rect.subRect(u0: -width / 2 + 1, v0: -height / 2 + 1, u1: 0, v1: 0)
                subIndex = parks.count
                parks.append(ParkSpec(
                    id: id + "A", name: place + trade + "产业园", level: level, district: district, parent: id,
                    mainIndustries: [subCode], featuredIndustries: [],
                    featuredStatus: r.chance(0.5) ? .certified : .cultivating, chemicalPark: chemical, rect: subRect))
            }
            topLevel.append((parkIndex, subIndex))
        }
    }

    /// Names districts by where their centre lies from the city centre (the
    /// frame origin): 城中区 within half a slot (4 km), otherwise 城 + the compass
    /// word of the 45° sector of the bearing (城东区, 城西北区, …). Districts in
    /// the same sector are numbered from the centre outwards: 城东区, 城东二区, …
    /// (ties in distance by district order).
    static func nameByCompass(_ districts: inout [DistrictSpec]) {
        func word(_ c: PlanarPoint) -> String {
            if c.x * c.x + c.y * c.y < (slotSize / 2) * (slotSize / 2) { return "中" }
            // Sector k covers bearings 45°·k ± 22.5° (bearing clockwise from north).
            // Exact comparisons of x and y scaled by tan 22.5° = √2 − 1 avoid atan2.
            let t = 2.0.squareRoot() - 1
            let ax = abs(c.x), ay = abs(c.y)
            if ax <= t * ay { return c.y > 0 ? "北" : "南" }
            if ay <= t * ax { return c.x > 0 ? "东" : "西" }
            return (c.x > 0 ? "东" : "西") + (c.y > 0 ? "北" : "南")
        }
        let words = districts.map { word($0.rect.centre) }
        let order = districts.indices.sorted {
            let a = districts[$0].rect.centre, b = districts[$1].rect.centre
            let da = a.x * a.x + a.y * a.y, db = b.x * b.x + b.y * b.y
            return da != db ? da < db : $0 < $1
        }
        var used: [String: Int] = [:]
        for i in order {
            let n = used[words[i], default: 0]
            used[words[i]] = n + 1
            let ordinal = n < ordinals.count ? ordinals[n] : String(n + 1)
            districts[i].name = "城" + words[i] + ordinal + "区"
        }
    }

    /// Main and featured codes within the level's cap, none a prefix of another.
    static func positioning(level: ParkLevel, chemical: Bool, using r: inout SeededRandom) -> ([String], [String]) {
        let mainCount: Int, featuredCount: Int
        switch level {
        case .national: mainCount = 3; featuredCount = r.integer(in: 1...2)
        case .provincial: mainCount = 2; featuredCount = r.integer(in: 0...2)
        case .municipal: mainCount = r.integer(in: 1...2); featuredCount = r.integer(in: 0...1)
        }
        var chosen: [String] = chemical ? ["C26"] : []
        func overlaps(_ c: String) -> Bool { chosen.contains { $0.hasPrefix(c) || c.hasPrefix($0) } }
        var attempts = 0
        while chosen.count < mainCount + featuredCount && attempts < 200 {
            attempts += 1
            let c = IndustryCatalogue.positioningCodes[r.index(below: IndustryCatalogue.positioningCodes.count)]
            if !overlaps(c) { chosen.append(c) }
        }
        let main = Array(chosen.prefix(mainCount))
        return (main, Array(chosen.dropFirst(main.count)))
    }
}
