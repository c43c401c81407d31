import Foundation

/// A real, throw-away PostgreSQL + PostGIS server for tests (docs/postgis.md,
/// "Running the real thing in tests"). No mock.
///
/// Steps (the same by hand):
/// 1. `initdb -D TMP/data -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 --pwfile=TMP/pw`
///    in a fresh temporary folder owned by the unprivileged `postgres` user (the
///    Debian package's); as root every server command runs under `runuser -u postgres --`.
/// 2. `pg_ctl -D TMP/data -l TMP/log -w -t 60 start -o "-p PORT -k TMP -c listen_addresses=127.0.0.1
///    -c fsync=off -c shared_preload_libraries=pg_stat_statements"` on a free port.
/// 3. `CREATE DATABASE template_postgis; CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements`;
///    each test database is `CREATE DATABASE x TEMPLATE template_postgis`.
/// 4. `pg_ctl -D TMP/data stop -m fast` and the folder removed: in `stop()`, at process
///    exit, and by a watchdog shell that stops the server when the test process is
///    gone (so a crashed test run leaves no server behind).
///
/// Binaries come from `pg_config --bindir` (Debian: /usr/lib/postgresql/15/bin).
public final class PostgresServer: @unchecked Sendable {
    public let folder: String
    public let port: Int
    public let password: String
    public let bin: String
    private let lock = NSLock()
    private var running = false

    /// One server per test process, started on first use.
    public static let shared: Result<PostgresServer, Error> = Result { try PostgresServer() }

    /// The shared server, or the reason it could not start (a test using it then fails).
    public static func get() throws -> PostgresServer { try shared.get() }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    init() throws {
        bin = try Self.binDirectory()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parkatlas-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        folder = base
        password = "pw-\(UInt64.random(in: 0...UInt64.max))"
        port = try Self.freePort()
        try password.write(toFile: base + "/pw", atomically: true, encoding: .utf8)
        if Self.isRoot { try Self.run("/bin/chown", ["-R", "postgres:postgres", base]) }
        try asServerUser("\(bin)/initdb", [
            "-D", base + "/data", "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--pwfile=" + base + "/pw", "--no-sync",
        ])
        try start()
        atexit { if case .success(let server) = PostgresServer.shared { server.stop(removing: true) } }
        // Watchdog: when this process is gone (a crash, kill -9), stop the server and remove the folder.
        let watchdog = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            \(Self.isRoot ? "runuser -u postgres -- " : "")\(bin)/pg_ctl -D \(base)/data stop -m immediate >/dev/null 2>&1
            rm -rf \(base)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", watchdog]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try psql("CREATE DATABASE template_postgis", database: "postgres")
        try psql("CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements;", database: "template_postgis")
    }

    /// Starts (or restarts) the server.
    public func start() throws {
        // The server inherits pg_ctl's output: files, not pipes (a pipe would never reach end-of-file).
        try asServerUser(detachedOutput: folder + "/pg_ctl.out", "\(bin)/pg_ctl", [
            "-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60", "start", "-o",
            "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
                + "-c shared_preload_libraries=pg_stat_statements -c max_connections=50",
        ])
        lock.withLock { running = true }
    }

    /// Stops the server at once (`-m immediate`: like a crash or a pulled cable for clients).
    public func stopImmediately() throws {
        try asServerUser("\(bin)/pg_ctl", ["-D", folder + "/data", "stop", "-m", "immediate", "-w"])
        lock.withLock { running = false }
    }

    public func stop(removing: Bool) {
        let wasRunning = lock.withLock { running }
        if wasRunning { _ = try? asServerUser("\(bin)/pg_ctl", ["-D", folder + "/data", "stop", "-m", "fast", "-w"]) }
        lock.withLock { running = false }
        if removing { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// A new database with PostGIS, named uniquely from `prefix`.
    public func createDatabase(_ prefix: String) throws -> String {
        let name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))".lowercased()
        try psql("CREATE DATABASE \(name) TEMPLATE template_postgis", database: "postgres")
        return name
    }

    /// `postgresql://postgres:PASSWORD@127.0.0.1:PORT/DATABASE?schema=SCHEMA` (TCP, password authentication).
    public func uri(database: String, schema: String, password: String? = nil) -> String {
        "postgresql://postgres:\(password ?? self.password)@127.0.0.1:\(port)/\(database)?schema=\(schema)"
    }

    /// Runs SQL with `psql` (an independent client) and returns its unaligned, tuples-only output.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try Self.run("\(bin)/psql", [
            "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-c", sql,
        ], environment: ["PGPASSWORD": password]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func asServerUser(detachedOutput: String? = nil, _ tool: String, _ arguments: [String]) throws {
        if Self.isRoot {
            try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", tool] + arguments, outputFile: detachedOutput)
        } else {
            try Self.run(tool, arguments, outputFile: detachedOutput)
        }
    }

    static var isRoot: Bool { geteuid() == 0 }

    static func binDirectory() throws -> String {
        for candidate in ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]
        where FileManager.default.isExecutableFile(atPath: candidate + "/initdb") {
            return candidate
        }
        let dir = try run("/usr/bin/env", ["pg_config", "--bindir"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.isExecutableFile(atPath: dir + "/initdb") else {
            throw Failure(description: "PostgreSQL server binaries not found (scripts/setup.sh installs postgresql and postgis)")
        }
        return dir
    }

    /// A port nothing listens on now (bound to port 0, then released).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// posix_spawn with stdin /dev/null and stdout+stderr to `output`; waits and returns the exit status.
    static func spawnAndWait(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard rc == 0 else { throw Failure(description: "cannot start \(argv[0]): error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs a program, returns stdout; throws with stderr on a non-zero exit.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], outputFile: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let outputFile {
            // Not Foundation's Process: it sees a child end only when every inheritor of its
            // status descriptor has, and the server started by pg_ctl would inherit it.
            let status = try spawnAndWait([tool] + arguments, output: outputFile)
            guard status == 0 else {
                throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
                    + ((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""))
            }
            return ""
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.prefix(3).joined(separator: " ")) … exited \(process.terminationStatus): "
                + String(decoding: errBox.data, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
