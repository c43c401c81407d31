import GeoCore
import LayoutModel

/// The dataset layers an import fills, with the contract's properties (docs/dataset.md).
public enum ImportTarget: String, Sendable, CaseIterable {
    case districts, parks, parcels, enterprises

    /// The type a property must have in the dataset.
    public enum ValueType: Sendable, Hashable {
        case text, number, integer, boolean
        case choice([String])
        case landUse, industry, industryList
    }

    public struct Field: Sendable {
        public var name: String
        public var type: ValueType
        public var required: Bool

        var isList: Bool { type == .industryList }
        var codeKind: CodeCrosswalk.Kind? {
            switch type {
            case .landUse: .landUse
            case .industry, .industryList: .industry
            default: nil
            }
        }
        var isNumeric: Bool { type == .number || type == .integer }
    }

    public var fields: [Field] {
        switch self {
        case .districts:
            [Field(name: "code", type: .text, required: true), Field(name: "name", type: .text, required: true),
             Field(name: "kind", type: .choice(["administrative", "functional"]), required: false)]
        case .parks:
            [Field(name: "id", type: .text, required: true), Field(name: "name", type: .text, required: true),
             Field(name: "level", type: .choice(["national", "provincial", "municipal"]), required: true),
             Field(name: "district", type: .text, required: false), Field(name: "parent", type: .text, required: false),
             Field(name: "main_industries", type: .industryList, required: true),
             Field(name: "featured_industries", type: .industryList, required: false),
             Field(name: "featured_status", type: .choice(["certified", "cultivating"]), required: false),
             Field(name: "chemical_park", type: .boolean, required: false)]
        case .parcels:
            [Field(name: "id", type: .text, required: true), Field(name: "land_use", type: .landUse, required: true),
             Field(name: "status", type: .choice(["built", "under_construction", "supplied_unbuilt", "idle", "ready", "unready", "unbuildable"]), required: true),
             Field(name: "floor_area_m2", type: .number, required: false), Field(name: "footprint_m2", type: .number, required: false),
             Field(name: "investment_wan", type: .number, required: false), Field(name: "tax_wan", type: .number, required: false),
             Field(name: "enterprise", type: .text, required: false)]
        case .enterprises:
            [Field(name: "id", type: .text, required: true), Field(name: "name", type: .text, required: true),
             Field(name: "industry", type: .industry, required: true),
             Field(name: "output_wan", type: .number, required: false), Field(name: "tax_wan", type: .number, required: false),
             Field(name: "employees", type: .integer, required: false), Field(name: "land_m2", type: .number, required: false),
             Field(name: "above_scale", type: .boolean, required: false)]
        }
    }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The dataset file the layer becomes.
    public var file: String { rawValue + ".geojson" }

    /// Whether the layer's geometry is polygonal (else points).
    public var isPolygonal: Bool { self != .enterprises }
}
