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
