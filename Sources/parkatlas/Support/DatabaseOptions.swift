import ArgumentParser
import Foundation
import LayoutIO
import PostgreSQL

/// `--where SQL` and `--bbox lon1,lat1,lon2,lat2`: which rows of a PostgreSQL dataset
/// are read, evaluated in the database (docs/postgis.md, "Reading").
struct DatabaseFilterOptions: ParsableArguments {
    @Option(name: .customLong("where"), help: ArgumentHelp(
        "PostgreSQL dataset only: a SQL predicate evaluated in the database on each table having every column it names "
            + "(in districts, `district` is the code); parcels and enterprises lacking one are those on the selected "
            + "districts. E.g. \"district LIKE '5107%'\" for one city (docs/postgis.md).",
        valueName: "SQL"))
    var whereSQL: String?

    @Option(name: .long, help: ArgumentHelp(
        "PostgreSQL dataset only: read only rows whose geometry meets this lon/lat box (GiST index).",
        valueName: "lon1,lat1,lon2,lat2"))
    var bbox: String?

    mutating func validate() throws {
        if let whereSQL, whereSQL.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--where is empty")
        }
        _ = try parsedBox()
    }

    func parsedBox() throws -> (Double, Double, Double, Double)? {
        guard let bbox else { return nil }
        let parts = bbox.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, parts.allSatisfy({ $0 != nil && $0!.isFinite }) else {
            throw ValidationError("--bbox \(bbox): give four numbers lon1,lat1,lon2,lat2")
        }
        let v = parts.map { $0! }
        guard abs(v[0]) <= 180, abs(v[2]) <= 180, abs(v[1]) <= 90, abs(v[3]) <= 90 else {
            throw ValidationError("--bbox \(bbox): longitudes must be within ±180 and latitudes within ±90")
        }
        guard v[0] != v[2], v[1] != v[3] else { throw ValidationError("--bbox \(bbox): the box is empty") }
        return (v[0], v[1], v[2], v[3])
    }

    var filter: DatasetFilter { DatasetFilter(whereSQL: whereSQL, bbox: (try? parsedBox()) ?? nil) }
}

/// PostgreSQL URIs given on the command line, by their display form (password as `***`).
/// Commands print and report the display form only; the loader and writers look the
/// original up here when they connect.
enum DatabaseURIs {
    nonisolated(unsafe) private static var originals: [String: String] = [:]
    private static let lock = NSLock()

    /// The display form of `text` (itself when it is not a URI or has no password), remembering the original.
    static func register(_ text: String) -> String {
        guard PostgresURI.isURI(text) else { return text }
        let display = (try? PostgresURI(text))?.redacted ?? PostgresURI.displayOfUnparsable(text)
        lock.lock()
        defer { lock.unlock() }
        if display != text { originals[display] = text }
        return display
    }

    /// The URI as the user gave it, for connecting.
    static func original(_ display: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        return originals[display] ?? display
    }
}
