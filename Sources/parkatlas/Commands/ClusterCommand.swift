import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoJSON
import LayoutAnalysis
import LayoutIO
import LayoutModel
import Reporting

/// `parkatlas cluster [DATASET]`: DBSCAN per industry group, Clark–Evans NNI, Ripley K/L
/// with a CSR envelope (docs/analyses.md §3; JSON shape `cluster:` of docs/cli.md).
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "DBSCAN per industry, nearest-neighbour index and Ripley's K/L.",
        discussion: """
            Distances are metres in the dataset's local metric CRS (printed in the result).

            Groups: --industry C39 (comma list, one group per prefix); --level 1|2|3|4 groups by section, \
            division, group or class (2 when neither is given; with --industry it splits those).

            DBSCAN matches scikit-learn: neighbours at distance <= eps, min_points counts the point itself. \
            eps is a true (geodesic, GRS80) distance: pairs the CRS's scale error could misjudge are decided \
            by the ellipsoidal distance, so eps means the same metres across a province.

            --out FILE.geojson writes the map (points with cluster and role, cluster hulls, simplestyle keys) \
            and prints the report; --out with any other name writes the report there.

            The K envelope lists L(r) (envelope_low/high) and K(r) (envelope_low_k/high_k). --envelope auto (the default) \
            simulates groups of up to \(EnvelopeMethod.autoThreshold) points and uses the exact CSR variance of K above \
            (band E[K] ± z·sd, z = 2.326 for 99 simulations: the same pointwise level as their min/max); each group's \
            "envelope" key and the table say which was used.

            Cluster hulls: convex, or GEOS's concave hull (ratio 0.5) for clusters of 10 to 50 000 points when \
            it is one polygon covering at most 75 % of the convex hull's area.

            Definitions: docs/analyses.md §3 in the repository. Terms are explained in README.md#glossary in the \
            repository.
            """)

    @OptionGroup var dataset: DatasetArgument
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Industry code prefixes, comma-separated (e.g. C39 or C39,C13).")
    var industry: String?
    @Option(name: .long, parsing: .unconditional, help: "Group by code level: 1 section, 2 division, 3 group, 4 class.")
    var level: Int?
    @Option(name: .long, parsing: .unconditional, help: "DBSCAN radius in metres.")
    var eps: Double = 500
    @Option(name: .long, parsing: .unconditional, help: "DBSCAN core threshold, the point itself counted.")
    var minPoints: Int = 5
    @Option(name: .long, parsing: .unconditional, help: "Ripley K radii in metres, comma-separated.")
    var radii: String = ClusterOptions.defaultRadii.map { String(Int($0)) }.joined(separator: ",")
    @Option(name: .long, help: "Study area for NNI and K: bbox, parks or districts.")
    var studyArea: String = "bbox"
    @Option(name: .long, parsing: .unconditional, help: "CSR simulations for the K envelope (0 = none).")
    var simulations: Int = 99
    @Option(name: .long, parsing: .unconditional, help: "Seed of the CSR simulations.")
    var seed: UInt64 = 1
    @Option(name: .long, help: ArgumentHelp(
        "CSR envelope of K: simulation, analytic (exact CSR variance, normal band at the level of --simulations) or auto "
            + "(simulation up to \(EnvelopeMethod.autoThreshold) points in a group, analytic above).",
        valueName: "simulation|analytic|auto"))
    var envelope: String = "auto"

    func validate() throws {
        if let level, !(1...4).contains(level) { throw ValidationError("--level must be 1, 2, 3 or 4") }
        if !(eps >= 0.001 && eps <= 1e7) { throw ValidationError("--eps must be a positive number of metres, 0.001 to 10,000,000") }
        if !(1...1_000_000).contains(minPoints) { throw ValidationError("--min-points must be 1 to 1,000,000") }
        if !(0...9999).contains(simulations) { throw ValidationError("--simulations must be ≥ 0 (at most 9,999)") }
        if EnvelopeMethod(rawValue: envelope) == nil { throw ValidationError("--envelope must be simulation, analytic or auto") }
        if StudyAreaKind(rawValue: studyArea) == nil { throw ValidationError("--study-area must be bbox, parks or districts") }
        _ = try parsedRadii()
        _ = try parsedPrefixes()
    }

    func parsedRadii() throws -> [Double] {
        let values = radii.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        // 1 mm to 10,000 km: a smaller radius underflows a grid cell, a larger one exceeds any city.
        guard !values.isEmpty, values.allSatisfy({ $0.map { $0 >= 0.001 && $0 <= 1e7 } ?? false }) else {
            throw ValidationError("--radii must be positive metres (0.001 to 10,000,000), comma-separated, e.g. 250,500,1000")
        }
        return values.map { $0! }
    }

    func parsedPrefixes() throws -> [IndustryCode] {
        guard let industry else { return [] }
        return try industry.split(separator: ",").map {
            let text = $0.trimmingCharacters(in: .whitespaces)
            switch IndustryCode.parse(text) {
            case .success(let code): return code
            case .failure(let error): throw ValidationError("--industry: \(error)")
            }
        }
    }

    /// `--out` names a GeoJSON map rather than the report file.
    var writesMap: Bool { output.out.map { $0.lowercased().hasSuffix(".geojson") } ?? false }

    func run() throws {
        let loaded = try dataset.load(quiet: output.quiet, layers: [.enterprises], keepFeatures: writesMap)
        let options = ClusterOptions(
            grouping: IndustryGrouping(prefixes: try parsedPrefixes(), level: level.flatMap(IndustryLevel.init(rawValue:))),
            eps: eps, minPoints: minPoints, radii: try parsedRadii(), studyArea: StudyAreaKind(rawValue: studyArea)!,
            simulations: simulations, seed: seed, threads: dataset.threads.resolved,
            envelope: EnvelopeMethod(rawValue: envelope)!)
        let report: ClusterReport
        do {
            // A progress line on a terminal only (docs/cli.md): simulations on big groups take a while.
            let showProgress = Console.stderrIsTerminal && !output.quiet
            report = try ClusterAnalysis.run(dataset: loaded.dataset, options: options) { done, all, code in
                guard showProgress else { return }
                let line = done < all ? "\rcluster: group \(done + 1)/\(all) \(code)   " : "\r\u{1B}[K"
                FileHandle.standardError.write(Data(line.utf8))
            }
        } catch let error as AnalysisError {
            throw CommandFailure.badInput("cluster: \(error)")
        }
        var reportOptions = output
        if writesMap, let path = output.out {
            try writeMap(report, loaded: loaded, to: path)
            reportOptions.out = nil
        }
        try ReportOutput.emit(
            reportOptions, leftOut: [loaded.dataset], table: { ClusterTable.render(report) }, json: report.json,
            csv: { ClusterTable.csv(report) })
    }

    private func writeMap(_ report: ClusterReport, loaded: DatasetLoadResult, to path: String) throws {
        let enterprises = loaded.dataset.enterprises
        let raw = loaded.repairedFiles.first { $0.file == DatasetFile.enterprises }?.collection.features ?? []
        let map = report.mapFeatures(
            properties: { i in
                let index = enterprises.source(at: i).index
                return index < raw.count ? raw[index].properties : nil
            },
            location: { enterprises.location(at: $0) },
            industryColor: { [palette = CategoricalPalette(keys: report.industriesWithClusters)] in
                palette.color(for: $0) ?? ClusterReport.noiseColor
            })
        do {
            try GeoJSONFile.write(map, to: path)
        } catch {
            throw CommandFailure.badInput("cannot write \(path): \(error)")
        }
    }
}
