/// What `MianyangEarlierSnapshot` changed, with the ids involved, so tests
/// (and readers of GeoData/README.md) can check that `compare` and
/// `evaluate` find exactly this story.
public struct MianyangEarlierSnapshotStory: Sendable, Hashable {
    /// Enterprises absent in the earlier year (entered later).
    public var entered: [String] = []
    /// Enterprises present only in the earlier year (exited later).
    public var exited: [String] = []
    /// Enterprises outside every park in the earlier year, inside one later.
    public var movedIntoParks: [String] = []
    /// Enterprises whose industry code differed in the earlier year.
    public var industryChanged: [String] = []
    /// Parcels idle earlier and built later (reclaimed idle land, 盘活).
    public var idleToBuilt: [String] = []
    /// Parcels built earlier (by an enterprise that exited) and idle later.
    public var builtToIdle: [String] = []
    /// Parcels under construction or supplied-unbuilt earlier and built later.
    public var constructionToBuilt: [String] = []
    /// Parcels not ready earlier (vacant land, 2301) and ready later.
    public var unreadyToReady: [String] = []
    /// Parcels absent earlier (newly registered later).
    public var newParcels: [String] = []
    /// Park whose positioning changed, and the main industry it added later.
    public var positioningChange: (park: String, addedMain: String) = ("P05", "C404")
    /// Output growth later ÷ earlier − 1 per park id, the trend of that park's
    /// continuing enterprises (each gets this plus noise of sd 0.02).
    public var parkGrowth: [String: Double] = [:]

    public static func == (a: Self, b: Self) -> Bool {
        a.entered == b.entered && a.exited == b.exited && a.movedIntoParks == b.movedIntoParks
            && a.industryChanged == b.industryChanged && a.idleToBuilt == b.idleToBuilt && a.builtToIdle == b.builtToIdle
            && a.constructionToBuilt == b.constructionToBuilt && a.unreadyToReady == b.unreadyToReady
            && a.newParcels == b.newParcels && a.positioningChange == b.positioningChange && a.parkGrowth == b.parkGrowth
    }

    public func hash(into h: inout Hasher) {
        h.combine(entered)
        h.combine(exited)
        h.combine(newParcels)
    }
}
