/// Parameters of the generic synthetic city (`parkatlas synth`).
public struct SyntheticCityParameters: Sendable, Hashable {
    /// Top-level parks (sub-parks come on top).
    public var parks: Int
    /// Parcels over all parks.
    public var parcels: Int
    /// Enterprises, in and outside parks.
    public var enterprises: Int
    /// The random seed: same seed, same city.
    public var seed: UInt64
    /// Centre longitude, degrees.
    public var centreLongitude: Double
    /// Centre latitude, degrees.
    public var centreLatitude: Double
    /// Share of enterprises placed outside every park (≈ 15–25 % in real cities).
    public var outsideShare: Double

    /// Default centre: Mianyang, Sichuan (104.73°E, 31.47°N).
    public init(
        parks: Int = 12, parcels: Int = 3000, enterprises: Int = 3000, seed: UInt64 = 1,
        centreLongitude: Double = 104.73, centreLatitude: Double = 31.47, outsideShare: Double = 0.2
    ) {
        self.parks = parks
        self.parcels = parcels
        self.enterprises = enterprises
        self.seed = seed
        self.centreLongitude = centreLongitude
        self.centreLatitude = centreLatitude
        self.outsideShare = outsideShare
    }

    /// Throws `SynthesisError.invalidParameter` for values the generator cannot honour.
    public func validate() throws {
        func bad(_ name: String, _ value: Any, _ reason: String) -> SynthesisError {
            .invalidParameter(name: name, value: "\(value)", reason: reason)
        }
        guard (1...10_000).contains(parks) else { throw bad("parks", parks, "must be 1…10000") }
        guard (0...50_000_000).contains(parcels) else { throw bad("parcels", parcels, "must be 0…50000000") }
        guard (0...100_000_000).contains(enterprises) else { throw bad("enterprises", enterprises, "must be 0…100000000") }
        guard centreLatitude.isFinite, abs(centreLatitude) <= 75 else {
            throw bad("centre latitude", centreLatitude, "must be within ±75° (the local metric frame degrades near the poles)")
        }
        guard centreLongitude.isFinite, abs(centreLongitude) <= 180 else { throw bad("centre longitude", centreLongitude, "must be within ±180°") }
        guard outsideShare.isFinite, (0...1).contains(outsideShare) else { throw bad("outsideShare", outsideShare, "must be in 0…1") }
    }
}
