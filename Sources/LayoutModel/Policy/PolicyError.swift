/// One problem of a policy file, naming the dotted key (e.g.
/// `"benefit.grade_shares"`).
public enum PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A key the policy does not define; `suggestion` is the nearest known key when close.
    case unknownKey(key: String, suggestion: String?)
    /// A value of the wrong JSON type.
    case wrongType(key: String, expected: String, found: String)
    /// A value of the right type that cannot be meant (negative, share above 1, …).
    case impossibleValue(key: String, reason: String)

    /// The dotted key concerned.
    public var key: String {
        switch self {
        case .unknownKey(let key, _), .wrongType(let key, _, _), .impossibleValue(let key, _): key
        }
    }

    /// One line, without the key.
    public var reason: String {
        switch self {
        case .unknownKey(_, let suggestion?): "unknown key; did you mean \"\(suggestion)\"?"
        case .unknownKey(_, nil): "unknown key"
        case .wrongType(_, let expected, let found): "expected \(expected), found \(found)"
        case .impossibleValue(_, let reason): reason
        }
    }

    public var description: String { "\(key): \(reason)" }

    /// The same problem in the `validate` shape (file `policy.json`, no feature index).
    public var datasetProblem: DatasetProblem {
        DatasetProblem(file: DatasetFile.policy, index: nil, id: nil, property: key, severity: .error, reason: reason)
    }
}

/// The errors of the LayoutModel module.
public enum LayoutModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A policy file with problems, all of them.
    case invalidPolicy([PolicyError])

    public var description: String {
        switch self {
        case .invalidPolicy(let errors):
            "policy.json: " + errors.map(\.description).joined(separator: "; ")
        }
    }
}
