import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import LayoutModel
import Reporting

/// Delivers a finished report to stdout or, with `--out`, atomically to a file.
enum ReportOutput {
    static func emit(_ text: String, options: OutputOptions) throws {
        if let path = options.out {
            do {
                try AtomicFileWriter.write(to: path) { sink in try sink.write(text: text) }
            } catch {
                throw CommandFailure.badInput("cannot write \(path): \(error)")
            }
        } else if !options.quiet {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// A CSV table: files start with a UTF-8 byte order mark (Excel on Chinese
    /// Windows then reads the names right), stdout gets none (it feeds pipes).
    static func emit(csv text: String, options: OutputOptions) throws {
        try emit(options.out == nil ? text : CSVText.byteOrderMark + text, options: options)
    }

    /// The report in `options.resolvedFormat`, rendered only in that format; a
    /// format a command does not offer never reaches here (`validate()` refuses it).
    static func emit(
        _ options: OutputOptions, leftOut datasets: [Dataset]? = nil, table: () throws -> String, json: () throws -> JSONValue,
        csv: (() throws -> String)? = nil
    ) throws {
        switch options.resolvedFormat {
        case .json:
            let report = try json()
            try emit(json: datasets.map { LeftOutNote.adding(to: report, $0) } ?? report, options: options)
        case .csv:
            guard let csv else { throw CommandFailure.badCommandLine("this command has no CSV output; use --format table or json") }
            try emit(csv: try csv(), options: options)
        case .table:
            try emit(try table() + LeftOutNote.text(datasets ?? []), options: options)
        }
    }

    /// The report as pretty JSON with a final newline, streamed into the file (no
    /// intermediate string: `check` on 10⁶ enterprises writes ~130 MB).
    static func emit(json: JSONValue, options: OutputOptions) throws {
        if let path = options.out {
            do {
                try JSONText.write(json, to: path, pretty: true)
            } catch {
                throw CommandFailure.badInput("cannot write \(path): \(error)")
            }
        } else if !options.quiet {
            var bytes = try JSONText.serialize(json, pretty: true)
            bytes.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
