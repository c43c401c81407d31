import ArgumentParser
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas site [DATASET] --industry CODE --area-ha N`: ranked parks and land
/// blocks for a new industrial project (docs/analyses.md §5).
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Ranked parks and land blocks for a new industrial project.",
        discussion: """
            Available land: ready industrial/warehouse parcels (land use under 10 or 11), each in the smallest \
            park holding more than half of it, merged into blocks of parcels touching or within the policy's \
            merge distance (default 10 m, local metric CRS). Idle parcels of those uses are listed as \
            reclaimable.

            Hard constraints: a hazardous-chemical project (policy checks.hazardous_chemical_industries, default \
            C25, C26) only in a park itself flagged chemical_park; some single block must hold the land needed.

            Score 0-100 = positioning 40 + cluster synergy 25 + land 20 + efficiency 15 (policy siting.*).

            Scores are RELATIVE to the candidates of this run: synergy is scaled by the best candidate's \
            same-division output nearby, efficiency by the best candidate's industrial tax per ha (a lone \
            candidate gets both in full). Positioning and land are absolute. Compare scores within one run only.

            --out FILE.geojson writes a styled map of the parks by rank and the chosen blocks (the report still \
            goes to stdout); --out with any other name writes the report there.

            Exit 2 for an unknown industry or district code (a command-line value); a request no park can take \
            is a result (exit 0) that lists every park's reason and the largest available block.

            Definitions: docs/analyses.md §5 in the repository.
            """)

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "GB/T 4754-2017 code of the project, e.g. C3974.")
    var industry: String

    @Option(name: .customLong("area-ha"), parsing: .unconditional, help: "Land needed, hectares (> 0).")
    var areaHa: Double

    @Option(name: .long, help: "Only parks of this district or functional zone (its code).")
    var district: String?

    @Option(name: .long, parsing: .unconditional, help: "Show only the best K candidates (default: all).")
    var top: Int?

    func validate() throws {
        if !(areaHa.isFinite && areaHa > 0) { throw ValidationError("--area-ha must be a positive number of hectares, got \(areaHa)") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    var mapPath: String? {
        guard let out = output.out, out.lowercased().hasSuffix(".geojson") else { return nil }
        return out
    }

    func run() throws {
        let request: SitingRequest
        do {
            request = try SitingRequest.make(industry: industry, areaHectares: areaHa, district: district)
        } catch {
            throw CommandFailure.badCommandLine("--industry: \(error.description)")
        }
        let data = try dataset.load(quiet: output.quiet).dataset
        let result: SitingResult
        do {
            result = try Siting.evaluate(dataset: data, request: request, threads: dataset.threads.resolved)
        } catch let error as SitingError {
            // The request was checked before loading; what remains is the --district code, unknown to this dataset.
            throw CommandFailure.badCommandLine("--district: \(error.description)")
        }
        let render = SiteRendering(dataset: data, result: result, top: top)
        var reportOptions = output
        if let mapPath {
            do {
                try GeoJSONFile.write(render.map(), to: mapPath)
            } catch {
                throw CommandFailure.badInput("cannot write \(mapPath): \(error)")
            }
            reportOptions.out = nil
        }
        try ReportOutput.emit(reportOptions, leftOut: [data], table: render.table, json: render.json, csv: render.csv)
    }
}
