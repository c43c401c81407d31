import GeoCore
import LayoutModel

/// Maps the features of one source layer into the contract's properties
/// (docs/import.md, "The mapping file"), collecting every problem.
struct ImportLayerMapper {
    let spec: ImportMapping.LayerSpec
    /// File name and layer for messages; "row" or "feature FID".
    let file: String
    let layer: String
    let unit: String
    /// Row number as shown to users from a FID (spreadsheets: the sheet row; CSV: the line).
    let item: @Sendable (Int64) -> Int64

    var problems = ImportProblems()
    /// Source fields copied unchanged (`keep`).
    let kept: [String]

    init(spec: ImportMapping.LayerSpec, file: String, layer: String, unit: String, item: @escaping @Sendable (Int64) -> Int64, kept: [String]) {
        self.spec = spec
        self.file = file
        self.layer = layer
        self.unit = unit
        self.item = item
        self.kept = kept
    }

    /// The target properties of one feature; nil when a required property could not be filled.
    mutating func properties(of source: JSONObject?, fid: Int64) -> JSONObject? {
        var out = JSONObject()
        var usable = true
        let row = item(fid)
        for field in spec.fields {
            guard let definition = spec.target.field(field.target) else { continue }
            switch value(field, definition, source: source, row: row) {
            case .value(let v): out.append(key: field.target, value: v)
            case .absent: break
            case .failed: usable = false
            }
        }
        if let source {
            for name in kept { out.append(key: name, value: source[name] ?? .null) }
        }
        return usable ? out : nil
    }

    enum Outcome { case value(JSONValue), absent, failed }

    mutating func value(_ field: ImportMapping.FieldSpec, _ definition: ImportTarget.Field, source: JSONObject?, row: Int64) -> Outcome {
        let sourceName: String?
        let raw: JSONValue?
        switch field.source {
        case .constant(let v):
            sourceName = nil
            raw = v
        case .field(let name):
            sourceName = name
            raw = source?[name]
        }
        func fail(_ value: String?, _ reason: String) -> Outcome {
            problems.add(.error, file: file, layer: layer, unit: unit, item: row, field: sourceName, target: field.target,
                         value: value, reason: reason)
            return .failed
        }
        if ImportValues.isEmpty(raw) {
            if let d = field.defaultValue { return .value(d) }
            if definition.required {
                return fail(nil, sourceName == nil ? "the constant is empty" : "empty, and \(field.target) is required (give a \"default\")")
            }
            return .absent
        }
        guard let raw else { return .absent }
        if definition.isList {
            var parts: [JSONValue]
            if let array = raw.arrayValue {
                parts = array
            } else if let separator = field.split, let text = raw.stringValue {
                let pieces = text.components(separatedBy: separator).map { CodeCrosswalk.trimmedSpaces($0) }.filter { !$0.isEmpty }
                parts = Self.rejoined(pieces, separator: separator, field: field).map { .string($0) }
            } else {
                parts = [raw]
            }
            var mapped: [JSONValue] = []
            var ok = true
            for part in parts {
                switch element(part, field, definition, sourceName: sourceName, row: row) {
                case .value(let v): mapped.append(v)
                case .absent: break
                case .failed: ok = false
                }
            }
            return ok ? .value(.array(mapped)) : .failed
        }
        return element(raw, field, definition, sourceName: sourceName, row: row)
    }

    /// One value (or one element of a split list) through `values`, the classification, or the type.
    mutating func element(_ raw: JSONValue, _ field: ImportMapping.FieldSpec, _ definition: ImportTarget.Field, sourceName: String?, row: Int64) -> Outcome {
        let key = ImportValues.key(raw)
        func fail(_ reason: String) -> Outcome {
            problems.add(.error, file: file, layer: layer, unit: unit, item: row, field: sourceName, target: field.target,
                         value: key ?? raw.typeName, reason: reason)
            return .failed
        }
        if let values = field.values, let key {
            if let target = values[key] ?? values[CodeCrosswalk.trimmedSpaces(key)] {
                if target.isNull { return .absent }
                return check(target, definition).map { Outcome.value($0) } ?? fail("the mapping's \"values\" maps it to \(target), " + expectation(definition))
            }
            if field.classification == nil && !isCode(definition) {
                return fail("not mapped: the mapping's \"values\" does not list it")
            }
        }
        if isCode(definition), let key {
            let crosswalk = field.classification ?? (definition.codeKind == .landUse ? .ydyh2023 : .gb4754)
            switch crosswalk.map(key) {
            case .mapped(let code): return .value(.string(code))
            case .unmapped(let reason): return fail("not mapped by \(crosswalk.rawValue): \(reason)")
            }
        }
        var value = raw
        if let scale = field.scale, definition.isNumeric {
            guard let n = number(raw) else { return fail("not a number") }
            value = .double(n * scale)
        }
        return check(value, definition).map { Outcome.value($0) } ?? fail(field.values != nil ? "not mapped: the mapping's \"values\" does not list it" : expectation(definition))
    }

    /// Pieces of a split text, adjacent pieces joined back when together they form one value the
    /// field maps and apart they do not: "航空、航天器及设备制造" is one GB/T 4754-2017 name
    /// that holds the separator 、.
    static func rejoined(_ pieces: [String], separator: String, field: ImportMapping.FieldSpec) -> [String] {
        guard pieces.count > 1 else { return pieces }
        func maps(_ text: String) -> Bool {
            if field.values?[text] != nil { return true }
            return field.classification?.map(text).code != nil
        }
        var out: [String] = []
        var i = 0
        while i < pieces.count {
            var taken = 1
            if !maps(pieces[i]) {
                for j in stride(from: pieces.count, to: i + 1, by: -1) where maps(pieces[i..<j].joined(separator: separator)) {
                    taken = j - i
                    break
                }
            }
            out.append(pieces[i..<(i + taken)].joined(separator: separator))
            i += taken
        }
        return out
    }

    func isCode(_ d: ImportTarget.Field) -> Bool { d.codeKind != nil }

    func number(_ v: JSONValue) -> Double? {
        if let d = v.doubleValue { return d.isFinite ? d : nil }
        if let s = v.stringValue { return ImportValues.number(s) }
        return nil
    }

    /// `v` as the target type, or nil.
    func check(_ v: JSONValue, _ d: ImportTarget.Field) -> JSONValue? {
        switch d.type {
        case .text:
            switch v {
            case .string(let s): return .string(CodeCrosswalk.trimmedSpaces(s))
            case .integer, .double: return ImportValues.key(v).map { .string($0) }
            default: return nil
            }
        case .number:
            return number(v).map { .double($0) }
        case .integer:
            guard let n = number(v), n == n.rounded(), abs(n) < 9.0e15 else { return nil }
            return .integer(Int64(n))
        case .boolean:
            switch v {
            case .bool: return v
            case .integer(let i) where i == 0 || i == 1: return .bool(i == 1)
            case .string(let s) where ["true", "false"].contains(s.lowercased()): return .bool(s.lowercased() == "true")
            default: return nil
            }
        case .choice(let allowed):
            guard let s = v.stringValue, allowed.contains(s) else { return nil }
            return v
        case .landUse, .industry, .industryList:
            return v.stringValue.map { .string($0) }
        }
    }

    func expectation(_ d: ImportTarget.Field) -> String {
        switch d.type {
        case .text: "not text"
        case .number: "not a number"
        case .integer: "not a whole number"
        case .boolean: "not a boolean; map the source values with \"values\" (e.g. {\"是\": true, \"否\": false})"
        case .choice(let allowed): "not one of " + allowed.joined(separator: ", ") + "; map the source values with \"values\""
        case .landUse, .industry, .industryList: "not a code"
        }
    }
}
