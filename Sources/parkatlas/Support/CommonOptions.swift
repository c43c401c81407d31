import ArgumentParser
import Foundation
import PROJ

/// Output format of a report (docs/cli.md: table for people, json stable for scripts, csv for tables).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Options every report-printing command shares.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Write the report to this file (atomically) instead of stdout.")
    var out: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false
}

/// `--datum wgs84|gcj02|bd09`: the web-map datum input coordinates are in.
struct DatumOption: ParsableArguments {
    @Option(name: .long, help: "Datum of the input coordinates: wgs84, gcj02 (Amap/Tencent) or bd09 (Baidu).")
    var datum: Datum = .wgs84
}

extension Datum: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--threads N`: worker threads for heavy work; default all cores.
struct ThreadsOption: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var resolved: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
