import Foundation
import GeoCore
import GeoJSON
import LayoutModel
import PROJ

/// The mapping file of `parkatlas import` (docs/import.md, "The mapping file"):
/// which source feeds each dataset layer and how its fields become the
/// contract's properties. Parsed strictly: a key not listed is an error naming
/// its place in the file and the nearest known key.
public struct ImportMapping: Sendable {
    /// Where a target property's value comes from.
    public enum Source: Sendable, Hashable {
        case field(String)
        case constant(JSONValue)
    }

    /// One target property (`fields` entry).
    public struct FieldSpec: Sendable {
        public var target: String
        public var source: Source
        /// Source value (as text) → target value; consulted before `classification`.
        public var values: [String: JSONValue]?
        public var scale: Double?
        public var split: String?
        public var classification: CodeCrosswalk?
        public var defaultValue: JSONValue?
    }

    /// Points of a table without geometry.
    public enum Points: Sendable, Hashable {
        case columns(x: String, y: String)
        case wkt(String)
    }

    /// One dataset layer's entry.
    public struct LayerSpec: Sendable {
        public var target: ImportTarget
        /// The source path, resolved against the mapping file's folder.
        public var source: String
        public var layer: String?
        public var whereClause: String?
        public var crs: String?
        public var encoding: String?
        public var points: Points?
        /// CRS and datum of the points (`points.crs`, `points.datum`), else the layer's / defaults'.
        public var pointsCRS: String?
        public var datum: Datum
        public var fields: [FieldSpec]
        /// Source fields carried as extra properties; nil = every unmapped field.
        public var keep: [String]?
    }

    /// The mapping file.
    public var path: String
    public var layers: [LayerSpec]
    /// The policy file, resolved against the mapping file's folder.
    public var policy: String?

    static let topKeys = ["defaults", "districts", "parks", "parcels", "enterprises", "policy"]
    static let defaultKeys = ["crs", "encoding", "datum"]
    static let layerKeys = ["source", "layer", "where", "crs", "encoding", "points", "fields", "keep"]
    static let pointKeys = ["x", "y", "wkt", "crs", "datum"]
    static let fieldKeys = ["field", "value", "values", "scale", "split", "classification", "default"]

    /// Reads and checks the mapping file.
    /// - Throws: `ImportError.mapping` naming the file, the place in it and the reason.
    public static func read(path: String) throws -> ImportMapping {
        let json: JSONValue
        do {
            json = try JSONText.parse(contentsOfFile: path)
        } catch {
            throw ImportError.mapping(file: path, place: nil, reason: "not readable JSON: \(error)")
        }
        return try parse(json, path: path)
    }

    public static func parse(_ json: JSONValue, path: String) throws -> ImportMapping {
        func fail(_ place: String?, _ reason: String) -> ImportError { .mapping(file: path, place: place, reason: reason) }
        func object(_ v: JSONValue, _ place: String, keys: [String]) throws -> JSONObject {
            guard let o = v.objectValue else { throw fail(place, "must be a JSON object, found \(v.typeName)") }
            for key in o.keys where !keys.contains(key) {
                let hint = Suggestion.nearest(to: key, among: keys).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw fail(place, "unknown key \"\(key)\"\(hint); known keys: \(keys.joined(separator: ", "))")
            }
            return o
        }
        func string(_ v: JSONValue?, _ place: String) throws -> String? {
            guard let v, !v.isNull else { return nil }
            guard let s = v.stringValue else { throw fail(place, "must be a string, found \(v.typeName)") }
            return s
        }
        func datum(_ v: JSONValue?, _ place: String) throws -> Datum? {
            guard let name = try string(v, place) else { return nil }
            guard let d = Datum(name: name) else {
                throw fail(place, "unknown datum \"\(name)\" (wgs84, gcj02 or bd09)")
            }
            return d
        }
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            if p.hasPrefix("/") || folder.isEmpty { return p }
            return folder + "/" + p
        }

        let top = try object(json, "(top level)", keys: topKeys)
        let defaults = try top["defaults"].map { try object($0, "defaults", keys: defaultKeys) } ?? JSONObject()
        let defaultCRS = try string(defaults["crs"], "defaults.crs")
        let defaultEncoding = try string(defaults["encoding"], "defaults.encoding")
        let defaultDatum = try datum(defaults["datum"], "defaults.datum") ?? .wgs84

        var layers: [LayerSpec] = []
        for target in ImportTarget.allCases {
            guard let entry = top[target.rawValue], !entry.isNull else { continue }
            let name = target.rawValue
            let o = try object(entry, name, keys: layerKeys)
            guard let source = try string(o["source"], name + ".source") else { throw fail(name, "\"source\" is required") }
            var spec = LayerSpec(
                target: target, source: resolve(source), layer: try string(o["layer"], name + ".layer"),
                whereClause: try string(o["where"], name + ".where"), crs: try string(o["crs"], name + ".crs") ?? defaultCRS,
                encoding: try string(o["encoding"], name + ".encoding") ?? defaultEncoding, points: nil, pointsCRS: nil,
                datum: defaultDatum, fields: [], keep: nil)
            if let p = o["points"] {
                let po = try object(p, name + ".points", keys: pointKeys)
                if let wkt = try string(po["wkt"], name + ".points.wkt") {
                    spec.points = .wkt(wkt)
                } else {
                    guard let x = try string(po["x"], name + ".points.x"), let y = try string(po["y"], name + ".points.y") else {
                        throw fail(name + ".points", "give \"x\" and \"y\" (column names), or \"wkt\"")
                    }
                    spec.points = .columns(x: x, y: y)
                }
                spec.pointsCRS = try string(po["crs"], name + ".points.crs")
                spec.datum = try datum(po["datum"], name + ".points.datum") ?? defaultDatum
            }
            if let keep = o["keep"] {
                guard let list = keep.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                    throw fail(name + ".keep", "must be a list of source field names")
                }
                spec.keep = list.compactMap(\.stringValue)
            }
            guard let fieldsValue = o["fields"] else { throw fail(name, "\"fields\" is required") }
            let known = target.fields.map(\.name)
            let fields = try object(fieldsValue, name + ".fields", keys: known)
            for member in fields {
                spec.fields.append(try fieldSpec(member.key, member.value, place: "\(name).fields.\(member.key)", fail: fail, object: object))
            }
            for required in target.fields where required.required && !spec.fields.contains(where: { $0.target == required.name }) {
                throw fail(name + ".fields", "the required property \"\(required.name)\" is not mapped")
            }
            for field in spec.fields {
                guard let definition = target.field(field.target) else { continue }
                if let c = field.classification, c.kind != definition.codeKind {
                    throw fail("\(name).fields.\(field.target).classification",
                               "\(c.rawValue) maps \(c.kind.rawValue) codes; \"\(field.target)\" is " + (definition.codeKind.map { "a \($0.rawValue) code" } ?? "not a code"))
                }
                if field.split != nil && !definition.isList {
                    throw fail("\(name).fields.\(field.target).split", "\"\(field.target)\" is not a list")
                }
            }
            layers.append(spec)
        }
        if layers.isEmpty { throw fail(nil, "no layer is mapped (districts, parks, parcels, enterprises)") }
        for required in [ImportTarget.districts, .parks] where !layers.contains(where: { $0.target == required }) {
            throw fail(nil, "the required layer \"\(required.rawValue)\" is not mapped")
        }
        let policy = try string(top["policy"], "policy").map(resolve)
        return ImportMapping(path: path, layers: layers, policy: policy)
    }

    static func fieldSpec(
        _ target: String, _ value: JSONValue, place: String, fail: (String?, String) -> ImportError,
        object: (JSONValue, String, [String]) throws -> JSONObject
    ) throws -> FieldSpec {
        if let name = value.stringValue {
            return FieldSpec(target: target, source: .field(name))
        }
        let o = try object(value, place, fieldKeys)
        let source: Source
        switch (o["field"], o["value"]) {
        case (let f?, nil):
            guard let name = f.stringValue else { throw fail(place + ".field", "must be a string, found \(f.typeName)") }
            source = .field(name)
        case (nil, let v?): source = .constant(v)
        case (nil, nil): throw fail(place, "give \"field\" (a source field) or \"value\" (a constant)")
        default: throw fail(place, "give one of \"field\" and \"value\", not both")
        }
        var spec = FieldSpec(target: target, source: source)
        if let v = o["values"] {
            guard let map = v.objectValue else { throw fail(place + ".values", "must be an object (source value → target value)") }
            spec.values = Dictionary(map.members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        if let s = o["scale"] {
            guard let d = s.doubleValue, d.isFinite else { throw fail(place + ".scale", "must be a number") }
            spec.scale = d
        }
        if let s = o["split"] {
            guard let sep = s.stringValue, !sep.isEmpty else { throw fail(place + ".split", "must be a non-empty string") }
            spec.split = sep
        }
        if let c = o["classification"] {
            guard let name = c.stringValue else { throw fail(place + ".classification", "must be a string") }
            guard let crosswalk = CodeCrosswalk(rawValue: name) else {
                let names = CodeCrosswalk.allCases.map(\.rawValue)
                let hint = Suggestion.nearest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw fail(place + ".classification", "unknown classification \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
            }
            spec.classification = crosswalk
        }
        spec.defaultValue = o["default"]
        return spec
    }
}

/// A problem with the mapping file itself, or with a source as a whole.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case mapping(file: String, place: String?, reason: String)
    case source(file: String, layer: String?, reason: String)

    public var description: String {
        switch self {
        case let .mapping(file, place, reason):
            return "\(file): " + (place.map { "\($0): " } ?? "") + reason
        case let .source(file, layer, reason):
            return "\(file): " + (layer.map { "layer \($0): " } ?? "") + reason
        }
    }
}
