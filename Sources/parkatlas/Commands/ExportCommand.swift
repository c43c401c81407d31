import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import Reporting

/// The layers `export` and `map` know by name. Analyses add theirs here
/// (`MapLayerRegistry.base.adding(...)` with a builder that runs the analysis
/// and returns a `MapLayer`), and both commands pick them up.
enum MapLayerCatalog {
    static let registry = MapLayerRegistry.base

    /// Parses and checks a `--layers` value; unknown names are a command-line error (exit 2).
    static func names(_ option: String?) throws -> [String]? {
        guard let option else { return nil }
        let names = MapLayerRegistry.parseList(option)
        guard !names.isEmpty else { throw ValidationError("--layers is empty; layers are: \(registry.names.joined(separator: ", "))") }
        do {
            _ = try registry.resolve(names)
        } catch {
            throw ValidationError(error.description)
        }
        return names
    }

    /// "districts,parcels,parks,enterprises" for help texts.
    static var help: String { registry.names.joined(separator: ",") }
}

/// `parkatlas export [DATASET] --out FILE.geojson [--layers …]`: one styled GeoJSON of chosen layers.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write chosen map layers as one styled RFC 7946 GeoJSON FeatureCollection.",
        discussion: """
            Every input property is kept; each feature gains `layer` and the simplestyle keys (fill, \
            fill-opacity, stroke, stroke-width, marker-color, title, description), so geojson.io, QGIS and \
            kepler.gl show it styled. Parcels use the land-use colours of the Chinese planning palette (see \
            LandUsePalette). Exterior rings are written counter-clockwise; the file is written atomically.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, help: "Output file: .geojson, or by extension .gpkg, .shp, .fgb, .gdb, .csv.")
    var out: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated layers, drawn in registry order.", valueName: MapLayerCatalog.help))
    var layers: String?

    @Option(name: .long, parsing: .unconditional, help: "Maximum decimal digits of coordinates (default: shortest exact).")
    var precision: Int?

    @Flag(name: .long, help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        try OutputOptions.requireParentFolder(of: out, option: "--out")
        _ = try MapLayerCatalog.names(layers)
        if let precision, !(0...17).contains(precision) { throw ValidationError("--precision must be 0…17") }
    }

    func run() throws {
        let names = try MapLayerCatalog.names(layers)
        let loaded = try dataset.load(quiet: quiet)
        let built = try MapLayerCatalog.registry.build(names, from: loaded.dataset)
        let features = GeoJSONExport.features(for: built)
        var options = GeoJSONWriter.Options()
        options.coordinatePrecision = precision
        do {
            if VectorOutput.handles(out) {
                try VectorOutput.write(FeatureCollection(features: features), to: out)
            } else {
                try GeoJSONFile.write(FeatureCollection(features: features), to: out, options: options)
            }
        } catch {
            throw CommandFailure.badInput("cannot write \(out): \(error)")
        }
        if !quiet {
            let counts = built.map { "\($0.name) \($0.features.count)" }.joined(separator: ", ")
            print("\(out): \(Plural.count(features.count, "feature")) (\(counts))")
        }
    }
}
