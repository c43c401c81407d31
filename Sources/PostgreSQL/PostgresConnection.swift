import CPQ
import Foundation
import GeoCore

/// Facts about this module's handle bookkeeping.
///
/// ## Why libpq and not GDAL's PostgreSQL driver
/// ParkAtlas talks to PostgreSQL through libpq directly (C interop, module `CPQ`):
/// - bulk speed: reads go through a **binary** cursor (`DECLARE … BINARY CURSOR`,
///   `FETCH n` in batches) with geometry as WKB (`ST_AsBinary`), decoded in Swift;
///   writes go through **binary COPY** (`COPY … FROM STDIN (FORMAT binary)`) with
///   EWKB geometry. GDAL's driver reads through a text cursor (hex-encoded WKB,
///   every number printed and parsed) and writes text COPY.
/// - transactions under our control: a whole dataset, or a whole analysis run, is
///   one `BEGIN … COMMIT` on one connection, so it lands all at once or not at
///   all; GDAL opens and commits transactions per layer on its own terms.
/// - bound parameters for every value (`PQexecParams`), and libpq's own URI
///   parsing, `PGPASSWORD`, `~/.pgpass`, `sslmode`, connect timeout, keepalives.
public enum PostgresLibrary {
    /// Every live libpq object owned by this module: connections and results.
    /// Tests assert it returns to its starting value.
    public static let handleCounter = HandleCounter(name: "libpq")
    public static var liveHandles: Int { handleCounter.liveCount }
}

/// Every failure of the database layer, with a message fit for the user (never a password).
public enum PostgresError: Error, Sendable, CustomStringConvertible {
    case badURI(String, String)
    case connection(String, String)
    case query(String, String)
    case data(String)

    public var description: String {
        switch self {
        case let .badURI(uri, reason): "\(uri): bad PostgreSQL URI: \(reason)"
        case let .connection(uri, message): "\(uri): cannot connect: \(message)"
        case let .query(what, message): "\(what): \(message)"
        case let .data(message): message
        }
    }
}

/// The single owner of one `PGresult`, cleared in `deinit`.
public final class PostgresResult {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
        PostgresLibrary.handleCounter.retain()
    }

    deinit {
        PQclear(pointer)
        PostgresLibrary.handleCounter.release()
    }

    public var rowCount: Int { Int(PQntuples(pointer)) }
    public var columnCount: Int { Int(PQnfields(pointer)) }

    public func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(pointer, Int32(row), Int32(column)) != 0 }

    /// The value as text (text-format results), nil for SQL NULL.
    public func text(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column), let p = PQgetvalue(pointer, Int32(row), Int32(column)) else { return nil }
        return String(cString: p)
    }

    /// The raw bytes of a value (binary-format results), nil for SQL NULL.
    public func bytes(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer? {
        guard !isNull(row, column), let p = PQgetvalue(pointer, Int32(row), Int32(column)) else { return nil }
        return UnsafeRawBufferPointer(start: p, count: Int(PQgetlength(pointer, Int32(row), Int32(column))))
    }

    public func columnType(_ column: Int) -> UInt32 { PQftype(pointer, Int32(column)) }
}

/// One connection (`PGconn`), closed in `deinit`. Used by one thread at a time.
///
/// Nothing hangs: the URI gets `connect_timeout` (10 s unless given) and TCP
/// keepalives, and every session a `statement_timeout`
/// (`PARKATLAS_PG_STATEMENT_TIMEOUT`, default 10 min) and
/// `idle_in_transaction_session_timeout` so a killed client's transaction is
/// rolled back by the server.
public final class PostgresConnection {
    let pointer: OpaquePointer
    public let uri: PostgresURI

    public convenience init(uri text: String) throws(PostgresError) {
        try self.init(uri: PostgresURI(text))
    }

    public init(uri: PostgresURI) throws(PostgresError) {
        self.uri = uri
        var conninfo = uri.connectionString
        for (key, value) in [("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3")]
        where !conninfo.contains(key + "=") {
            conninfo += (conninfo.contains("?") ? "&" : "?") + key + "=" + value
        }
        guard let conn = PQconnectdb(conninfo) else {
            throw .connection(uri.redacted, "libpq could not allocate a connection")
        }
        pointer = conn
        PostgresLibrary.handleCounter.retain()
        guard PQstatus(conn) == CONNECTION_OK else {
            throw .connection(uri.redacted, lastMessage())
        }
        let timeout = ProcessInfo.processInfo.environment["PARKATLAS_PG_STATEMENT_TIMEOUT"] ?? "600s"
        _ = try execute(
            "SELECT set_config('statement_timeout', $1, false), set_config('idle_in_transaction_session_timeout', '60s', false), "
                + "set_config('client_min_messages', 'warning', false)",
            [timeout], what: "setting timeouts")
    }

    deinit {
        PQfinish(pointer)
        PostgresLibrary.handleCounter.release()
    }

    /// libpq's last message for this connection, one line, password scrubbed.
    func lastMessage() -> String {
        let raw = PQerrorMessage(pointer).map { String(cString: $0) } ?? "unknown libpq error"
        return uri.scrub(raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "; "))
    }

    /// Runs one statement with bound parameters (text format; nil is SQL NULL).
    /// - Parameter binary: ask for binary-format results.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = [], binary: Bool = false, what: String? = nil) throws(PostgresError) -> PostgresResult {
        let result: OpaquePointer? = withCStrings(parameters) { values in
            PQexecParams(pointer, sql, Int32(parameters.count), nil, values, nil, nil, binary ? 1 : 0)
        }
        return try check(result, what: what ?? Self.shortened(sql))
    }

    func check(_ result: OpaquePointer?, what: String) throws(PostgresError) -> PostgresResult {
        guard let result else { throw .query("\(uri.redacted): \(what)", lastMessage()) }
        let owned = PostgresResult(taking: result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN, PGRES_COPY_OUT:
            return owned
        default:
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
            let text = message.isEmpty ? lastMessage() : uri.scrub(message.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\n", with: "; "))
            throw .query("\(uri.redacted): \(what)", text)
        }
    }

    /// Runs one statement that may fail for an expected reason: nil when it succeeds,
    /// else the SQLSTATE of the failure (e.g. `42703`, undefined column) and the error
    /// the caller throws when that reason is not the expected one. Only errors reported
    /// by the server come back here; a lost connection throws.
    public func attempt(_ sql: String, what: String) throws(PostgresError) -> (sqlState: String, error: PostgresError)? {
        guard let result = PQexecParams(pointer, sql, 0, nil, nil, nil, nil, 0) else {
            throw .query("\(uri.redacted): \(what)", lastMessage())
        }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        do {
            _ = try check(result, what: what)
            return nil
        } catch {
            guard let state, PQstatus(pointer) == CONNECTION_OK else { throw error }
            return (state, error)
        }
    }

    /// Runs `body` inside `BEGIN … COMMIT`; rolls back when it throws.
    public func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        try execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if PQstatus(pointer) == CONNECTION_OK { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Sends `data` (a whole binary COPY stream, see `BinaryCopyEncoder`) to `COPY … FROM STDIN`.
    public func copyIn(_ sql: String, data: [UInt8], what: String) throws(PostgresError) {
        _ = try execute(sql, what: what)
        var offset = 0
        let chunk = 1 << 20
        while offset < data.count {
            let n = min(chunk, data.count - offset)
            let sent = data.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: n) {
                    PQputCopyData(pointer, $0, Int32(n))
                }
            }
            guard sent == 1 else { throw .query("\(uri.redacted): \(what)", lastMessage()) }
            offset += n
        }
        guard PQputCopyEnd(pointer, nil) == 1 else { throw .query("\(uri.redacted): \(what)", lastMessage()) }
        var firstError: PostgresError?
        while let result = PQgetResult(pointer) {
            do { _ = try check(result, what: what) } catch { if firstError == nil { firstError = error } }
        }
        if let firstError { throw firstError }
    }

    static func shortened(_ sql: String) -> String {
        let line = sql.replacingOccurrences(of: "\n", with: " ")
        return line.count > 80 ? String(line.prefix(77)) + "…" : line
    }
}

/// Calls `body` with C strings for `values` (nil stays NULL), valid for the call.
func withCStrings<R>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0) } ?? nil }
    defer { for p in pointers { free(p) } }
    return body(pointers.map { $0.map { UnsafePointer($0) } })
}
