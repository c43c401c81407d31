import GeoCore

/// A seeded pseudo-random generator: xoshiro256** 1.0 (Blackman & Vigna 2018,
/// https://prng.di.unimi.it/xoshiro256starstar.c), seeded through SplitMix64.
///
/// Identical seeds give identical sequences on every platform: only integer
/// arithmetic, and the distributions in `SeededRandom+Distributions.swift`
/// use `PortableMath` instead of libm.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`; `stream` and `index` select an independent
    /// sub-sequence (e.g. stream "parcels", item 1234) so that items can be
    /// regenerated in any order.
    public init(seed: UInt64, stream: UInt64 = 0, index: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed)
        var key = mixer.next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
        var keyMixer = SplitMix64(seed: key)
        key = keyMixer.next() ^ (index &* 0x8CB9_2BA7_2F3D_8DD7)
        var sm = SplitMix64(seed: key)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64-bit output (xoshiro256** scrambler).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }
}
