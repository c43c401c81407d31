import ArgumentParser
import GeoCore
import LayoutIO
import Reporting

/// `parkatlas info FILE…`: a summary of any GeoJSON file.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise GeoJSON files: features, geometry types, extent, CRS, invalid geometries, properties, areas.",
        discussion: """
            Areas are ellipsoidal (GRS80, PROJ's geodesic polygon area), measured on the geometry as repaired by \
            GEOS make-valid when the input is invalid.
            """)

    @Argument(help: "GeoJSON files (documents, newline-delimited or RFC 8142 sequences).")
    var files: [String]

    @OptionGroup var output: OutputOptions
    @OptionGroup var datum: DatumOption
    @OptionGroup var threads: ThreadsOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one GeoJSON file") }
        for file in files { try InputPaths.requireFile(file, what: "file") }
    }

    func run() throws {
        let datum = datum.datum ?? .wgs84
        var summaries: [FileSummary] = []
        for file in files {
            do {
                summaries.append(try FileInspection.inspect(path: file, datum: datum, threads: threads.resolved))
            } catch let error as InputError {
                throw CommandFailure.badInput(error.description)
            }
        }
        try ReportOutput.emit(
            output, table: { summaries.map(InfoReport.table).joined(separator: "\n") },
            json: { .object(["files": .array(summaries.map(InfoReport.json))]) }, csv: { InfoReport.csv(summaries) })
    }
}
