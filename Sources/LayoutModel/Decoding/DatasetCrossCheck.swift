/// Checks that span features and files: duplicate ids and the references
/// between parks, districts, parents, parcels and enterprises (docs/dataset.md,
/// "Reading rules"). Runs on decoded values, after the per-feature decoders.
public enum DatasetCrossCheck {
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
    ///   `nil` when the file is absent).
    public static func problems(
        districts: [District], parks: [Park], parcels: [Parcel] = [], enterprises: [Enterprise]? = nil
    ) -> [DatasetProblem] {
        var problems: [DatasetProblem] = []
        problems += duplicates(districts, { ($0.code, $0.source) }, what: "district code", property: "code").problems
        problems += duplicates(parks, { ($0.id, $0.source) }, what: "park id", property: "id").problems
        problems += duplicates(parcels, { ($0.id, $0.source) }, what: "parcel id", property: "id").problems
        // One hash table of enterprise ids serves the duplicate check and the parcels' references.
        let enterpriseIDs = enterprises.map { duplicates($0, { ($0.id, $0.source) }, what: "enterprise id", property: "id") }
        problems += enterpriseIDs?.problems ?? []
        problems += parkReferences(parks: parks, districtCodes: Set(districts.map(\.code)))
        problems += parentCycles(parks: parks)
        if let known = enterpriseIDs?.first {
            for parcel in parcels {
                if let e = parcel.enterprise, known[e] == nil {
                    problems.append(problem(parcel.source, parcel.id, "enterprise", "names enterprise \"\(e)\", which is not in enterprises.geojson"))
                }
            }
        }
        return problems
    }

    private static func problem(_ source: FeatureSource, _ id: String, _ property: String, _ reason: String) -> DatasetProblem {
        DatasetProblem(file: source.file, index: source.index, id: id, property: property, severity: .error, reason: reason)
    }

    /// Problems for repeated ids, and the feature index of each id's first use.
    private static func duplicates<Item>(
        _ items: [Item], _ identify: (Item) -> (String, FeatureSource), what: String, property: String
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

    private static func parkReferences(parks: [Park], districtCodes: Set<String>) -> [DatasetProblem] {
        let parkIds = Set(parks.map(\.id))
        var problems: [DatasetProblem] = []
        for park in parks {
            if let d = park.district, !districtCodes.contains(d) {
                problems.append(problem(park.source, park.id, "district", "names district \"\(d)\", which is not in districts.geojson"))
            }
            if let p = park.parent {
                if p == park.id {
                    problems.append(problem(park.source, park.id, "parent", "a park cannot be its own parent"))
                } else if !parkIds.contains(p) {
                    problems.append(problem(park.source, park.id, "parent", "names parent park \"\(p)\", which is not in parks.geojson"))
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
