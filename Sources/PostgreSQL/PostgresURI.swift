import Foundation

/// A `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME?schema=S` address
/// (docs/postgis.md, "Addressing").
///
/// libpq parses the URI itself (so `PGPASSWORD`, `~/.pgpass`, `sslmode=`,
/// `host=/socket/dir` and every other libpq parameter work as documented by
/// PostgreSQL); this type only takes out `schema=`, which is ours, adds a
/// connect timeout when the URI has none, and gives the URI for display with
/// its password replaced by `***`.
public struct PostgresURI: Sendable, Hashable, CustomStringConvertible {
    /// The URI as given (may hold a password: never print it, print `redacted`).
    public let original: String
    /// The schema holding the tables (`schema=`; `public` when absent).
    public let schema: String
    /// What libpq is given: the URI without `schema=`, with `connect_timeout`.
    public let connectionString: String
    /// The password written in the URI, if any (only to scrub messages).
    let password: String?

    /// Default seconds libpq waits for a connection when the URI does not say.
    public static let defaultConnectTimeout = 10

    /// Whether `text` is a PostgreSQL URI rather than a path.
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ text: String) throws(PostgresError) {
        original = text
        guard Self.isURI(text) else {
            throw .badURI(Self.redact(text, password: nil), "must start with postgresql:// (or postgres://)")
        }
        // libpq accepts "postgresql://" with everything optional; we want an explicit database.
        guard let components = URLComponents(string: text) else {
            throw .badURI(Self.redact(text, password: nil), "not a valid URI (special characters in the password must be percent-encoded)")
        }
        password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        let display = Self.redact(text, password: password)
        let database = String(components.percentEncodedPath.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .badURI(display, "no database name (postgresql://USER@HOST[:PORT]/DBNAME?schema=S)")
        }
        var schema = "public"
        var others: [URLQueryItem] = []
        var hasTimeout = false
        for item in components.queryItems ?? [] {
            if item.name == "schema" {
                guard let value = item.value, !value.isEmpty else { throw .badURI(display, "schema= is empty") }
                schema = value
            } else {
                if item.name == "connect_timeout" { hasTimeout = true }
                others.append(item)
            }
        }
        if !hasTimeout { others.append(URLQueryItem(name: "connect_timeout", value: String(Self.defaultConnectTimeout))) }
        if !others.contains(where: { $0.name == "application_name" }) {
            others.append(URLQueryItem(name: "application_name", value: "parkatlas"))
        }
        var stripped = components
        stripped.queryItems = others
        self.schema = schema
        guard let string = stripped.string else { throw .badURI(display, "not a valid URI") }
        connectionString = string
    }

    /// The URI with its password shown as `***`.
    public var redacted: String { Self.redact(original, password: password) }

    public var description: String { redacted }

    /// Replaces a password (the text between `user:` and `@` of the authority) with `***`,
    /// and any literal occurrence of `password` too.
    static func redact(_ text: String, password: String?) -> String {
        var out = text
        if let schemeEnd = out.range(of: "://") {
            let rest = out[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        return scrub(out, password: password)
    }

    /// `message` with the password (plain and percent-encoded) replaced by `***`.
    static func scrub(_ message: String, password: String?) -> String {
        guard let password, !password.isEmpty else { return message }
        var out = message.replacingOccurrences(of: password, with: "***")
        if let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != password {
            out = out.replacingOccurrences(of: encoded, with: "***")
        }
        return out
    }

    /// `message` with this URI's password scrubbed.
    public func scrub(_ message: String) -> String { Self.scrub(message, password: password) }
}

/// A quoted SQL identifier: `"name"` with inner quotes doubled. Every schema,
/// table and column name that reaches SQL text goes through this.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// `"schema"."table"`.
public func qualifiedName(_ schema: String, _ table: String) -> String {
    quoteIdentifier(schema) + "." + quoteIdentifier(table)
}

extension PostgresURI {
    /// The display form of a text that does not parse as a URI: its authority's password as `***`.
    public static func displayOfUnparsable(_ text: String) -> String { redact(text, password: nil) }
}
