import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas compare OLD NEW`: what changed between two snapshots of a city
/// (docs/analyses.md §6 加强动态评估认定).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two snapshots (years) of a dataset: indicators, land transitions, enterprise movements.",
        discussion: """
            Parks, parcels and enterprises are matched by id. Land-use and status transitions come from the GEOS \
            overlay (intersection) of the old and new parcels, areas ellipsoidal (GRS80). An enterprise's park \
            is the smallest park covering it in each year.

            --out FILE.geojson writes a map (atomically): every new parcel coloured by its change (unchanged \
            grey, idle_to_built green, newly_built light green, built_to_idle red, status_changed orange, \
            land_use_changed purple, new blue), moved enterprises as LineStrings from the old to the new \
            location, entered (green) and exited (red) enterprises as points, with their input properties; \
            simplestyle keys; the report then goes to stdout. --out with any other name writes the report \
            there, in the format its extension asks for (.json, .csv, .txt). --format csv gives one row per \
            unit (the city, then each park) and indicator.

            JSON (--format json), stable snake_case keys; m², 万元, ratios 0–1, null when a denominator is zero:
              {"old", "new", "level", "area_method",
               "city": {"indicators": [INDICATOR], "leading_industry_share": DELTA,
                        "per_mu": PER_MU,
                        "industrial_in_parks": {"count_old", "count_inside_old",
                                                "count_new", "count_inside_new",
                                                "count_share": DELTA,
                                                "output_share": DELTA},
                        "land_use_transitions": MATRIX, "status_transitions": MATRIX},
               "parks": [{"id", "name", "in_old", "in_new", "indicators": [INDICATOR],
                          "leading_industry_share": DELTA, "per_mu": PER_MU,
                          "land_use_transitions": MATRIX, "status_transitions": MATRIX,
                          "enterprises": {"entered", "exited", "moved_in", "moved_out",
                                          "industry_changed"},
                          "positioning": {"main_added", "main_removed",
                                          "featured_added", "featured_removed",
                                          "featured_status_old",
                                          "featured_status_new"} | null}],
               "enterprises": {"matched", "entered", "exited", "moved_between_parks",
                               "moved_into_park", "moved_out_of_park", "relocated",
                               "industry_changed",
                               "changes": [{"id", "name", "change", "old_park",
                                            "new_park", "distance_m"}],
                               "industry_changes": [{"id", "name", "old_industry",
                                                     "new_industry"}]},
               "parcels": {"old", "new", "matched_ids",
                           "changes": [{"change", "name_zh", "count", "area_m2"}]}}
              INDICATOR = {"key", "name_zh", "name_en", "old", "new", "delta"}
              DELTA     = {"old", "new", "delta"}            delta = new − old
              PER_MU    = {"enterprises", "revenue_per_mu_old", "revenue_per_mu_new",
                           "revenue_per_mu_growth", "tax_per_mu_old", "tax_per_mu_new",
                           "tax_per_mu_growth"}         万元/亩, growth = new/old − 1
              MATRIX    = {"cells": [{"from", "to", "area_m2"}],
                           "from_totals": [{"code", "area_m2"}],
                           "to_totals": [{"code", "area_m2"}]}

            Per-mu figures cover the enterprises present in both years with land in both (per park: the park \
            they are in now). Park matrices count each overlay piece with the share of its new parcel inside the \
            park.

            Definitions: docs/analyses.md §6 in the repository.
            """)

    @Argument(help: "The earlier dataset folder.") var old: String
    @Argument(help: "The later dataset folder.") var new: String

    @Option(name: .long, parsing: .unconditional, help: "Land-use class level of the transition matrix: 1 or 2.") var level: Int = 2
    @OptionGroup var output: OutputOptions
    @OptionGroup var datum: DatumOption
    @OptionGroup var threads: ThreadsOption

    func validate() throws {
        if !(1...2).contains(level) { throw ValidationError("--level must be 1 or 2") }
    }

    func run() throws {
        let quiet = output.quiet
        let oldData = try Self.load(old, datum: datum, threads: threads, quiet: quiet)
        let newData = try Self.load(new, datum: datum, threads: threads, quiet: quiet)
        try SnapshotPlausibility.check(oldName: old, old: oldData, newName: new, new: newData, quiet: quiet)
        let comparison = try SnapshotComparison.compare(old: oldData, new: newData, level: level, threads: threads.resolved)
        let rendering = CompareRendering(oldName: old, newName: new, old: oldData, new: newData, comparison: comparison)
        var reportOptions = output
        if let out = output.out, out.lowercased().hasSuffix(".geojson") {
            do {
                try GeoJSONFile.write(rendering.changeMap(), to: out)
            } catch {
                throw CommandFailure.badInput("cannot write \(out): \(error)")
            }
            reportOptions.out = nil
        }
        try ReportOutput.emit(
            reportOptions, leftOut: [oldData, newData], table: rendering.table, json: rendering.json, csv: rendering.csv)
    }

    /// Loads one snapshot as `DatasetArgument` does (exit 3 on data errors).
    static func load(_ folder: String, datum: DatumOption, threads: ThreadsOption, quiet: Bool) throws -> Dataset {
        try DatasetArgument.load(folder: folder, datum: datum.datum, threads: threads.resolved, quiet: quiet).dataset
    }
}
