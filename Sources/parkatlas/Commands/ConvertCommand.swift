import ArgumentParser
import GeoCore
import GeoJSON
import LayoutIO

/// `parkatlas convert IN OUT --from CRS --to CRS`: reproject a GeoJSON file.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Reproject a GeoJSON file between CRSs (EPSG:n, PROJ string, WKT, gcj02, bd09).",
        discussion: """
            Without --from, the file's legacy `crs` member is used, else lon/lat WGS84 (RFC 7946).

            Output to a lon/lat system is RFC 7946; output to a projected CRS carries the legacy `crs` member \
            naming it. Exterior rings are written counter-clockwise. The output is written atomically. OUT \
            ending in .geojsonl or .ndjson is newline-delimited, .geojsons an RFC 8142 text sequence.
            """)

    @Argument(help: "Input GeoJSON file.") var input: String
    @Argument(help: "Output GeoJSON file.") var output: String

    @Option(name: .long, help: "Source CRS (default: the file's crs member, else EPSG:4326).")
    var from: String?

    @Option(name: .long, help: "Target CRS.")
    var to: String = "EPSG:4326"

    @Option(name: .long, help: "Maximum decimal digits of coordinates (default: shortest exact).")
    var precision: Int?

    @Flag(name: .long, help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        if let precision, !(0...17).contains(precision) { throw ValidationError("--precision must be 0…17") }
    }

    func run() throws {
        do {
            let bytes = try GeoJSONFile.readBytes(path: input)
            let format = GeoJSONSequence.detectFormat(bytes)
            let collection: FeatureCollection = format == .document
                ? try GeoJSONReader().read(bytes, fileName: input).featureCollection
                : FeatureCollection(features: try GeoJSONSequence.readFeatures(bytes, fileName: input))
            let source = try CoordinateSystemChoice(parsing: from ?? collection.crs ?? "EPSG:4326")
            let target = try CoordinateSystemChoice(parsing: to)
            let (converted, crsMember) = try CoordinateConversion.convert(collection, from: source, to: target, fileName: input)
            var options = GeoJSONWriter.Options()
            options.coordinatePrecision = precision
            try GeoJSONFile.write(converted, crs: crsMember, to: output, options: options)
            if !quiet {
                print("\(input) → \(output): \(converted.features.count) features, \(source) → \(target)")
            }
        } catch let error as InputError {
            throw CommandFailure.badInput(error.description)
        } catch let error as GeoJSONError {
            throw CommandFailure.badInput(error.description)
        }
    }
}
