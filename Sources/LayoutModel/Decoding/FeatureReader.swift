import GeoCore

/// Reads the properties of one feature, recording every problem and which
/// keys were understood (the rest become `extraProperties`).
///
/// Conventions, the same for every file:
/// - a required key that is missing or `null` is an error;
/// - an optional key that is `null` counts as absent;
/// - a value of the wrong JSON type is an error naming the expected and found
///   types, and the value is not used;
/// - codes and ids are strings: a number in their place is an error whose
///   reason says how to write it (`codes are strings; write "1001"`), and the
///   value is not used — except for the feature's own id or district code,
///   which is used as written so later problems can still name the feature.
struct FeatureReader {
    let file: String
    let index: Int
    let properties: JSONObject
    private(set) var id: String?
    private(set) var problems: [DatasetProblem] = []
    /// Keys read by the decoder. At most a dozen per feature, so a linear scan
    /// beats hashing (which dominated decoding a million enterprises).
    private var understood: [String] = []

    init(feature: Feature, file: String, index: Int) {
        self.file = file
        self.index = index
        self.properties = feature.properties ?? JSONObject()
    }

    // MARK: Problems

    mutating func error(_ property: String?, _ reason: String) {
        problems.append(DatasetProblem(file: file, index: index, id: id, property: property, severity: .error, reason: reason))
    }

    mutating func warning(_ property: String?, _ reason: String) {
        problems.append(DatasetProblem(file: file, index: index, id: id, property: property, severity: .warning, reason: reason))
    }

    /// Every property not read by the decoder, in input order.
    var extraProperties: JSONObject {
        JSONObject(members: properties.members.filter { !understood.contains($0.key) })
    }

    // MARK: Identity

    /// Reads the identifying key (`id`, or `code` for districts). When the
    /// property is absent, the Feature's top-level `id` stands in, with a
    /// warning (the contract asks for the property). Problems recorded before
    /// this call carry no id, so decoders call it first.
    mutating func readIdentity(key: String, feature: Feature) -> String? {
        understood.append(key)
        switch properties[key] {
        case .string(let s) where !s.isEmpty:
            id = s
        case .string:
            error(key, "\"\(key)\" is empty")
        case .some(let value) where !value.isNull:
            if let text = value.numberAsCodeText {
                // Usable as an id, but the contract wants strings.
                id = text
                error(key, "ids and codes are strings; write \"\(text)\"")
            } else {
                error(key, "expected a string, found \(value.shortDescription)")
            }
        default:
            if let top = feature.id {
                id = top.description
                warning(key, "no \"\(key)\" property; using the feature's top-level id \"\(top.description)\"")
            } else {
                error(key, "missing required \"\(key)\"")
            }
        }
        return id
    }

    // MARK: Strings

    /// A required non-empty string.
    mutating func requiredString(_ key: String) -> String? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else {
            error(key, "missing required \"\(key)\"")
            return nil
        }
        return string(key, value)
    }

    /// An optional string; `null` and absence are `nil`.
    mutating func optionalString(_ key: String) -> String? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else { return nil }
        return string(key, value)
    }

    private mutating func string(_ key: String, _ value: JSONValue) -> String? {
        switch value {
        case .string(let s) where s.isEmpty:
            error(key, "\"\(key)\" is empty")
            return nil
        case .string(let s):
            return s
        default:
            if let text = value.numberAsCodeText {
                error(key, "ids and codes are strings; write \"\(text)\"")
            } else {
                error(key, "expected a string, found \(value.shortDescription)")
            }
            return nil
        }
    }

    // MARK: Enumerations

    /// A string naming one case of `E`; `chinese` maps Chinese labels to the
    /// case to suggest (a common slip in Chinese source records). An autoclosure:
    /// the table is built only for a value that is not a case (building it for
    /// every feature, hashing its Chinese keys, was 17 % of decoding parcels).
    mutating func enumeration<E: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool, chinese: @autoclosure () -> [String: E] = [:]
    ) -> E? where E.RawValue == String {
        let text = required ? requiredString(key) : optionalString(key)
        guard let text else { return nil }
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        if let suggestion = chinese()[text] {
            error(key, "unknown \(key) \"\(text)\"; write \"\(suggestion.rawValue)\" (one of \(allowed))")
        } else if let near = Suggestion.nearest(to: text, among: E.allCases.map(\.rawValue)) {
            error(key, "unknown \(key) \"\(text)\"; did you mean \"\(near)\"? (one of \(allowed))")
        } else {
            error(key, "unknown \(key) \"\(text)\"; expected one of \(allowed)")
        }
        return nil
    }

    // MARK: Numbers and booleans

    /// An optional finite number ≥ 0; invalid values are reported and dropped.
    mutating func optionalNonNegativeNumber(_ key: String) -> Double? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else { return nil }
        guard let number = value.doubleValue else {
            error(key, "expected a number, found \(value.shortDescription)")
            return nil
        }
        guard number.isFinite else {
            error(key, "\"\(key)\" is not a finite number")
            return nil
        }
        guard number >= 0 else {
            error(key, "\"\(key)\" must be ≥ 0, found \(number)")
            return nil
        }
        return number
    }

    /// An optional whole number ≥ 0.
    mutating func optionalNonNegativeInteger(_ key: String) -> Int? {
        guard let number = optionalNonNegativeNumber(key) else { return nil }
        guard number.rounded() == number, number < 9.0e15 else {
            error(key, "\"\(key)\" must be a whole number, found \(number)")
            return nil
        }
        return Int(number)
    }

    /// An optional boolean.
    mutating func optionalBool(_ key: String) -> Bool? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else {
            error(key, "expected true or false, found \(value.shortDescription)")
            return nil
        }
        return flag
    }

    // MARK: Codes

    /// A land-use code of the 2023 guide. Malformed codes are errors and not
    /// used; unknown ones are errors but kept; well-formed codes below a
    /// partly shipped parent are warnings.
    mutating func landUseCode(_ key: String) -> String? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else {
            error(key, "missing required \"\(key)\"")
            return nil
        }
        guard case .string(let code) = value else {
            if let digits = value.numberAsCodeText {
                // A number loses its leading zero: 0701 arrives as 701.
                let padded = digits.count % 2 == 1 ? "0" + digits : digits
                error(key, "codes are strings; write \"\(padded)\"")
            } else {
                error(key, "expected a string, found \(value.shortDescription)")
            }
            return nil
        }
        switch LandUseTable.check(code) {
        case .known:
            return code
        case .unlisted(let ancestor):
            let name = LandUseTable.lookup(ancestor)?.nameZh ?? ""
            warning(key, "\"\(code)\" is below \(ancestor) \(name) but not in the shipped table; its name is unknown")
            return code
        case .unknown(let reason):
            error(key, reason)
            return code
        case .malformed(let reason):
            error(key, "\"\(code)\" is not a land-use code of the 2023 guide: \(reason)")
            return nil
        }
    }

    /// One GB/T 4754-2017 code; `property` names where it sits (`main_industries[1]`).
    mutating func industryCode(_ value: JSONValue, property: String) -> IndustryCode? {
        guard case .string(let text) = value else {
            if let digits = value.numberAsCodeText {
                let hint = IndustryTable.section(forDivision: String(digits.prefix(2))).map { "\($0)\(digits)" } ?? digits
                error(property, "codes are strings with their section letter; write \"\(hint)\"")
            } else {
                error(property, "expected a string, found \(value.shortDescription)")
            }
            return nil
        }
        switch IndustryTable.check(text) {
        case .known:
            return IndustryCode(validating: text)
        case .unlisted(let ancestor):
            let name = IndustryTable.lookup(ancestor)?.nameZh ?? ""
            warning(property, "\"\(text)\" is below \(ancestor) \(name) but not in the shipped table; its name is unknown")
            return IndustryCode(validating: text)
        case .unknown(let reason):
            error(property, reason)
            return IndustryCode(validating: text)
        case .malformed(let reason):
            error(property, reason)
            return nil
        }
    }

    /// A required single industry code.
    mutating func requiredIndustryCode(_ key: String) -> IndustryCode? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else {
            error(key, "missing required \"\(key)\"")
            return nil
        }
        return industryCode(value, property: key)
    }

    /// The items of a list typed as one string, split where a Chinese user
    /// separates them: ASCII `,` `;`, full-width `，` `；`, the enumeration comma
    /// `、` and whitespace; empty pieces dropped (`"C392, C394"` → `C392`, `C394`).
    /// The text itself when it holds no separator, so the hint is never empty.
    static func listItems(_ text: String) -> [String] {
        let separators: Set<Character> = [",", ";", "，", "；", "、"]
        let items = text.split { separators.contains($0) || $0.isWhitespace }.map(String.init)
        return items.isEmpty ? [text] : items
    }

    /// A list of industry codes; `nil` when absent (or unreadable). Bad items
    /// are reported and dropped; repeated codes are warned about.
    mutating func industryCodeList(_ key: String, required: Bool) -> [IndustryCode]? {
        understood.append(key)
        guard let value = properties[key], !value.isNull else {
            if required { error(key, "missing required \"\(key)\"") }
            return nil
        }
        guard case .array(let items) = value else {
            if case .string(let s) = value {
                let items = Self.listItems(s).map { "\"\($0)\"" }.joined(separator: ", ")
                error(key, "expected an array of codes, found a string; write [\(items)]")
            } else {
                error(key, "expected an array of codes, found \(value.shortDescription)")
            }
            return nil
        }
        var codes: [IndustryCode] = []
        for (position, item) in items.enumerated() {
            guard let code = industryCode(item, property: "\(key)[\(position)]") else { continue }
            if codes.contains(code) {
                warning("\(key)[\(position)]", "\"\(code.value)\" is listed twice")
            } else {
                codes.append(code)
            }
        }
        return codes
    }
}
