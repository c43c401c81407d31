/// A JSON value with exact integers and ordered object members.
///
/// Integers that fit in 64 bits are kept as `Int64` (never rounded through
/// `Double`), so ids such as 9007199254740993 survive a round trip; numbers
/// with a fraction or exponent, or integers beyond 64 bits, are `Double`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as a `Double` when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .double(let d):
            // A whole double such as 12.0 is accepted where an integer is expected.
            if d.rounded() == d, abs(d) < 9.2e18 { return Int64(d) }
            return nil
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type name, for error messages ("string", "number", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Semantic equality as JSON understands it: numbers compare by value
    /// (`1` equals `1.0`), object members compare regardless of order.
    public func semanticallyEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .double), (.double, .integer), (.double, .double):
            return doubleValue == other.doubleValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.semanticallyEquals($1) }
        case (.object(let a), .object(let b)):
            return a.semanticallyEquals(b)
        default:
            return self == other
        }
    }
}

/// A JSON object that keeps its members in input order.
///
/// Lookup is linear: feature property maps are small, and keeping the order
/// makes output diff-friendly and round trips byte-stable.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init() { members = [] }

    public init(members: [Member]) { self.members = members }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// The value for `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Appends without checking for an existing key (for parsers; the last
    /// duplicate wins on lookup only if callers dedupe, so parsers should use the subscript).
    public mutating func append(key: String, value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// Appends each member of `other` whose key is not present yet; present keys keep
    /// their value. This is how every export adds its styling and result keys to a
    /// feature's input properties: a user's own `marker-color` or `title` wins.
    public mutating func addMissing(_ other: JSONObject) {
        for m in other where self[m.key] == nil { members.append(m) }
    }

    public func semanticallyEquals(_ other: JSONObject) -> Bool {
        guard count == other.count else { return false }
        for m in members {
            guard let v = other[m.key], m.value.semanticallyEquals(v) else { return false }
        }
        return true
    }
}
