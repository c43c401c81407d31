import ArgumentParser
import Foundation
import GeoCore
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas stats [DATASET]`: land-use statistics and intensive-use
/// indicators per park, per district and for the whole dataset (docs/analyses.md §2).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Land-use statistics and intensive-use indicators per park, district and total.",
        discussion: """
            Areas are ellipsoidal (GRS80, PROJ's geodesic polygon area). Parcels crossing a unit's boundary \
            count with their part inside, attributes apportioned by area share; the total takes every parcel \
            whole, its area being that of the union of the administrative districts.

            --format json gives m²; tables show ha and 亩. --format csv writes one row per unit and land-use \
            class, or with --enterprises one row per enterprise of the per-mu benefit table.

            Definitions: docs/analyses.md §2 in the repository. Terms are explained in README.md#glossary in the \
            repository.
            """)

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .unconditional, help: "Land-use class level: 1, 2 or 3.")
    var level: Int = 2

    @Flag(name: .long, help: "Add the per-mu benefit (亩均效益) table of the enterprises.")
    var enterprises = false

    func validate() throws {
        if !(1...3).contains(level) { throw ValidationError("--level must be 1, 2 or 3") }
    }

    func run() throws {
        // Enterprises are read only for the per-mu table.
        let data = try dataset.load(quiet: output.quiet, layers: enterprises ? .all : [.parcels]).dataset
        let threads = dataset.threads.resolved
        let overlay = try ParcelOverlay(parcels: data.parcels, threads: threads)
        let report = try LandUseStatistics.compute(dataset: data, level: level, threads: threads, overlay: overlay)
        let benefit = enterprises
            ? PerMuBenefit.evaluate(enterprises: data.enterprises, parcels: data.parcels, parcelAreas: overlay.parcelAreas,
                                    policy: data.policy.benefit)
            : nil
        let render = StatsRendering(dataset: dataset.dataset, report: report, benefit: benefit)
        try ReportOutput.emit(
            output, leftOut: [data], table: render.table, json: render.json,
            csv: benefit != nil ? render.benefitCSV : render.classCSV)
    }
}
