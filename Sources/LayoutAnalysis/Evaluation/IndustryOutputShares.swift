import LayoutModel

/// Shares of a park's enterprise output in chosen industries: the
/// leading-industry share of docs/analyses.md §4 (`leading-industry-share`) and the
/// high-tech share of the featured-park evaluation (§6).
///
/// Definition (§4): the enterprises of a park are those `ParkMembership`
/// assigns to it (the smallest park covering the point, so a sub-park's
/// enterprises count for the sub-park, not its parent). The park's output is
/// Σ `output_wan` of those enterprises (a missing output counts 0); the
/// leading-industry share is the part of it in industries covered by any of
/// the park's main or featured codes (`C39` covers `C3974`). A park with no
/// output has share `nil`. Units: ratio 0–1.
public enum IndustryOutputShares {
    /// Σ output (万元) of the enterprises of each park, and of those whose industry
    /// one of `codes(park)` covers. Index = park index.
    public static func outputs(
        parks: [Park], enterprises: EnterpriseTable, membership: [Int?], codes: (Int) -> [IndustryCode]
    ) -> [(total: Double, matching: Double)] {
        var result = [(total: Double, matching: Double)](repeating: (0, 0), count: parks.count)
        let codeLists = parks.indices.map(codes)
        for i in enterprises.indices {
            guard let p = membership[i] else { continue }
            let output = enterprises.output(at: i) ?? 0
            result[p].total += output
            let industry = enterprises.industry(at: i)
            if codeLists[p].contains(where: { $0.covers(industry) }) { result[p].matching += output }
        }
        return result
    }

    /// The leading-industry share (§4) of every park: output in its main +
    /// featured industries ÷ its output; `nil` when the park has no output.
    public static func leadingShares(parks: [Park], enterprises: EnterpriseTable, membership: [Int?]) -> [Double?] {
        outputs(parks: parks, enterprises: enterprises, membership: membership) {
            parks[$0].mainIndustries + parks[$0].featuredIndustries
        }.map { ratio($0.matching, $0.total) }
    }

    /// The share of every park's output in the `highTech` industries (§6);
    /// `nil` when the park has no output.
    public static func highTechShares(
        parks: [Park], enterprises: EnterpriseTable, membership: [Int?], highTech: [IndustryCode]
    ) -> [Double?] {
        outputs(parks: parks, enterprises: enterprises, membership: membership) { _ in highTech }
            .map { ratio($0.matching, $0.total) }
    }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator != 0 && denominator.isFinite ? numerator / denominator : nil
    }
}
