import ArgumentParser
import Foundation
import GDAL
import GeoCore
import GeoJSON
import LayoutIO
import Reporting

/// `parkatlas convert IN OUT --from CRS --to CRS`: reproject a vector file, reading and writing
/// any format of docs/import.md by extension (GeoJSON by the project's own code, the rest through GDAL).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Reproject a vector file between CRSs (EPSG:n, PROJ string, WKT, gcj02, bd09), in any format by extension.",
        discussion: """
            IN is GeoJSON, or by extension .shp, .gpkg, .gdb, .fgb, .csv, .xlsx or .dxf (read through GDAL; \
            --layer chooses the layer of a file holding several). Without --from, the GeoJSON file's legacy \
            `crs` member or the layer's CRS is used, else lon/lat WGS84 (RFC 7946).

            Output to a lon/lat system is RFC 7946; output to a projected CRS carries the legacy `crs` member \
            naming it. Exterior rings are written counter-clockwise. The output is written atomically. OUT \
            ending in .geojsonl or .ndjson is newline-delimited, .geojsons an RFC 8142 text sequence.
            """)

    @Argument(help: "Input file: GeoJSON, or by extension .shp, .gpkg, .gdb, .fgb, .csv, .xlsx, .dxf.") var input: String
    @Argument(help: "Output file: GeoJSON, or by extension .gpkg, .shp, .fgb, .gdb, .csv.") var output: String

    @Option(name: .long, help: "Source CRS (default: the file's crs member or the layer's CRS, else EPSG:4326).")
    var from: String?

    @Option(name: .long, help: "The layer to read from a file holding several (.gpkg, .gdb).")
    var layer: String?

    @Option(name: .long, help: "Target CRS.")
    var to: String = "EPSG:4326"

    @Option(name: .long, parsing: .unconditional, help: "Maximum decimal digits of coordinates (default: shortest exact).")
    var precision: Int?

    @Flag(name: .long, help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        if let precision, !(0...17).contains(precision) { throw ValidationError("--precision must be 0…17") }
        if VectorFormat(path: input) == .fileGDB {
            guard FileManager.default.fileExists(atPath: input) else { throw ValidationError("\(input): no such input file") }
        } else {
            try InputPaths.requireFile(input, what: "input file")
        }
        if layer != nil, !VectorInput.handles(input) { throw ValidationError("--layer applies to GDAL inputs (.gpkg, .gdb, …), not GeoJSON") }
        try OutputOptions.requireParentFolder(of: output, option: "OUT")
    }

    func run() throws {
        // A CRS typed on the command line that PROJ does not know is a command-line error (exit 2).
        let target = try Self.commandLineCRS(to, option: "--to")
        let given = try from.map { try Self.commandLineCRS($0, option: "--from") }
        do {
            let collection: FeatureCollection
            let declared: String?
            if VectorInput.handles(input) {
                let stored = try VectorInput.readAsStored(path: input, layer: layer)
                collection = stored.collection
                declared = stored.crs
            } else {
                let bytes = try GeoJSONFile.readBytes(path: input)
                let format = GeoJSONSequence.detectFormat(bytes)
                collection = format == .document
                    ? try GeoJSONReader().read(bytes, fileName: input).featureCollection
                    : FeatureCollection(features: try GeoJSONSequence.readFeatures(bytes, fileName: input))
                declared = collection.crs
            }
            let source = try given ?? CoordinateSystemChoice(parsing: declared ?? "EPSG:4326")
            if given == nil, declared == nil { try Self.requireLonLat(collection, file: input) }
            let (converted, crsMember) = try CoordinateConversion.convert(collection, from: source, to: target, fileName: input)
            var options = GeoJSONWriter.Options()
            options.coordinatePrecision = precision
            if VectorOutput.handles(output) {
                try VectorOutput.write(converted, to: output, crs: target.writtenCRS)
            } else {
                try GeoJSONFile.write(converted, crs: crsMember, to: output, options: options)
            }
            if !quiet {
                print("\(input) → \(output): \(Plural.count(converted.features.count, "feature")), \(source) → \(target)")
            }
        } catch let error as InputError {
            // A file of several layers read without --layer: the command line must choose one.
            if layer == nil, case .vector(.noSuchLayer) = error {
                throw CommandFailure.badCommandLine(error.description + "; give --layer")
            }
            throw CommandFailure.badInput(error.description)
        } catch let error as GeoJSONError {
            throw CommandFailure.badInput(error.description)
        }
    }

    static func commandLineCRS(_ text: String, option: String) throws -> CoordinateSystemChoice {
        do {
            return try CoordinateSystemChoice(parsing: text)
        } catch let error as InputError {
            throw CommandFailure.badCommandLine("\(option): \(error.description)")
        }
    }

    /// With neither --from nor a crs member the input is taken as lon/lat (RFC 7946); coordinates
    /// outside ±180/±90 then mean projected metres, said once instead of one PROJ error per vertex.
    static func requireLonLat(_ collection: FeatureCollection, file: String) throws {
        var box = BoundingBox.empty
        for f in collection.features { if let b = f.geometry?.boundingBox { box.extend(with: b) } }
        guard !box.isEmpty, box.minX < -180 || box.maxX > 180 || box.minY < -90 || box.maxY > 90 else { return }
        let extent = [box.minX, box.minY, box.maxX, box.maxY].map { String(format: "%.0f", $0) }.joined(separator: ", ")
        throw CommandFailure.badInput(
            "\(file): the coordinates (extent \(extent)) are not longitude/latitude, and neither --from nor a crs member "
                + "says what they are. They look projected (metres): give their CRS with --from, e.g. --from EPSG:4544 "
                + "(CGCS2000 3° Gauss-Krüger, central meridian 105°E).")
    }
}
