import GeoCore
import LayoutModel

/// `parkatlas compare OLD NEW`: what changed between two snapshots of the same
/// city (docs/analyses.md §6 加强动态评估认定). Parks, parcels and enterprises are
/// matched by id.
///
/// Per park (every id of either snapshot, new order first) and city-wide:
/// the twelve indicators of §2 in both years and their deltas; the
/// leading-industry share (§4, `IndustryOutputShares`); per-mu revenue and tax
/// growth of continuing enterprises (`PerMuGrowth`); land-use and status
/// transition matrices in m² (`ParcelTransitionOverlay`); enterprise entries,
/// exits and moves (`EnterpriseMovements`); positioning changes. City-wide also
/// the share of industrial enterprises inside parks in both years.
///
/// Per-park transitions: each piece of the overlay counts with the share of
/// its new parcel inside the park (the park's new outline, else its old one),
/// as `stats` apportions crossing parcels. City-wide transitions take every
/// piece whole. City-wide indicators are those of the whole-dataset unit of
/// §2; the city-wide leading share is Σ matching ÷ Σ output over all parks.
public struct SnapshotComparison: Sendable {
    /// One indicator in both years. `delta` = new − old, `nil` when either is `nil`.
    public struct IndicatorDelta: Sendable, Hashable {
        public var indicator: IntensiveUseIndicators.Indicator
        public var old: Double?
        public var new: Double?
        public var delta: Double? { Self.difference(old, new) }

        static func difference(_ old: Double?, _ new: Double?) -> Double? {
            guard let old, let new else { return nil }
            return new - old
        }
    }

    /// One park's changes.
    public struct ParkComparison: Sendable {
        public var id: String
        public var name: String
        public var inOld: Bool
        public var inNew: Bool
        public var indicators: [IndicatorDelta]
        public var leadingShareOld: Double?
        public var leadingShareNew: Double?
        public var leadingShareDelta: Double? { IndicatorDelta.difference(leadingShareOld, leadingShareNew) }
        public var perMu: PerMuGrowth
        public var landUse: LandTransitionMatrix
        public var status: LandTransitionMatrix
        /// Enterprise counts: entered into / exited from this park, moved in from
        /// elsewhere / moved out to elsewhere, changed industry (new park).
        public var entered = 0, exited = 0, movedIn = 0, movedOut = 0, industryChanged = 0
        /// `nil` when the park is in one snapshot only.
        public var positioning: PositioningChange?
    }

    /// City-wide changes.
    public struct CityComparison: Sendable {
        public var indicators: [IndicatorDelta]
        public var leadingShareOld: Double?
        public var leadingShareNew: Double?
        public var perMu: PerMuGrowth
        public var landUse: LandTransitionMatrix
        public var status: LandTransitionMatrix
        /// Parcel area by class in each snapshot (every parcel whole), m².
        public var oldClassAreas: [String: Double]
        public var newClassAreas: [String: Double]
        public var concentrationOld: IndustrialConcentration
        public var concentrationNew: IndustrialConcentration
    }

    /// Land-use class level of the matrices (1 or 2).
    public var level: Int
    public var parks: [ParkComparison]
    public var city: CityComparison
    public var movements: EnterpriseMovements
    /// Per new parcel: its change, and the old parcel sharing most area with it.
    public var parcelChanges: [ParcelChange]
    public var dominantOldParcel: [Int?]
    /// Parcel ids present in both snapshots.
    public var matchedParcelIds: Int
    /// Geodesic area of every new parcel, m² (GRS80).
    public var newParcelAreas: [Double]

    public static func compare(old: Dataset, new: Dataset, level: Int = 2, threads: Int = 2) throws -> SnapshotComparison {
        guard (1...2).contains(level) else { throw AnalysisError.invalidParameter("transition level must be 1 or 2, got \(level)") }
        let oldOverlay = try ParcelOverlay(parcels: old.parcels, threads: threads)
        let newOverlay = try ParcelOverlay(parcels: new.parcels, threads: threads)
        let oldStats = try LandUseStatistics.compute(dataset: old, level: level, threads: threads, overlay: oldOverlay)
        let newStats = try LandUseStatistics.compute(dataset: new, level: level, threads: threads, overlay: newOverlay)
        let overlay = try ParcelTransitionOverlay(old: oldOverlay, new: newOverlay, threads: threads)

        let oldMembership = try ParkMembership(parks: old.parks, enterprises: old.enterprises, threads: threads).parkOfEnterprise
        let newMembership = try ParkMembership(parks: new.parks, enterprises: new.enterprises, threads: threads).parkOfEnterprise
        let oldParkId = oldMembership.map { $0.map { old.parks[$0].id } }
        let newParkId = newMembership.map { $0.map { new.parks[$0].id } }
        let movements = EnterpriseMovements(old: old.enterprises, oldPark: oldParkId, new: new.enterprises, newPark: newParkId)

        // Park list: new order, then parks only the old snapshot has.
        var oldParkIndex: [String: Int] = [:]
        for (i, p) in old.parks.enumerated() where oldParkIndex[p.id] == nil { oldParkIndex[p.id] = i }
        var newParkIndex: [String: Int] = [:]
        for (i, p) in new.parks.enumerated() where newParkIndex[p.id] == nil { newParkIndex[p.id] = i }
        var ids = new.parks.map(\.id)
        ids += old.parks.map(\.id).filter { newParkIndex[$0] == nil }
        let slot = Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })

        // Classes and statuses of both parcel sets.
        let oldClass = old.parcels.map { LandUseClassKey.code(for: $0.landUse, level: level) }
        let newClass = new.parcels.map { LandUseClassKey.code(for: $0.landUse, level: level) }
        let oldStatus = old.parcels.map(\.status.rawValue)
        let newStatus = new.parcels.map(\.status.rawValue)

        // Share of each new parcel inside each park (for per-park matrices).
        let outlines = ids.map { id in newParkIndex[id].map { new.parks[$0].geometry } ?? old.parks[oldParkIndex[id]!].geometry }
        let parts = try newOverlay.parts(inside: outlines)
        var parksOfNewParcel = [[(park: Int, share: Double)]](repeating: [], count: new.parcels.count)
        for (k, list) in parts.enumerated() {
            for part in list { parksOfNewParcel[part.parcel].append((k, part.share)) }
        }

        var cityLandUse = LandTransitionMatrix.Builder(), cityStatus = LandTransitionMatrix.Builder()
        var parkLandUse = [LandTransitionMatrix.Builder](repeating: .init(), count: ids.count)
        var parkStatus = [LandTransitionMatrix.Builder](repeating: .init(), count: ids.count)
        var dominant = [(old: Int, area: Double)?](repeating: nil, count: new.parcels.count)
        for piece in overlay.pieces {
            let (i, j, a) = (piece.old, piece.new, piece.area)
            cityLandUse.add(from: oldClass[i], to: newClass[j], area: a)
            cityStatus.add(from: oldStatus[i], to: newStatus[j], area: a)
            for (k, share) in parksOfNewParcel[j] {
                parkLandUse[k].add(from: oldClass[i], to: newClass[j], area: a * share)
                parkStatus[k].add(from: oldStatus[i], to: newStatus[j], area: a * share)
            }
            if a > (dominant[j]?.area ?? 0) { dominant[j] = (i, a) }
        }
        let changes = new.parcels.indices.map { j -> ParcelChange in
            let before = dominant[j].map { (old.parcels[$0.old].status, oldClass[$0.old]) }
            return ParcelChange.classify(old: before, new: (new.parcels[j].status, newClass[j]))
        }
        let oldParcelIds = Set(old.parcels.map(\.id))
        let matchedParcels = new.parcels.reduce(0) { $0 + (oldParcelIds.contains($1.id) ? 1 : 0) }

        // Per-mu growth per park (new membership) and city-wide.
        let oldLand = PerMuGrowth.land(of: old.enterprises, parcels: old.parcels, parcelAreas: oldOverlay.parcelAreas)
        let newLand = PerMuGrowth.land(of: new.enterprises, parcels: new.parcels, parcelAreas: newOverlay.parcelAreas)
        let parkGroup = newParkId.map { $0.flatMap { slot[$0] } }
        let parkGrowth = PerMuGrowth.compute(old: old.enterprises, oldLand: oldLand, new: new.enterprises, newLand: newLand,
                                             group: parkGroup, groupCount: ids.count)
        let cityGrowth = PerMuGrowth.compute(old: old.enterprises, oldLand: oldLand, new: new.enterprises, newLand: newLand,
                                             group: new.enterprises.map { _ in 0 }, groupCount: 1)[0]

        let oldOutputs = IndustryOutputShares.outputs(parks: old.parks, enterprises: old.enterprises, membership: oldMembership) {
            old.parks[$0].mainIndustries + old.parks[$0].featuredIndustries
        }
        let newOutputs = IndustryOutputShares.outputs(parks: new.parks, enterprises: new.enterprises, membership: newMembership) {
            new.parks[$0].mainIndustries + new.parks[$0].featuredIndustries
        }

        var parks: [ParkComparison] = []
        for (k, id) in ids.enumerated() {
            let o = oldParkIndex[id], n = newParkIndex[id]
            let oi = o.map { oldStats.parks[$0].statistics.indicators.all }
            let ni = n.map { newStats.parks[$0].statistics.indicators.all }
            let indicators = IntensiveUseIndicators.Indicator.allCases.enumerated().map { q, indicator in
                IndicatorDelta(indicator: indicator, old: oi?[q].value, new: ni?[q].value)
            }
            var park = ParkComparison(
                id: id, name: n.map { new.parks[$0].name } ?? old.parks[o!].name, inOld: o != nil, inNew: n != nil,
                indicators: indicators,
                leadingShareOld: o.flatMap { IndustryOutputShares.ratio(oldOutputs[$0].matching, oldOutputs[$0].total) },
                leadingShareNew: n.flatMap { IndustryOutputShares.ratio(newOutputs[$0].matching, newOutputs[$0].total) },
                perMu: parkGrowth[k], landUse: parkLandUse[k].finish(), status: parkStatus[k].finish())
            if let o, let n { park.positioning = PositioningChange(old: old.parks[o], new: new.parks[n]) }
            parks.append(park)
        }
        for change in movements.changes {
            let from = change.oldPark.flatMap { slot[$0] }, to = change.newPark.flatMap { slot[$0] }
            switch change.kind {
            case .entered: if let to { parks[to].entered += 1 }
            case .exited: if let from { parks[from].exited += 1 }
            case .betweenParks, .intoPark, .outOfPark:
                if let to { parks[to].movedIn += 1 }
                if let from { parks[from].movedOut += 1 }
            case .relocated: break
            }
        }
        var newIndexOfEnterprise: [String: Int] = [:]
        for (j, e) in new.enterprises.enumerated() where newIndexOfEnterprise[e.id] == nil { newIndexOfEnterprise[e.id] = j }
        for change in movements.industryChanges {
            if let j = newIndexOfEnterprise[change.id], let park = newParkId[j], let k = slot[park] { parks[k].industryChanged += 1 }
        }

        func classAreas(_ classes: [String], _ areas: [Double]) -> [String: Double] {
            var out: [String: Double] = [:]
            for p in classes.indices { out[classes[p], default: 0] += areas[p] }
            return out
        }
        func sumShare(_ outputs: [(total: Double, matching: Double)]) -> Double? {
            IndustryOutputShares.ratio(outputs.reduce(0) { $0 + $1.matching }, outputs.reduce(0) { $0 + $1.total })
        }
        let oldTotal = oldStats.total.indicators.all, newTotal = newStats.total.indicators.all
        let city = CityComparison(
            indicators: IntensiveUseIndicators.Indicator.allCases.enumerated().map {
                IndicatorDelta(indicator: $0.element, old: oldTotal[$0.offset].value, new: newTotal[$0.offset].value)
            },
            leadingShareOld: sumShare(oldOutputs), leadingShareNew: sumShare(newOutputs),
            perMu: cityGrowth, landUse: cityLandUse.finish(), status: cityStatus.finish(),
            oldClassAreas: classAreas(oldClass, oldOverlay.parcelAreas), newClassAreas: classAreas(newClass, newOverlay.parcelAreas),
            concentrationOld: IndustrialConcentration(enterprises: old.enterprises, inPark: oldMembership.map { $0 != nil }),
            concentrationNew: IndustrialConcentration(enterprises: new.enterprises, inPark: newMembership.map { $0 != nil }))
        return SnapshotComparison(
            level: level, parks: parks, city: city, movements: movements, parcelChanges: changes,
            dominantOldParcel: dominant.map { $0?.old }, matchedParcelIds: matchedParcels,
            newParcelAreas: newOverlay.parcelAreas)
    }
}

extension SnapshotComparison {
    /// The new parcels by change (new, unchanged, idle → built, …): count and area, m²,
    /// in the order of `ParcelChange.allCases`, changes that did not occur left out.
    public func parcelChangeSummary() -> [(change: ParcelChange, count: Int, area: Double)] {
        var counts: [ParcelChange: (Int, Double)] = [:]
        for (j, change) in parcelChanges.enumerated() {
            counts[change, default: (0, 0)].0 += 1
            counts[change, default: (0, 0)].1 += newParcelAreas[j]
        }
        return ParcelChange.allCases.compactMap { ch in counts[ch].map { (ch, $0.0, $0.1) } }
    }
}
