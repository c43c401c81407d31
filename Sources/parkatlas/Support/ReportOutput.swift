import Foundation
import GeoCore
import GeoJSON
import LayoutIO
import LayoutModel

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

/// Number formatting for tables: thousands separators, fixed decimals.
enum NumberText {
    /// `value` with `decimals` fixed decimals and thousands separators ("20,280.68").
    /// Hand-rolled: Foundation's NumberFormatter on Linux ignores fraction-digit settings.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let plain = unsignedZero(String(format: "%.\(decimals)f", value))
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var out = (negative ? "-" : "") + groups.joined(separator: ",")
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        return unsignedZero(String(format: "%.\(decimals)f", value))
    }

    /// "-0.000" (a tiny negative rounded away) printed as "0.000".
    static func unsignedZero(_ text: String) -> String {
        guard text.hasPrefix("-"), !text.contains(where: { ("1"..."9").contains($0) }) else { return text }
        return String(text.dropFirst())
    }
}

/// A plain-text table with aligned columns; widths count CJK characters as two cells.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns to right-align (numbers).
    var rightAligned: Set<Int> = []

    func render(indent: String = "") -> String {
        var widths = headers.map(Self.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], Self.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - Self.displayWidth(cell)))
                parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            return indent + parts.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [line(headers), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// `s` cut to at most `width` terminal cells, with "…" when cut.
    static func truncated(_ s: String, width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        var out = ""
        for ch in s {
            if displayWidth(out + String(ch)) > width - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// Terminal cells: East Asian wide characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return w + (wide ? 2 : 1)
        }
    }
}
