/// Errors of the dataset generators.
///
/// Generators never crash on bad input: out-of-range parameters and unusable
/// county geometry are reported here with the offending value.
public enum SynthesisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A generator parameter is outside its allowed range.
    case invalidParameter(name: String, value: String, reason: String)
    /// A county feature passed to the Mianyang generator cannot be used.
    case unusableCounty(adcode: String, reason: String)
    /// A park could not be placed inside its declared district.
    case parkDoesNotFit(id: String, district: String)
    /// A planted rule situation could not be placed (e.g. no suitable parcel pair).
    case plantingFailed(rule: String, place: String)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let reason):
            "invalid parameter \(name) = \(value): \(reason)"
        case .unusableCounty(let adcode, let reason):
            "county \(adcode) cannot be used: \(reason)"
        case .parkDoesNotFit(let id, let district):
            "park \(id) does not fit inside district \(district)"
        case .plantingFailed(let rule, let place):
            "could not plant a \(rule) situation in \(place)"
        }
    }
}
