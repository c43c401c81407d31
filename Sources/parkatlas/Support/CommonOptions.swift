import ArgumentParser
import Foundation
import PROJ

/// Output format of a report (table for people, json stable for scripts, csv for spreadsheets).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    /// The format a file name asks for by its extension: `.json`, `.csv`, `.txt`
    /// (table); nil for any other (e.g. `.geojson`, which names a map).
    init?(fileExtensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "txt", "text": self = .table
        default: return nil
        }
    }
}

/// Options every report-printing command shares.
///
/// The format is `--format` when given, else the extension of `--out`
/// (`stats --out s.json` writes JSON, `check --out f.csv` CSV), else a table.
/// A `--format` that contradicts `--out`'s extension is a command-line error.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv (default: from the --out extension .json/.csv/.txt, else table).")
    var format: OutputFormat?

    @Option(name: .long, help: "Write the report to this file (atomically) instead of stdout.")
    var out: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let out { try Self.requireParentFolder(of: out, option: "--out") }
        if let format, let out, let implied = OutputFormat(fileExtensionOf: out), implied != format {
            throw ValidationError("--format \(format.rawValue) contradicts --out \(out), whose extension asks for \(implied.rawValue)")
        }
    }

    /// An output file must go into an existing folder: a missing one is a command-line error (exit 2),
    /// found before any work is done.
    static func requireParentFolder(of path: String, option: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(option) \(path): the folder \(parent) does not exist")
        }
    }

    /// The report's format: `--format`, else `--out`'s extension, else table.
    var resolvedFormat: OutputFormat {
        format ?? out.flatMap(OutputFormat.init(fileExtensionOf:)) ?? .table
    }
}

/// `--datum wgs84|gcj02|bd09`: the web-map datum input coordinates are in.
struct DatumOption: ParsableArguments {
    /// Nil when not given: policy.json's `coordinate_system` then decides (WGS84 without one).
    @Option(name: .long, help: "Datum of the input coordinates: wgs84, gcj02 (Amap/Tencent) or bd09 (Baidu); overrides policy.json's coordinate_system.")
    var datum: Datum?
}

extension Datum: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--threads N`: worker threads for heavy work; default all cores.
struct ThreadsOption: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var resolved: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// Paths named on the command line. One rule for every command: a path that
/// does not exist is a command-line error (exit 2); a file that exists but
/// holds bad data is an input error (exit 3).
enum InputPaths {
    static func requireFile(_ path: String, what: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(path): no such \(what)")
        }
        if isFolder.boolValue { throw ValidationError("\(path): is a folder, not a \(what)") }
    }
}
