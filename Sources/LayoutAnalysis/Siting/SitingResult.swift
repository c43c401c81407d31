import GeoCore
import LayoutModel

/// The score of one candidate park, in points of the 0–100 score (docs/analyses.md §5).
public struct SitingComponents: Sendable, Hashable {
    /// Positioning: weight × `PositioningMatch.value`.
    public var positioning: Double
    /// Cluster synergy: weight × this park's same-division output near the block ÷ the best candidate's.
    public var synergy: Double
    /// Land: weight × min(1, best block area ÷ need).
    public var land: Double
    /// Efficiency: weight × this park's industrial tax per ha ÷ the best candidate's.
    public var efficiency: Double

    public init(positioning: Double, synergy: Double, land: Double, efficiency: Double) {
        self.positioning = positioning
        self.synergy = synergy
        self.land = land
        self.efficiency = efficiency
    }

    /// The score: the sum of the components (0–100 with weights summing to 100).
    public var total: Double { positioning + synergy + land + efficiency }
}

/// A park that can take the project, with the block chosen for it and why it scores as it does.
public struct SitingCandidate: Sendable {
    /// 1 = best.
    public var rank: Int
    /// Index into the dataset's `parks`.
    public var park: Int
    public var parkId: String
    public var parkName: String
    public var score: Double
    public var components: SitingComponents
    public var positioning: PositioningMatch
    /// Output (万元) of enterprises of the project's division within the synergy radius of the chosen block.
    public var synergyOutput: Double
    /// The park's industrial tax per ha (万元/ha, 工业用地地均税收); nil without industrial built land.
    public var industrialTaxPerHectare: Double?
    /// The block the project goes to (see `Siting` for how it is chosen).
    public var block: LandBlock
    /// The union of the block's parcels, lon/lat.
    public var blockGeometry: Geometry
    /// The park's largest block (the land component's "best block").
    public var largestBlock: LandBlock
    /// How many of the park's blocks can hold the project.
    public var feasibleBlocks: Int
    /// Idle industrial parcels of the park (indices into the dataset's parcels).
    public var reclaimable: [Int]
    /// Their ellipsoidal area, m².
    public var reclaimableArea: Double
}

/// Why a park cannot take the project.
public enum RuleOutReason: Sendable, Hashable {
    /// The request names a district the park neither reports to nor lies mostly in.
    case outsideDistrict(String)
    /// A hazardous-chemical project and the park is not itself a designated chemical park.
    case notChemicalPark
    /// The park has no `ready` industrial or warehouse parcel.
    case noReadyIndustrialLand
    /// Its largest block (m²) is smaller than the land needed (m²).
    case blockTooSmall(largest: Double, needed: Double)

    /// A stable key for scripts.
    public var code: String {
        switch self {
        case .outsideDistrict: "outside_district"
        case .notChemicalPark: "not_chemical_park"
        case .noReadyIndustrialLand: "no_ready_industrial_land"
        case .blockTooSmall: "block_too_small"
        }
    }

    public var english: String {
        switch self {
        case .outsideDistrict(let code): "outside district \(code)"
        case .notChemicalPark: "not a chemical park (hazardous-chemical project)"
        case .noReadyIndustrialLand: "no ready industrial land"
        case .blockTooSmall(let largest, let needed):
            "largest block \(Self.hectares(largest)) ha < need \(Self.hectares(needed)) ha"
        }
    }

    public var chinese: String {
        switch self {
        case .outsideDistrict(let code): "不在 \(code) 范围内"
        case .notChemicalPark: "非化工园区（危险化学品项目）"
        case .noReadyIndustrialLand: "无已达供地条件的工业用地"
        case .blockTooSmall(let largest, let needed):
            "最大连片地块 \(Self.hectares(largest)) 公顷 < 需求 \(Self.hectares(needed)) 公顷"
        }
    }

    /// Hectares with two decimals, for messages.
    static func hectares(_ m2: Double) -> String {
        let v = (m2 / 100).rounded() / 100
        let text = String(v)
        let parts = text.split(separator: ".")
        return parts.count == 2 && parts[1].count == 1 ? text + "0" : text
    }
}

/// A park ruled out, with its reason.
public struct RuledOutPark: Sendable, Hashable {
    public var park: Int
    public var parkId: String
    public var parkName: String
    public var reason: RuleOutReason
    /// Its largest available block, when it has one.
    public var largestBlock: LandBlock?
}

/// The answer to a siting request.
public struct SitingResult: Sendable {
    public var request: SitingRequest
    /// Whether the project's industry is on the policy's hazardous-chemical list.
    public var hazardous: Bool
    /// The local metric CRS used for distances (e.g. "EPSG:4544 …").
    public var crs: String
    public var policy: SitingPolicy
    /// Ranked, best first (all of them; the CLI's `--top` shows fewer).
    public var candidates: [SitingCandidate]
    /// Every park that cannot take the project, in dataset order.
    public var ruledOut: [RuledOutPark]
    /// The largest block among parks passing the district and chemical constraints
    /// (what the request could get at most); nil when none has land.
    public var largestAvailableBlock: LandBlock?
}
