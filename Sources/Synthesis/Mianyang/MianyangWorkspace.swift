import GeoCore

/// Mutable state while the Mianyang dataset is built, all geometry in the
/// generator's frame (metres around 104.73°E 31.47°N).
struct MianyangWorkspace {
    struct County {
        var adcode: String
        var name: String
        var geometry: Geometry
        var region: PlanarRegion
    }

    struct Parcel {
        var id: String
        /// Index in `parks` of the top-level park whose grid made it (nil for the planted stray).
        var gridPark: Int?
        /// Index in `parks` of the smallest park holding it.
        var owner: Int?
        var ring: [PlanarPoint]
        var attributes: ParcelAttributes
        var enterprise: Int?
    }

    struct Enterprise {
        var owner: Int?
        var county: String
        var classIndex: Int
        var economics: EnterpriseEconomics
        var point: PlanarPoint
        var place: String
        var misfit: Bool
    }

    let frame = LocalFrame(longitude: 104.73, latitude: 31.47)
    let seed: UInt64
    var counties: [County] = []
    var zones: [String: PlanarRegion] = [:]
    var parks: [ParkSpec] = []
    var entries: [MianyangParkEntry] = []
    /// Street grid of each top-level park, by park index.
    var grids: [Int: ParkStreetGrid] = [:]
    /// Park-local rectangle of each sub-park in its parent's grid, by sub-park index.
    var subParkLocal: [Int: (u0: Double, v0: Double, u1: Double, v1: Double)] = [:]
    var parcels: [Parcel] = []
    var enterprises: [Enterprise] = []
    var planted: [PlantedSituation] = []

    init(seed: UInt64) { self.seed = seed }

    func parkIndex(_ id: String) -> Int? { parks.firstIndex { $0.id == id } }

    func county(_ adcode: String) -> County? { counties.first { $0.adcode == adcode } }

    /// Whether parks i and j are parent and child.
    func isFamily(_ i: Int, _ j: Int) -> Bool {
        i == j || parks[i].parent == parks[j].id || parks[j].parent == parks[i].id
    }

    /// The smallest park holding a point (a sub-park before its parent), or nil.
    func smallestPark(containing p: PlanarPoint) -> Int? {
        var best: Int?
        for (i, park) in parks.enumerated() where park.rect.contains(p) {
            if best == nil || park.rect.area < parks[best!].rect.area { best = i }
        }
        return best
    }

    /// The county holding a point, or nil.
    func countyCode(containing p: PlanarPoint) -> String? {
        counties.first { $0.region.contains(p) }?.adcode
    }
}
