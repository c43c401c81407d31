import LayoutModel

/// The layers a command can be asked for by name, and how each is built.
///
/// The base registry knows districts, parks, parcels and enterprises; an
/// analysis adds its own layer with `adding(_:)` (e.g. the CLI registers
/// `clusters` with a builder that runs the clustering and turns its result into
/// a `MapLayer`). Draw order is the registry's order, whatever order the user
/// lists names in.
public struct MapLayerRegistry: Sendable {
    /// One buildable layer.
    public struct Definition: Sendable {
        public var name: String
        /// One line for `--help` and error messages.
        public var summary: String
        /// Whether the layer is drawn when the user names no layers.
        public var isDefault: Bool
        public var build: @Sendable (Dataset) throws -> MapLayer

        public init(name: String, summary: String, isDefault: Bool = true, build: @escaping @Sendable (Dataset) throws -> MapLayer) {
            self.name = name
            self.summary = summary
            self.isDefault = isDefault
            self.build = build
        }
    }

    public private(set) var definitions: [Definition]

    public init(definitions: [Definition]) { self.definitions = definitions }

    /// Districts, parcels, parks, enterprises — in draw order (parcels under the park outlines).
    public static let base = MapLayerRegistry(definitions: [
        Definition(name: "districts", summary: "districts and functional zones") { BaseLayers.districts($0) },
        Definition(name: "parcels", summary: "parcels coloured by land use") { BaseLayers.parcels($0) },
        Definition(name: "parks", summary: "parks by level, labelled") { BaseLayers.parks($0) },
        Definition(name: "enterprises", summary: "enterprises by industry") { BaseLayers.enterprises($0) },
    ])

    /// A registry with `definition` added (or replacing one of the same name in place).
    public func adding(_ definition: Definition) -> MapLayerRegistry {
        var copy = self
        if let i = copy.definitions.firstIndex(where: { $0.name == definition.name }) {
            copy.definitions[i] = definition
        } else {
            copy.definitions.append(definition)
        }
        return copy
    }

    /// Every known name, in draw order.
    public var names: [String] { definitions.map(\.name) }

    /// The names drawn by default.
    public var defaultNames: [String] { definitions.filter(\.isDefault).map(\.name) }

    /// The definitions for `names` in draw order.
    /// - Throws: `MapLayerError.unknownLayers` listing every unknown name and the known ones.
    public func resolve(_ names: [String]) throws(MapLayerError) -> [Definition] {
        let unknown = names.filter { n in !definitions.contains { $0.name == n } }
        guard unknown.isEmpty else { throw .unknownLayers(unknown, known: self.names) }
        let wanted = Set(names)
        return definitions.filter { wanted.contains($0.name) }
    }

    /// Builds the layers named (the defaults when `names` is nil), in draw order.
    public func build(_ names: [String]?, from dataset: Dataset) throws -> [MapLayer] {
        try resolve(names ?? defaultNames).map { try $0.build(dataset) }
    }

    /// Splits a `--layers` value: comma-separated, spaces ignored, empty items dropped.
    public static func parseList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
    }
}

/// Why a layer list cannot be used.
public enum MapLayerError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownLayers([String], known: [String])

    public var description: String {
        switch self {
        case .unknownLayers(let unknown, let known):
            "unknown layer\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); layers are: \(known.joined(separator: ", "))"
        }
    }
}
