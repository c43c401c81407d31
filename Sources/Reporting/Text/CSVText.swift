import GeoJSON

/// RFC 4180 CSV text: the one writer every CSV table of ParkAtlas goes through.
///
/// A field is quoted when it holds a comma, a double quote, a carriage return
/// or a line feed; quotes inside are doubled. Rows end with "\n" (RFC 4180
/// says CRLF; every reader in use — Excel, pandas, Python's `csv`, LibreOffice —
/// accepts LF, and LF keeps the files diff-friendly).
public enum CSVText {
    /// The UTF-8 byte order mark that CSV *files* start with, so that Excel on
    /// Chinese Windows opens them as UTF-8 instead of GBK. Readers that know
    /// UTF-8 (pandas, Python's `utf-8-sig`, LibreOffice) skip it.
    public static let byteOrderMark = "\u{FEFF}"

    /// One field, quoted when needed.
    public static func field(_ s: String) -> String {
        // Fast path over the bytes: each of these characters holds one of these bytes, so a
        // field without them needs no quotes (the Character test below is ten times slower).
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as Swift prints it (shortest round-trip form); nil, NaN and infinities as an empty field.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return "\(value)"
    }

    /// One line: the fields quoted as needed, joined by commas, ending in "\n".
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A header line and the rows.
    public static func table(header: [String], rows: [[String]]) -> String {
        var out = row(header)
        for r in rows { out += row(r) }
        return out
    }
}

/// A CSV file written row by row into a sink (`AnalysisOutputFolder.csv(_:rows:)`): the
/// same bytes as `CSVText.row` joined, without the table ever being one String.
public final class CSVStream {
    let sink: ByteSink
    /// Rows written so far (the header included), and a callback every `progressStep` rows
    /// with that many rows, for a progress bar.
    public private(set) var rows = 0
    var onRows: ((Int) -> Void)?
    static let progressStep = 4096

    public init(sink: ByteSink, onRows: ((Int) -> Void)? = nil) {
        self.sink = sink
        self.onRows = onRows
    }

    /// One row: `CSVText.row(fields)`.
    public func row(_ fields: [String]) throws {
        try sink.write(text: CSVText.row(fields))
        rows += 1
        if rows % Self.progressStep == 0 { onRows?(Self.progressStep) }
    }

    /// Reports the rows not yet reported.
    func finish() { onRows?(rows % Self.progressStep) }
}
