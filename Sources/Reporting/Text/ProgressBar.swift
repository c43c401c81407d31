import Foundation
import GeoCore

/// One line of a terminal progress bar, e.g.
/// `analyze: write tables [#########...........]  45% 450,000/1,000,000 rows 12.3 s`,
/// or, for a step that cannot count its work, `analyze: maps … 3.4 s`.
///
/// Pure text: the command redraws it in place with a carriage return (`\r`) at most ten
/// times a second, and only when stderr is a terminal (docs/cli.md).
public enum ProgressBar {
    /// What the counts measure: printed after them (bytes as megabytes, 10⁶ bytes).
    public enum Unit: Sendable, Equatable {
        case rows, groups, pages, files, phases
        case bytes

        var name: String {
            switch self {
            case .rows: "rows"
            case .groups: "groups"
            case .pages: "pages"
            case .files: "files"
            case .phases: "phases"
            case .bytes: "MB"
            }
        }
    }

    /// Characters of the bar between the brackets.
    public static let width = 20

    /// The bar of `done` out of `total` (clamped to 0…total), after `elapsed` seconds.
    /// The percentage and the filled cells are rounded down: 100 % only when all is done.
    public static func line(label: String, done: Int, total: Int, unit: Unit, elapsed: Double) -> String {
        let total = max(total, 0), done = min(max(done, 0), total)
        let filled = total == 0 ? width : done * width / total
        let percent = total == 0 ? 100 : done * 100 / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let counts: String
        switch unit {
        case .bytes:
            counts = "\(NumberText.grouped(Double(done) / 1e6, decimals: 1))/\(NumberText.grouped(Double(total) / 1e6, decimals: 1)) MB"
        default:
            counts = "\(NumberText.grouped(Double(done), decimals: 0))/\(NumberText.grouped(Double(total), decimals: 0)) \(unit.name)"
        }
        let pct = String(repeating: " ", count: 3 - String(percent).count) + String(percent)
        return "\(label) [\(bar)] \(pct)% \(counts) \(seconds(elapsed))"
    }

    /// A step that cannot count its work: the label and the time so far.
    public static func line(label: String, elapsed: Double) -> String {
        "\(label) … \(seconds(elapsed))"
    }

    static func seconds(_ s: Double) -> String { String(format: "%.1f s", max(s, 0)) }
}
