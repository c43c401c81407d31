import GeoCore

/// The four layers of GeoData/mianyang, as GeoCore features in lon/lat whose
/// properties follow docs/dataset.md, plus what was planted for the layout checks.
public struct MianyangDataset: Sendable {
    /// Nine counties (administrative) then three functional zones.
    public var districts: [Feature]
    /// Twelve parks and two sub-parks, each parent followed by its sub-park.
    public var parks: [Feature]
    public var parcels: [Feature]
    public var enterprises: [Feature]
    /// `policy.json` content; `nil`: the built-in defaults apply.
    public var policy: JSONObject?
    /// One entry per rule of docs/analyses.md §4 that the data makes fire.
    public var planted: [PlantedSituation]
}
