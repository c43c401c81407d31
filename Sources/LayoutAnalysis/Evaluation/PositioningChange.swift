import LayoutModel

/// Industries added to or removed from a park's main and featured lists
/// between two snapshots, and its featured status in each (docs/analyses.md §6).
/// Codes compare as written (`C39` and `C397` are different entries).
public struct PositioningChange: Sendable, Hashable {
    public var mainAdded: [String]
    public var mainRemoved: [String]
    public var featuredAdded: [String]
    public var featuredRemoved: [String]
    public var oldFeaturedStatus: FeaturedStatus?
    public var newFeaturedStatus: FeaturedStatus?

    public init(old: Park, new: Park) {
        func diff(_ a: [IndustryCode], _ b: [IndustryCode]) -> (added: [String], removed: [String]) {
            let before = Set(a.map(\.value)), after = Set(b.map(\.value))
            return (b.map(\.value).filter { !before.contains($0) }, a.map(\.value).filter { !after.contains($0) })
        }
        (mainAdded, mainRemoved) = diff(old.mainIndustries, new.mainIndustries)
        (featuredAdded, featuredRemoved) = diff(old.featuredIndustries, new.featuredIndustries)
        oldFeaturedStatus = old.featuredStatus
        newFeaturedStatus = new.featuredStatus
    }

    /// Whether anything changed.
    public var isEmpty: Bool {
        mainAdded.isEmpty && mainRemoved.isEmpty && featuredAdded.isEmpty && featuredRemoved.isEmpty
            && oldFeaturedStatus == newFeaturedStatus
    }
}
