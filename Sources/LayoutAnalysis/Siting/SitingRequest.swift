import LayoutModel

/// What a planner asks of `parkatlas site` (docs/analyses.md §5): where should a new
/// project of this industry, needing this much land, go?
public struct SitingRequest: Sendable, Hashable {
    /// GB/T 4754-2017 code of the project, any level (`"C3974"` best).
    public var industry: IndustryCode
    /// Land the project needs, hectares (> 0).
    public var areaHectares: Double
    /// Only parks reporting to, or lying mostly inside, this district or functional zone (its `code`).
    public var district: String?

    public init(industry: IndustryCode, areaHectares: Double, district: String? = nil) {
        self.industry = industry
        self.areaHectares = areaHectares
        self.district = district
    }

    /// Land needed, m².
    public var areaSquareMetres: Double { areaHectares * 10_000 }

    /// Parses and checks a request the way the CLI receives it: the code must be
    /// a GB/T 4754-2017 code (known, or below a partly listed parent), the area
    /// positive and finite.
    public static func make(industry text: String, areaHectares: Double, district: String? = nil) throws(SitingError) -> SitingRequest {
        switch IndustryTable.check(text) {
        case .known, .unlisted: break
        case .unknown(let reason), .malformed(let reason): throw .unknownIndustry(code: text, reason: reason)
        }
        guard let code = IndustryCode(validating: text) else { throw .unknownIndustry(code: text, reason: "not a GB/T 4754 code") }
        guard areaHectares.isFinite, areaHectares > 0 else { throw .invalidArea(areaHectares) }
        return SitingRequest(industry: code, areaHectares: areaHectares, district: district)
    }
}

/// A siting request that cannot be answered at all (as opposed to one with no
/// feasible park, which is a result listing every park's reason).
public enum SitingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The industry code is not a GB/T 4754-2017 code.
    case unknownIndustry(code: String, reason: String)
    /// The land needed is not a positive finite number of hectares.
    case invalidArea(Double)
    /// No district or functional zone of the dataset has this code.
    case unknownDistrict(code: String, known: [String])

    public var description: String {
        switch self {
        case .unknownIndustry(let code, let reason): "unknown industry code \"\(code)\": \(reason)"
        case .invalidArea(let area): "the land needed must be a positive number of hectares, got \(area)"
        case .unknownDistrict(let code, let known):
            "no district or functional zone has code \"\(code)\"; the dataset has " + known.joined(separator: ", ")
        }
    }
}
