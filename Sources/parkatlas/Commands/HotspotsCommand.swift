import ArgumentParser
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas hotspots [DATASET]`: Getis–Ord Gi* hot and cold spots of an
/// enterprise value, and global Moran's I on the same distance band.
struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Getis–Ord Gi* hot/cold spots of an enterprise value and global Moran's I.",
        discussion: """
            Points are projected to the dataset's local metric CRS (printed). Gi*: binary distance-band weights, \
            d ≤ band inclusive with d the geodesic (GRS80) distance (pairs are found in the CRS, those its scale \
            error could misjudge are measured on the ellipsoid), the point itself included, coincident points are \
            neighbours; s is the population \
            standard deviation; p is two-sided normal. Bins: ±3 at p ≤ 0.01 (99 %), ±2 at p ≤ 0.05 (95 %), ±1 at \
            p ≤ 0.10 (90 %), sign of z (+ hot, − cold), 0 otherwise.

            With --fdr, p-values are adjusted by Benjamini–Hochberg over all evaluated enterprises and the bins \
            use the adjusted value q instead of p (bin 3 ⇔ q ≤ 0.01, and so on); both p and q are reported.

            Moran's I: same band, neighbours exclude the point itself, row-standardised, islands keep empty rows \
            (esda convention); moments under normality.

            Enterprises lacking the value are excluded from the analysis (n, mean, neighbourhoods) and listed. \
            --out FILE.geojson writes the enterprises as a styled map (marker-color red = hot, blue = cold, grey \
            = not significant or excluded; every input property kept) while the report goes to stdout; any other \
            --out file receives the report.

            Definitions: docs/analyses.md §3 in the repository. Terms are explained in README.md#glossary in the \
            repository.
            """)

    @OptionGroup var dataset: DatasetArgument

    @Option(name: .long, help: "Enterprise value to analyse.")
    var value: HotspotValue = .outputWan

    @Option(name: .long, parsing: .unconditional, help: "Distance band in metres (inclusive).")
    var band: Double = 1000

    @Flag(name: .long, help: "Bin by Benjamini–Hochberg adjusted p-values (false discovery rate).")
    var fdr = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !(band >= 0.001 && band <= 1e7) { throw ValidationError("--band must be a positive number of metres, 0.001 to 10,000,000") }
    }

    func run() throws {
        let loaded = try dataset.load(quiet: output.quiet, layers: [.enterprises])
        let data = loaded.dataset
        guard data.hasEnterprises, !data.enterprises.isEmpty else {
            throw CommandFailure.badInput("\(dataset.dataset): no enterprises to analyse (enterprises.geojson missing or empty)")
        }
        guard let extent = data.boundingBox else { throw CommandFailure.badInput("\(dataset.dataset): empty dataset") }
        let analysis: HotspotAnalysis
        do {
            let frame = try MetricFrame(extent: extent)
            analysis = try HotspotAnalysis(
                enterprises: data.enterprises, frame: frame, value: value, band: band, fdr: fdr, threads: dataset.threads.resolved)
        } catch let error as AnalysisError {
            throw CommandFailure.badInput(error.description)
        }
        var reportOptions = output
        if let path = output.out, path.lowercased().hasSuffix(".geojson") {
            do {
                try GeoJSONFile.write(HotspotsReport.map(analysis, enterprises: data.enterprises), to: path)
            } catch {
                throw CommandFailure.badInput("cannot write \(path): \(error)")
            }
            reportOptions.out = nil
        }
        try ReportOutput.emit(
            reportOptions, leftOut: [data], table: { HotspotsReport.table(analysis, enterprises: data.enterprises) },
            json: { HotspotsReport.json(analysis, enterprises: data.enterprises) },
            csv: { HotspotsReport.csv(analysis, enterprises: data.enterprises) })
    }
}

extension HotspotValue: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
