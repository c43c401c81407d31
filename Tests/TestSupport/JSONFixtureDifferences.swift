import GeoCore

/// Golden-file comparison of JSON results: fixtures computed by the reference
/// scripts in Tests/Reference, compared key by key with a numeric tolerance.
public enum JSONFixtureDifferences {
    /// Where `actual` departs from `expected`: every key of `expected` must be in
    /// `actual` (extra keys are allowed), arrays must have equal lengths, numbers
    /// must agree within `relative` (or `absolute` near 0), anything else exactly.
    public static func differences(
        _ actual: JSONValue?, _ expected: JSONValue, path: String = "", relative: Double, absolute: Double = 1e-9
    ) -> [String] {
        guard let actual else { return ["\(path): missing"] }
        switch expected {
        case .object(let e):
            guard case .object(let a) = actual else { return ["\(path): not an object"] }
            return e.flatMap { differences(a[$0.key], $0.value, path: "\(path).\($0.key)", relative: relative, absolute: absolute) }
        case .array(let e):
            guard case .array(let a) = actual, a.count == e.count else { return ["\(path): array length differs"] }
            return zip(a, e).enumerated().flatMap {
                differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]", relative: relative, absolute: absolute)
            }
        case .integer, .double:
            guard let a = actual.doubleValue, let x = expected.doubleValue else { return ["\(path): \(actual), expected \(expected)"] }
            return abs(a - x) <= max(relative * abs(x), absolute) ? [] : ["\(path): \(a), expected \(x)"]
        default:
            return actual == expected ? [] : ["\(path): \(actual), expected \(expected)"]
        }
    }
}
