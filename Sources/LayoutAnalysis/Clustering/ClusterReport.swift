import GeoCore

/// The result of `cluster`: per industry group, DBSCAN labels and clusters, NNI and K/L.
public struct ClusterReport: Sendable {
    /// The metric CRS label, e.g. "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E".
    public let crs: String
    public let epsg: Int
    public let options: ClusterOptions
    public let groups: [IndustryClusterGroup]
}

/// One industry group's results.
public struct IndustryClusterGroup: Sendable {
    /// The group's code (prefix or code at the grouping level), e.g. "C39".
    public let industry: String
    /// Indices into the dataset's enterprises, input order.
    public let members: [Int]
    /// Enterprise ids, parallel to `members`.
    public let ids: [String]
    /// DBSCAN over the members (labels parallel to `members`).
    public let dbscan: DBSCAN
    public let clusters: [ClusterSummary]
    /// The study area of this group (its own box for `bbox`).
    public let studyAreaM2: Double
    /// Nil for fewer than 2 points.
    public let nni: NearestNeighbourIndex?
    /// Nil for fewer than 2 points.
    public let ripley: RipleyAnalysis?

    public var n: Int { members.count }
}
