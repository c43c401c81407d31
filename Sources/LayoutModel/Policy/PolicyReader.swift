import GeoCore

/// Walks a policy object, recording every problem with its dotted key.
struct PolicyReader {
    private(set) var errors: [PolicyError] = []

    static func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    /// The member `key` of `object` as an object; `nil` when absent or wrong.
    mutating func object(_ object: JSONObject, _ key: String, at parent: String) -> JSONObject? {
        guard let value = object[key] else { return nil }
        guard case .object(let inner) = value else {
            errors.append(.wrongType(key: Self.path(parent, key), expected: "an object", found: value.shortDescription))
            return nil
        }
        return inner
    }

    /// Reports every key of `object` not in `known`, suggesting the nearest
    /// known key at this level, or the full key of a group holding it.
    mutating func rejectUnknownKeys(_ object: JSONObject, known: [String], at parent: String) {
        for key in object.keys where !known.contains(key) {
            let suggestion = Suggestion.nearest(to: key, among: known).map { Self.path(parent, $0) }
                ?? Suggestion.nearest(to: key, among: PolicyKeys.all.map(leaf)).flatMap { near in
                    PolicyKeys.all.first { leaf($0) == near }
                }
            errors.append(.unknownKey(key: Self.path(parent, key), suggestion: suggestion))
        }
    }

    private func leaf(_ dotted: String) -> String { String(dotted.split(separator: ".").last ?? "") }

    /// A finite number, checked by `validate` (returning a reason when impossible);
    /// `current` stays when absent or invalid.
    mutating func number(
        _ object: JSONObject, _ key: String, at parent: String, into current: inout Double,
        _ validate: (Double) -> String? = { _ in nil }
    ) {
        let dotted = Self.path(parent, key)
        guard let value = object[key] else { return }
        guard let number = value.doubleValue else {
            errors.append(.wrongType(key: dotted, expected: "a number", found: value.shortDescription))
            return
        }
        guard number.isFinite else {
            errors.append(.impossibleValue(key: dotted, reason: "not a finite number"))
            return
        }
        if let reason = validate(number) {
            errors.append(.impossibleValue(key: dotted, reason: reason))
            return
        }
        current = number
    }

    /// A ratio within 0…1.
    mutating func share(_ object: JSONObject, _ key: String, at parent: String, into current: inout Double) {
        number(object, key, at: parent, into: &current) {
            (0...1).contains($0) ? nil : "a share must be between 0 and 1, found \($0)"
        }
    }

    /// A number ≥ 0 (a distance, an area, a ratio without upper bound).
    mutating func nonNegative(_ object: JSONObject, _ key: String, at parent: String, into current: inout Double) {
        number(object, key, at: parent, into: &current) { $0 >= 0 ? nil : "must be ≥ 0, found \($0)" }
    }

    /// A whole number ≥ `minimum`.
    mutating func integer(_ object: JSONObject, _ key: String, at parent: String, minimum: Int, into current: inout Int) {
        var value = Double(current)
        let before = errors.count
        number(object, key, at: parent, into: &value) {
            guard $0.rounded() == $0 else { return "must be a whole number, found \($0)" }
            return $0 >= Double(minimum) ? nil : "must be ≥ \(minimum), found \($0)"
        }
        if errors.count == before, object[key] != nil, abs(value) < 1e9 { current = Int(value) }
    }

    /// A list of GB/T 4754-2017 codes; the whole list is kept only when every
    /// code is valid.
    mutating func industryCodes(_ object: JSONObject, _ key: String, at parent: String, into current: inout [IndustryCode]) {
        let dotted = Self.path(parent, key)
        guard let value = object[key] else { return }
        guard case .array(let items) = value else {
            errors.append(.wrongType(key: dotted, expected: "an array of GB/T 4754-2017 codes", found: value.shortDescription))
            return
        }
        var codes: [IndustryCode] = []
        var ok = true
        for (position, item) in items.enumerated() {
            let itemKey = "\(dotted)[\(position)]"
            guard case .string(let text) = item else {
                errors.append(.wrongType(key: itemKey, expected: "a string code such as \"C26\"", found: item.shortDescription))
                ok = false
                continue
            }
            switch IndustryTable.check(text) {
            case .known, .unlisted:
                if let code = IndustryCode(validating: text) { codes.append(code) }
            case .unknown(let reason), .malformed(let reason):
                errors.append(.impossibleValue(key: itemKey, reason: reason))
                ok = false
            }
        }
        if ok { current = codes }
    }

    /// A string naming a case of `E`.
    mutating func enumeration<E: RawRepresentable & CaseIterable>(
        _ object: JSONObject, _ key: String, at parent: String, into current: inout E
    ) where E.RawValue == String {
        let dotted = Self.path(parent, key)
        guard let value = object[key] else { return }
        let allowed = E.allCases.map(\.rawValue)
        guard case .string(let text) = value else {
            errors.append(.wrongType(key: dotted, expected: "one of \(allowed.joined(separator: ", "))", found: value.shortDescription))
            return
        }
        guard let parsed = E(rawValue: text) else {
            let near = Suggestion.nearest(to: text.lowercased(), among: allowed)
            let hint = near.map { "; did you mean \"\($0)\"?" } ?? ""
            errors.append(.impossibleValue(
                key: dotted, reason: "unknown value \"\(text)\"\(hint) (one of \(allowed.joined(separator: ", ")))"))
            return
        }
        current = parsed
    }

    mutating func fail(_ error: PolicyError) { errors.append(error) }
}
