/// Checks that span features and files: duplicate ids and the references
/// between parks, districts, parents, parcels and enterprises (docs/dataset.md,
/// "Reading rules"). Runs on decoded values, after the per-feature decoders.
public enum DatasetCrossCheck {
    /// The ids of features that were in their file but rejected by the
    /// decoders (`DatasetDecoding.Decoded.rejectedIDs`): a reference to one is
    /// a knock-on of that feature's own errors and is reported as such, not
    /// as a missing feature.
    public struct Rejected: Sendable {
        public var districtCodes: Set<String>
        public var parkIDs: Set<String>
        public var enterpriseIDs: Set<String>

        public init(districtCodes: Set<String> = [], parkIDs: Set<String> = [], enterpriseIDs: Set<String> = []) {
            self.districtCodes = districtCodes
            self.parkIDs = parkIDs
            self.enterpriseIDs = enterpriseIDs
        }
    }

    /// Every cross-feature problem, in file order then feature order.
    ///
    /// - duplicate district codes / park, parcel, enterprise ids: an error on
    ///   each later feature naming the index of the first;
    /// - a park whose `district` names no district, or whose `parent` names no
    ///   park or itself: error;
    /// - parks whose `parent` links form a cycle: an error on each park of the
    ///   cycle, listing it;
    /// - a parcel whose `enterprise` names no enterprise: error, only when an
    ///   enterprise list is given (`enterprises.geojson` is optional; pass
    ///   `nil` when the file is absent). A file with no feature at all (no
    ///   usable and no rejected one) is treated like an absent one, so that an
    ///   empty file does not turn every reference into an error when a missing
    ///   file gives none;
    /// - a reference to a feature listed in `rejected` is an error saying so
    ///   and pointing to that feature's errors.
    public static func problems(
        districts: [District], parks: [Park], parcels: [Parcel] = [], enterprises: EnterpriseTable? = nil,
        rejected: Rejected = Rejected()
    ) -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        problems += duplicates(districts, { ($0.code, $0.source) }, what: "district code", property: "code").problems
        problems += duplicates(parks, { ($0.id, $0.source) }, what: "park id", property: "id").problems
        problems += duplicates(parcels, { ($0.id, $0.source) }, what: "parcel id", property: "id").problems
        // One hash table of enterprise ids serves the duplicate check and the parcels' references.
        let enterpriseIDs = enterprises.map { table in
            duplicates(table.indices.lazy.map { (table.id(at: $0), table.source(at: $0)) }, { $0 }, what: "enterprise id", property: "id")
        }
        problems += enterpriseIDs?.problems ?? []
        problems += parkReferences(parks: parks, districtCodes: Set(districts.map(\.code)), rejected: rejected)
        problems += parentCycles(parks: parks)
        if let known = enterpriseIDs?.first, !(known.isEmpty && rejected.enterpriseIDs.isEmpty) {
            for parcel in parcels {
                guard let e = parcel.enterprise, known[e] == nil else { continue }
                let reason = rejected.enterpriseIDs.contains(e)
                    ? rejectedReason("enterprise", e, DatasetFile.enterprises)
                    : "names enterprise \"\(e)\", which is not in enterprises.geojson"
                problems.append(problem(parcel.source, parcel.id, "enterprise", reason))
            }
        }
        return problems
    }

    /// `names enterprise "E1", which was rejected (see its errors in enterprises.geojson)`:
    /// the file's own problems are listed under that file, which may come before or after.
    private static func rejectedReason(_ what: String, _ id: String, _ file: String) -> String {
        "names \(what) \"\(id)\", which was rejected (see its errors in \(file))"
    }

    private static func problem(_ source: FeatureSource, _ id: String, _ property: String, _ reason: String) -> DatasetProblem {
        DatasetProblem(file: source.file, index: source.index, id: id, property: property, severity: .error, reason: reason)
    }

    /// Problems for repeated ids, and the feature index of each id's first use.
    private static func duplicates<Items: Collection>(
        _ items: Items, _ identify: (Items.Element) -> (String, FeatureSource), what: String, property: String
    ) -> (problems: [DatasetProblem], first: [String: Int]) {
        var first: [String: Int] = [:]
        first.reserveCapacity(items.count)
        var problems: [DatasetProblem] = []
        for item in items {
            let (key, origin) = identify(item)
            if let earlier = first[key] {
                problems.append(problem(origin, key, property, "duplicate \(what) \"\(key)\"; first used by feature \(earlier)"))
            } else {
                first[key] = origin.index
            }
        }
        return (problems, first)
    }

    private static func parkReferences(parks: [Park], districtCodes: Set<String>, rejected: Rejected) -> [DatasetProblem] {
        let parkIds = Set(parks.map(\.id))
        var problems: [DatasetProblem] = []
        for park in parks {
            if let d = park.district, !districtCodes.contains(d) {
                let reason = rejected.districtCodes.contains(d)
                    ? rejectedReason("district", d, DatasetFile.districts)
                    : "names district \"\(d)\", which is not in districts.geojson"
                problems.append(problem(park.source, park.id, "district", reason))
            }
            if let p = park.parent {
                if p == park.id {
                    problems.append(problem(park.source, park.id, "parent", "a park cannot be its own parent"))
                } else if !parkIds.contains(p) {
                    let reason = rejected.parkIDs.contains(p)
                        ? rejectedReason("parent park", p, DatasetFile.parks)
                        : "names parent park \"\(p)\", which is not in parks.geojson"
                    problems.append(problem(park.source, park.id, "parent", reason))
                }
            }
        }
        return problems
    }

    /// Parks on a cycle of `parent` links longer than one (self-parents are
    /// reported by `parkReferences`).
    private static func parentCycles(parks: [Park]) -> [DatasetProblem] {
        var parentOf: [String: String] = [:]
        for park in parks where parentOf[park.id] == nil { parentOf[park.id] = park.parent }
        var onCycle: [String: [String]] = [:]
        var settled: Set<String> = []
        for park in parks where !settled.contains(park.id) {
            // Walk up until a settled park, a root, or a repeat (the cycle).
            var path: [String] = []
            var position: [String: Int] = [:]
            var current: String? = park.id
            while let c = current, !settled.contains(c), position[c] == nil {
                position[c] = path.count
                path.append(c)
                current = parentOf[c]
            }
            if let c = current, let start = position[c], path.count - start > 1 {
                let cycle = Array(path[start...])
                for member in cycle { onCycle[member] = cycle }
            }
            settled.formUnion(path)
        }
        var problems: [DatasetProblem] = []
        var reported: Set<String> = []
        for park in parks {
            guard let cycle = onCycle[park.id], reported.insert(park.id).inserted else { continue }
            let rotated = cycle.drop { $0 != park.id } + cycle.prefix { $0 != park.id }
            let chain = (Array(rotated) + [park.id]).joined(separator: " → ")
            problems.append(problem(park.source, park.id, "parent", "parent links form a cycle: \(chain)"))
        }
        return problems
    }
}
