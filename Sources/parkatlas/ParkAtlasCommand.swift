import ArgumentParser
import Foundation
import GDAL
import GEOS
import PROJ

/// `parkatlas`: the command-line face of ParkAtlas.
///
/// Each subcommand parses its options, calls one library function and prints
/// the result. Errors of every kind become a message and an exit code in one
/// place (`ExitStatus`), so the codes documented in docs/cli.md hold everywhere.
@main
struct ParkAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkatlas",
        abstract: "Spatial layout analysis of industrial parks.",
        discussion: """
            Exit codes: 0 success; 1 `check` found findings at or above --fail-on; 2 bad command line; 3 bad \
            input data.

            The terms of the reports (Gi*, Clark–Evans NNI, Ripley's K/L, CSR, LQ, HHI, Ellison–Glaeser γ, CLQ, \
            the land categories A2, B21, B22, G, D, and the units 亩 and 万元) are explained in the Glossary of the \
            repository's README (README.md#glossary). What each analysis computes, exactly: docs/analyses.md; the dataset \
            format: docs/dataset.md and GeoData/README.md.
            """,
        version: "0.1.0",
        subcommands: [
            InfoCommand.self, ConvertCommand.self, ValidateCommand.self, StatsCommand.self,
            ClusterCommand.self, HotspotsCommand.self, AgglomerationCommand.self, CheckCommand.self, SiteCommand.self,
            ExportCommand.self, MapCommand.self, CompareCommand.self, EvaluateCommand.self, SynthCommand.self,
            AnalyzeCommand.self, ImportCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            reportLiveHandlesIfAsked()
        } catch {
            reportLiveHandlesIfAsked()
            ExitStatus.exit(for: error, command: Self.self)
        }
    }

    /// With PARKATLAS_REPORT_HANDLES=1, prints the GEOS geometries and PROJ
    /// objects still alive when the command ends; the tests assert zero.
    private static func reportLiveHandlesIfAsked() {
        guard ProcessInfo.processInfo.environment["PARKATLAS_REPORT_HANDLES"] == "1" else { return }
        // Per-thread caches of ready transformations are owned by their thread; drop this one's.
        PROJ.releaseCachedTransformations()
        Console.error("live handles: GEOS \(GEOSLibrary.liveHandles), PROJ \(PROJ.liveHandles.liveCount), GDAL \(GDALLibrary.liveHandles)")
    }
}
