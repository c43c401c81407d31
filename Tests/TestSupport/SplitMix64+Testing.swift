import GeoCore

/// Conveniences for seeded random test data on the toolkit's one generator.
extension SplitMix64 {
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
