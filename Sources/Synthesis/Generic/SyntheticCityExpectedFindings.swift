import GeoCore

/// One finding `parkatlas check` (docs/analyses.md §4) must report on a synthetic
/// city under the default policy: rule, severity and subject. Pairs of parks
/// are one subject, their ids joined by "/" in park order.
public struct ExpectedFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rule: String
    /// "error", "warning" or "info".
    public var severity: String
    /// "park", "parcel", "enterprise", "district", "city" or "industry".
    public var subjectKind: String
    /// Feature id, district code, industry division, "P01/P04" for a pair; "city" for the city.
    public var subjectID: String

    public init(rule: String, severity: String, subjectKind: String, subjectID: String) {
        self.rule = rule
        self.severity = severity
        self.subjectKind = subjectKind
        self.subjectID = subjectID
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.rule, a.severity, a.subjectKind, a.subjectID) < (b.rule, b.severity, b.subjectKind, b.subjectID)
    }

    public var description: String { "\(rule) \(severity) \(subjectKind) \(subjectID)" }
}

extension SyntheticCity {
    /// The complete set of findings the city is built to produce, derived from
    /// how each feature was generated, never from its geometry as written: an
    /// enterprise's park is the park the generator placed it in, a parcel's
    /// park the grid it was cut from, distances are between the frame
    /// rectangles. That makes it an oracle for `check` independent of GEOS, PROJ
    /// and point-in-polygon tests.
    ///
    /// Deliberately planted: idle parcels (and so each park's idle-land rate),
    /// the low-intensity park (and its sub-park, cut from the same grid), misfit
    /// enterprises (≈ 8 % of the free-standing in-park ones) and enterprises
    /// outside every park (above-scale ones are listed). Emergent, and derived
    /// here from the same construction: the per-district and city-wide in-park
    /// shares (the default outside share sits at the 0.80 target), leading-
    /// industry shares of small parks, divisions spread over several parks, and
    /// parks declaring the same group. Nothing of positioning caps, park or
    /// parcel overlaps, parks leaving their district, parcels outside parks or
    /// chemical firms outside chemical parks is ever generated.
    ///
    /// The enterprise pass regenerates every enterprise, so this costs about
    /// as much as writing `enterprises.geojson`; it is meant for tests.
    public func expectedFindings() -> [ExpectedFinding] {
        var found = Set<ExpectedFinding>()
        func add(_ rule: String, _ severity: String, _ kind: String, _ id: String) {
            found.insert(ExpectedFinding(rule: rule, severity: severity, subjectKind: kind, subjectID: id))
        }
        let parks = layout.parks
        var parentOf = [Int?](repeating: nil, count: parks.count)
        for entry in layout.topLevel { if let s = entry.subPark { parentOf[s] = entry.park } }

        // Parcels: idle ones, and the parks whose idle-land rate is above 0.
        for t in 0..<grids.count {
            let entry = layout.topLevel[t]
            for j in parcelStart[t]..<parcelStart[t + 1] {
                var r = SeededRandom(seed: parameters.seed, stream: Self.parcelStream, index: UInt64(j))
                guard LandMix.drawStatus(using: &r) == .idle else { continue }
                add("idle-land", "warning", "parcel", parcelID(j))
                add("idle-land", "warning", "park", parks[entry.park].id)
                let c = grids[t].cell(j - parcelStart[t])
                if let sub = entry.subPark, c.u1 <= 0, c.v1 <= 0 { add("idle-land", "warning", "park", parks[sub].id) }
            }
        }
        if let low = layout.lowIntensityPark, parcelStart[low + 1] > parcelStart[low] {
            let entry = layout.topLevel[low]
            add("low-intensity", "warning", "park", parks[entry.park].id)
            if let sub = entry.subPark, subParkHasIndustrialParcel(t: low) { add("low-intensity", "warning", "park", parks[sub].id) }
        }

        // Enterprises, tallied by park, top-level park and administrative district.
        let districts = layout.districts.indices.filter { !layout.districts[$0].functional }
        struct Tally { var count = 0, inside = 0; var output = 0.0, insideOutput = 0.0 }
        var units = [Tally](repeating: Tally(), count: districts.count + 1)
        var parkTotal = [Double](repeating: 0, count: parks.count), parkFitting = parkTotal
        var parkCount = [Int](repeating: 0, count: parks.count)
        let divisions = Set(parks.flatMap { $0.mainIndustries.map { String($0.prefix(3)) } })
        var divisionOutput: [String: [Double]] = [:]
        for i in 0..<parameters.enterprises {
            let d = draw(i)
            let code = IndustryCatalogue.classes[d.classIndex].code
            let output = d.economics.output
            let inside = d.park != nil
            if d.role == .misfit { add("misfit-enterprise", "info", "enterprise", enterpriseID(i)) }
            if !inside, d.economics.aboveScale, code.hasPrefix("C") { add("outside-parks", "info", "enterprise", enterpriseID(i)) }
            if code.hasPrefix("C") {
                var unitIndices = [0]
                if let k = districts.firstIndex(where: { layout.districts[$0].rect.contains(d.point) }) { unitIndices.append(1 + k) }
                for u in unitIndices {
                    units[u].count += 1
                    units[u].output += output
                    if inside {
                        units[u].inside += 1
                        units[u].insideOutput += output
                    }
                }
            }
            guard var p = d.park else { continue }
            let division = String(code.prefix(3))
            if divisions.contains(division) {
                divisionOutput[division, default: [Double](repeating: 0, count: layout.topLevel.count)][d.topLevel] += output
            }
            while true {
                parkCount[p] += 1
                parkTotal[p] += output
                if (parks[p].mainIndustries + parks[p].featuredIndustries).contains(where: { code.hasPrefix($0) }) { parkFitting[p] += output }
                guard let parent = parentOf[p] else { break }
                p = parent
            }
        }

        let target = 0.80
        for (u, t) in units.enumerated() {
            let kind = u == 0 ? "city" : "district", id = u == 0 ? "city" : layout.districts[districts[u - 1]].code
            if t.count > 0, Double(t.inside) / Double(t.count) < target { add("outside-parks", "warning", kind, id) }
            if t.output > 0, t.insideOutput / t.output < target { add("outside-parks", "warning", kind, id) }
        }
        for (p, park) in parks.enumerated() {
            if parkCount[p] == 0 || parkTotal[p] == 0 {
                add("leading-industry-share", "info", "park", park.id)
            } else if parkFitting[p] / parkTotal[p] < 0.70 {
                add("leading-industry-share", park.featuredStatus == .certified ? "error" : "warning", "park", park.id)
            }
        }
        for (division, outputs) in divisionOutput {
            let total = outputs.reduce(0, +)
            let holders = outputs.count(where: { $0 > 0 })
            if holders >= 3, total > 0, outputs.max()! / total < 0.5 { add("scattered-industry", "warning", "industry", division) }
        }

        // Parks declaring main industries in the same group, in one district or within 20 km.
        let groups = parks.map { Set($0.mainIndustries.filter { $0.count >= 4 }.map { String($0.prefix(4)) }) }
        for a in parks.indices {
            for b in (a + 1)..<parks.count where parentOf[b] != a && parentOf[a] != b {
                guard !groups[a].isDisjoint(with: groups[b]) else { continue }
                let same = parks[a].district == parks[b].district
                if same || Self.distance(parks[a].rect, parks[b].rect) <= 20_000 {
                    add("duplicate-positioning", "warning", "park", parks[a].id + "/" + parks[b].id)
                }
            }
        }
        return found.sorted()
    }

    /// Whether the sub-park of top-level park `t` holds a built industrial or
    /// warehouse parcel, so that its building coefficient is defined.
    private func subParkHasIndustrialParcel(t: Int) -> Bool {
        for j in parcelStart[t]..<parcelStart[t + 1] {
            let c = grids[t].cell(j - parcelStart[t])
            guard c.u1 <= 0, c.v1 <= 0 else { continue }
            var r = SeededRandom(seed: parameters.seed, stream: Self.parcelStream, index: UInt64(j))
            let status = LandMix.drawStatus(using: &r)
            let landUse = LandMix.drawLandUse(status: status, using: &r)
            if status == .built, landUse.hasPrefix("10") || landUse.hasPrefix("11") { return true }
        }
        return false
    }

    /// Minimum distance between two axis-aligned frame rectangles, metres (0 when they meet).
    static func distance(_ a: OrientedRect, _ b: OrientedRect) -> Double {
        let dx = max(0, abs(a.centre.x - b.centre.x) - (a.width + b.width) / 2)
        let dy = max(0, abs(a.centre.y - b.centre.y) - (a.height + b.height) / 2)
        return (dx * dx + dy * dy).squareRoot()
    }
}
