import GeoCore

extension JSONValue {
    /// A short rendering of the value for messages, e.g. `number 1001`, `string "x"`.
    var shortDescription: String {
        switch self {
        case .null: "null"
        case .bool(let b): "boolean \(b)"
        case .integer(let i): "number \(i)"
        case .double(let d): "number \(d)"
        case .string(let s): "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array(let a): "array of \(a.count)"
        case .object: "object"
        }
    }

    /// The digits of a number written as it would be as a string code (`1001` → `"1001"`).
    var numberAsCodeText: String? {
        switch self {
        case .integer(let i): String(i)
        case .double(let d) where d.isFinite && d.rounded() == d && abs(d) < 1e15: String(Int64(d))
        default: nil
        }
    }
}
