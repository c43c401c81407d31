import LayoutModel

/// The result of `LandUseStatistics.compute`: statistics per park, per
/// district and for the whole dataset (docs/analyses.md §2, docs/cli.md `stats`).
public struct LandUseReport: Sendable {
    /// Land-use class level the classes are reported at (1, 2 or 3).
    public var level: Int
    /// One entry per park, in dataset order (empty when parks were not asked for).
    public var parks: [ParkStatistics]
    /// One entry per district (administrative and functional), in dataset order.
    public var districts: [DistrictStatistics]
    /// Every parcel taken whole; its area is that of the union of the administrative districts.
    public var total: UnitStatistics

    /// The statistics of the park with this id.
    public func park(id: String) -> ParkStatistics? { parks.first { $0.id == id } }
    /// The statistics of the district with this code.
    public func district(code: String) -> DistrictStatistics? { districts.first { $0.code == code } }
}

/// A park's statistics with what identifies it.
public struct ParkStatistics: Sendable {
    /// Index into the dataset's `parks`.
    public var index: Int
    public var id: String
    public var name: String
    public var level: ParkLevel
    /// The district the park reports to: its `district` property, else the
    /// district holding the largest share of its area (`nil` when it meets none).
    public var district: String?
    public var statistics: UnitStatistics
}

/// A district's statistics with what identifies it.
public struct DistrictStatistics: Sendable {
    /// Index into the dataset's `districts`.
    public var index: Int
    public var code: String
    public var name: String
    public var kind: DistrictKind
    public var statistics: UnitStatistics
}
