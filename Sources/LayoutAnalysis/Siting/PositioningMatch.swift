import LayoutModel

/// How well a project's industry fits a park's declared positioning (主导产业 /
/// 特色产业), the positioning component of the siting score (docs/analyses.md §5).
///
/// Definition: two codes *agree at level L* when both have an ancestor at L
/// (`IndustryCode.ancestor(at:)`, a code being its own ancestor at its level)
/// and those ancestors are equal. The agreement level of a project code and a
/// park code is the finest such L among class, group and division. Its value
/// is 1.0 at class, 0.8 at group, 0.6 at division, 0 otherwise (section only
/// or nothing). So for a project C3974: park main C3974 → 1.0; C397 (covers
/// it) → 0.8; C3976 (a sibling class in group C397) → 0.8; C39 → 0.6; C38 → 0.
/// A featured-industry code counts × 0.75. The park's match is the highest
/// value over all its main and featured codes; on equal values a main code
/// wins over a featured one, then the earlier code in the park's list.
public struct PositioningMatch: Sendable, Hashable {
    /// Which of the park's lists matched.
    public enum List: String, Sendable, Hashable {
        case main
        case featured
    }

    /// Match value 0–1 (the positioning points are this × the weight).
    public var value: Double
    /// The park code that gave the value; nil when nothing agrees.
    public var code: IndustryCode?
    public var list: List?
    /// The agreement level; nil when nothing agrees.
    public var level: IndustryLevel?

    public init(value: Double, code: IndustryCode?, list: List?, level: IndustryLevel?) {
        self.value = value
        self.code = code
        self.list = list
        self.level = level
    }

    /// No agreement at division level or finer.
    public static let none = PositioningMatch(value: 0, code: nil, list: nil, level: nil)

    /// Factor applied to a featured-industry match.
    public static let featuredFactor = 0.75

    /// The finest level (class, group, division) at which `a` and `b` agree.
    public static func agreementLevel(_ a: IndustryCode, _ b: IndustryCode) -> IndustryLevel? {
        for level in [IndustryLevel.class, .group, .division] {
            if let x = a.ancestor(at: level), let y = b.ancestor(at: level), x == y { return level }
        }
        return nil
    }

    /// 1.0 class, 0.8 group, 0.6 division, 0 otherwise.
    public static func levelValue(_ level: IndustryLevel?) -> Double {
        switch level {
        case .class: 1.0
        case .group: 0.8
        case .division: 0.6
        case .section, nil: 0
        }
    }

    /// The best match of `project` against a park's main and featured codes.
    public static func best(project: IndustryCode, main: [IndustryCode], featured: [IndustryCode]) -> PositioningMatch {
        var best = PositioningMatch.none
        let lists: [(List, [IndustryCode], Double)] = [(.main, main, 1), (.featured, featured, featuredFactor)]
        for (list, codes, factor) in lists {
            for code in codes {
                let level = agreementLevel(project, code)
                let value = levelValue(level) * factor
                // Strictly greater: earlier lists and codes win ties.
                if value > best.value { best = PositioningMatch(value: value, code: code, list: list, level: level) }
            }
        }
        return best
    }
}
