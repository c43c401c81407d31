/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"): the one seeded generator of the toolkit — CSR simulations,
/// co-location permutations, the seeding of `SeededRandom` in Synthesis, and
/// the random data of tests and benchmarks.
///
/// Chosen because it is tiny, fast, passes BigCrush, and is trivial to reproduce in
/// any language (Tests/Reference/splitmix64.py), so a result can be checked exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// The SplitMix64 output function (a bijective finaliser).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The generator of simulation number `index` for `seed`: seeded with mix(mix(seed) + index),
    /// so each simulation has its own stream and they can run in any order on any thread.
    /// (Mixing the seed first keeps seeds s and s + 1 from sharing all but one stream.)
    public static func stream(seed: UInt64, index: Int) -> SplitMix64 {
        SplitMix64(seed: mix(mix(seed) &+ UInt64(index)))
    }
}
