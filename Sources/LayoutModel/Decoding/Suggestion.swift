/// "Did you mean …?" by Levenshtein edit distance.
public enum Suggestion {
    /// The candidate closest to `text`, when close enough to be a likely typo:
    /// distance ≤ max(2, length/3), ties broken by candidate order.
    public static func nearest(to text: String, among candidates: [String]) -> String? {
        let limit = max(2, text.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(text, candidate)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// Levenshtein distance over Unicode characters (insert, delete, substitute, each 1).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
