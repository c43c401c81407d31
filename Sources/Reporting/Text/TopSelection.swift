/// The first k elements of a sequence in a given order, without sorting the sequence.
///
/// Why: the report's ten hottest enterprises and a park page's ten largest firms were a full
/// sort whose comparisons built two enterprise ids each (tuples compare eagerly): at
/// 10,000,000 enterprises some 5·10⁸ strings for ten rows. One pass keeping the best k costs
/// about one comparison per element, and the ids are built only to break ties.
enum TopSelection {
    /// `Array(items.sorted(by: precedes).prefix(k))` for a strict total order `precedes`
    /// (elements neither preceding the other keep their sequence order, as a stable sort).
    static func first<T>(_ k: Int, of items: some Sequence<T>, by precedes: (T, T) -> Bool) -> [T] {
        guard k > 0 else { return [] }
        var top: [T] = []
        top.reserveCapacity(k + 1)
        for x in items {
            if top.count == k, !precedes(x, top[k - 1]) { continue }
            var i = top.count
            while i > 0, precedes(x, top[i - 1]) { i -= 1 }
            top.insert(x, at: i)
            if top.count > k { top.removeLast() }
        }
        return top
    }
}
