import GeoCore
import LayoutModel
import PROJ

/// Enterprise changes between two snapshots, matched by id (docs/analyses.md §6):
/// entries, exits, moves between parks or into / out of parks, relocations,
/// and changes of industry code.
///
/// An enterprise's park in each year is the one `ParkMembership` assigns in
/// that year's dataset, compared by park id. It *moved* when its park id
/// changed, or when its point moved more than `relocationTolerance` metres
/// (geodesic distance, GRS80) within the same park or outside all parks.
public struct EnterpriseMovements: Sendable {
    /// What happened to one enterprise.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Present only in the new snapshot.
        case entered
        /// Present only in the old snapshot.
        case exited
        /// From one park to another.
        case betweenParks = "moved_between_parks"
        /// From outside every park into a park.
        case intoPark = "moved_into_park"
        /// From a park to outside every park.
        case outOfPark = "moved_out_of_park"
        /// Moved more than the tolerance, same park (or outside both years).
        case relocated

        public var nameZh: String {
            switch self {
            case .entered: "新进入"
            case .exited: "退出"
            case .betweenParks: "园区间迁移"
            case .intoPark: "迁入园区"
            case .outOfPark: "迁出园区"
            case .relocated: "原园区内搬迁"
            }
        }

        public var isMove: Bool { self != .entered && self != .exited }
    }

    /// One change. Parks are ids, `nil` = outside every park.
    public struct Change: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: Kind
        public var oldPark: String?
        public var newPark: String?
        public var oldLocation: Position?
        public var newLocation: Position?
        /// Geodesic distance moved, m (`nil` for entries and exits).
        public var distance: Double?
    }

    /// An enterprise present in both years whose industry code changed.
    public struct IndustryChange: Sendable, Hashable {
        public var id: String
        public var name: String
        public var oldIndustry: String
        public var newIndustry: String
    }

    /// Entries (new order), then exits (old order), then moves (new order).
    public var changes: [Change]
    public var industryChanges: [IndustryChange]
    /// Ids present in both snapshots.
    public var matched: Int

    public func count(_ kind: Kind) -> Int { changes.count(where: { $0.kind == kind }) }

    /// Default relocation tolerance, m: below it a point is "the same place"
    /// (coordinates are often re-digitised by a few metres).
    public static let defaultRelocationTolerance = 10.0

    public init(
        old: EnterpriseTable, oldPark: [String?], new: EnterpriseTable, newPark: [String?],
        relocationTolerance: Double = EnterpriseMovements.defaultRelocationTolerance
    ) {
        var oldIndex: [String: Int] = [:]
        for (i, e) in old.enumerated() where oldIndex[e.id] == nil { oldIndex[e.id] = i }
        var newIds = Set<String>()
        var entered: [Change] = [], moves: [Change] = [], industry: [IndustryChange] = []
        var matched = 0
        for (j, e) in new.enumerated() {
            newIds.insert(e.id)
            guard let i = oldIndex[e.id] else {
                entered.append(Change(id: e.id, name: e.name, kind: .entered, oldPark: nil, newPark: newPark[j],
                                      oldLocation: nil, newLocation: e.location, distance: nil))
                continue
            }
            matched += 1
            let o = old[i]
            if o.industry != e.industry {
                industry.append(IndustryChange(id: e.id, name: e.name, oldIndustry: o.industry.value, newIndustry: e.industry.value))
            }
            let distance: Double? = {
                guard let a = o.location, let b = e.location else { return nil }
                return Geodesic.grs80.distance(from: a, to: b)
            }()
            let kind: Kind?
            switch (oldPark[i], newPark[j]) {
            case let (a?, b?) where a != b: kind = .betweenParks
            case (nil, _?): kind = .intoPark
            case (_?, nil): kind = .outOfPark
            default: kind = (distance ?? 0) > relocationTolerance ? .relocated : nil
            }
            if let kind {
                moves.append(Change(id: e.id, name: e.name, kind: kind, oldPark: oldPark[i], newPark: newPark[j],
                                    oldLocation: o.location, newLocation: e.location, distance: distance))
            }
        }
        var exited: [Change] = []
        for (i, e) in old.enumerated() where !newIds.contains(e.id) {
            exited.append(Change(id: e.id, name: e.name, kind: .exited, oldPark: oldPark[i], newPark: nil,
                                 oldLocation: e.location, newLocation: nil, distance: nil))
        }
        changes = entered + exited + moves
        industryChanges = industry
        self.matched = matched
    }
}
