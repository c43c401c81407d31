import LayoutModel

/// How enterprises are split into the groups clustered separately (docs/analyses.md §3).
///
/// - `prefixes` only: one group per prefix, holding every enterprise whose code lies under it
///   (`C39` takes `C3974`); overlapping prefixes give overlapping groups.
/// - `level` only: one group per code at that level (level 2 = division, `C39`, `C13`, …).
/// - both: the enterprises under the prefixes, split by `level`.
/// - neither: by division (level 2).
/// An enterprise coded more coarsely than `level` forms a group under its own code.
public struct IndustryGrouping: Sendable, Hashable {
    public var prefixes: [IndustryCode]
    public var level: IndustryLevel?

    public init(prefixes: [IndustryCode] = [], level: IndustryLevel? = nil) {
        self.prefixes = prefixes
        self.level = level
    }

    /// Non-empty groups as (code, enterprise indices in input order), sorted by code.
    public func groups(of enterprises: EnterpriseTable) -> [(industry: String, members: [Int])] {
        var byKey: [String: [Int]] = [:]
        if prefixes.isEmpty || level != nil {
            let at = level ?? .division
            // Per distinct code once, then per enterprise by its interned index.
            let keyOfCode: [String?] = enterprises.industryCodes.map { code in
                prefixes.isEmpty || prefixes.contains(where: { code.matches($0) }) ? (code.ancestor(at: at) ?? code).value : nil
            }
            for (i, c) in enterprises.industryIndex.enumerated() {
                if let key = keyOfCode[Int(c)] { byKey[key, default: []].append(i) }
            }
        } else {
            for prefix in prefixes where byKey[prefix.value] == nil {
                byKey[prefix.value] = enterprises.indices.filter { enterprises.industry(at: $0).matches(prefix) }
            }
        }
        return byKey.keys.sorted().compactMap { byKey[$0]!.isEmpty ? nil : ($0, byKey[$0]!) }
    }
}
