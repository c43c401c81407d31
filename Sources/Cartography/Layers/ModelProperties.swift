import GeoCore
import LayoutModel

// Re-emits each model value's properties with the keys of docs/dataset.md, followed
// by its extraProperties in input order, so an export carries every input
// property. What the model cannot tell apart:
// - a contract key typed "string | null" (parent, featured_status, enterprise)
//   is written as null when absent, as the reference dataset writes it;
// - other optional keys (district, investment_wan, tax_wan, output_wan,
//   employees, land_m2, above_scale) are left out when absent;
// - keys with a default (kind, floor_area_m2, footprint_m2, chemical_park) are
//   always written, with the default when the input had none;
// - enumerations are written in their canonical English form (an input "国家级"
//   comes back as "national").

extension District {
    /// The feature's properties: contract keys, then extras.
    public var exportProperties: JSONObject {
        var p: JSONObject = ["code": .string(code), "name": .string(name), "kind": .string(kind.rawValue)]
        p.addMissing(extraProperties)
        return p
    }
}

extension Park {
    /// The feature's properties: contract keys, then extras.
    public var exportProperties: JSONObject {
        var p: JSONObject = ["id": .string(id), "name": .string(name), "level": .string(level.rawValue)]
        if let district { p["district"] = .string(district) }
        p["parent"] = parent.map(JSONValue.string) ?? .null
        p["main_industries"] = .array(mainIndustries.map { .string($0.value) })
        p["featured_industries"] = .array(featuredIndustries.map { .string($0.value) })
        p["featured_status"] = featuredStatus.map { .string($0.rawValue) } ?? .null
        p["chemical_park"] = .bool(chemicalPark)
        p.addMissing(extraProperties)
        return p
    }
}

extension Parcel {
    /// The feature's properties: contract keys, then extras.
    public var exportProperties: JSONObject {
        var p: JSONObject = ["id": .string(id), "land_use": .string(landUse), "status": .string(status.rawValue)]
        p["floor_area_m2"] = .number(floorArea)
        p["footprint_m2"] = .number(footprint)
        if let investment { p["investment_wan"] = .number(investment) }
        if let tax { p["tax_wan"] = .number(tax) }
        p["enterprise"] = enterprise.map(JSONValue.string) ?? .null
        p.addMissing(extraProperties)
        return p
    }
}

extension Enterprise {
    /// The feature's properties: contract keys, then extras.
    public var exportProperties: JSONObject {
        var p: JSONObject = ["id": .string(id), "name": .string(name), "industry": .string(industry.value)]
        if let output { p["output_wan"] = .number(output) }
        if let tax { p["tax_wan"] = .number(tax) }
        if let employees { p["employees"] = .integer(Int64(employees)) }
        if let land { p["land_m2"] = .number(land) }
        if let aboveScale { p["above_scale"] = .bool(aboveScale) }
        p.addMissing(extraProperties)
        return p
    }
}

extension JSONValue {
    /// A number as JSON: whole values within ±2⁵³ as integers (so `120` stays
    /// `120`, not `120.0`), others as doubles.
    static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return .integer(Int64(value)) }
        return .double(value)
    }
}

