import Foundation
import Logging
import NIOPosix
import Synchronization

/// A private PostgreSQL cluster owned by this process: the embedded default when no
/// `CLV_DATABASE_URL` is given, and the throwaway database of the test suites.
///
/// Layout under `dataDirectory`: `pgdata/` is the cluster, `password` (mode 600) holds the
/// superuser `clv`'s random password, `postgres.log` is the server log. The server listens only
/// on 127.0.0.1 (no Unix socket). As root, the cluster is owned and run by the `postgres` account.
/// Call `start`, `stop` and `restart` one at a time.
public final class EmbeddedPostgres: Sendable {
    /// Absolute path of the directory holding the cluster.
    public let dataDirectory: String
    let logger: Logger
    /// Extra server settings (`-c name=value`), e.g. `fsync=off` for throwaway test clusters.
    let serverSettings: [String: String]
    /// The port of the last start, reused by `restart`.
    private let lastPort = Mutex<Int?>(nil)

    var clusterDirectory: String { dataDirectory + "/pgdata" }
    var passwordFile: String { dataDirectory + "/password" }
    var logFile: String { dataDirectory + "/postgres.log" }

    /// Describes a cluster in `dataDirectory` (made absolute); nothing happens until `start()`.
    public convenience init(dataDirectory: String, logger: Logger) {
        self.init(dataDirectory: dataDirectory, logger: logger, serverSettings: [:])
    }

    /// Like `init(dataDirectory:logger:)`, with server settings passed as `-c name=value`.
    public init(dataDirectory: String, logger: Logger, serverSettings: [String: String]) {
        self.dataDirectory = Self.absolutePath(dataDirectory)
        self.logger = logger
        self.serverSettings = serverSettings
    }

    /// Initialises the cluster on first use (initdb), reuses it afterwards, starts it on
    /// 127.0.0.1 on a free port (or reuses the running server and its port), creates database
    /// `clv` if missing, and returns how to connect.
    public func start() async throws -> DatabaseConfiguration {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.startBlocking(preferredPort: nil)
        }
    }

    /// Stops the server (`pg_ctl stop -m fast`): sessions are disconnected, data is kept.
    public func stop() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.stopBlocking()
        }
    }

    /// Stops the server and starts it again on the same port, so existing configurations and
    /// pools keep working once it is back.
    public func restart() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.stopBlocking()
            _ = try self.startBlocking(preferredPort: self.lastPort.withLock { $0 })
        }
    }

    // MARK: Blocking work, on a thread-pool thread

    private func startBlocking(preferredPort: Int?) throws -> DatabaseConfiguration {
        let tools = try PostgresTools.locate()
        try prepareDirectories(tools)
        let password = try initialiseIfNeeded(tools)
        let port: Int
        if let running = try runningPort(tools) {
            logger.info("reusing running embedded PostgreSQL", metadata: ["port": "\(running)"])
            port = running
        } else {
            port = try preferredPort ?? FreePort.find()
            try launch(tools, port: port)
        }
        lastPort.withLock { $0 = port }
        let configuration = DatabaseConfiguration(
            host: "127.0.0.1", port: port, user: "clv", password: password, database: "clv")
        try createDatabaseIfMissing(configuration)
        return configuration
    }

    private func stopBlocking() throws {
        let tools = try PostgresTools.locate()
        guard try runningPort(tools) != nil else { return }
        let (status, output) = try tools.run("pg_ctl", ["stop", "-D", clusterDirectory, "-m", "fast", "-w", "-t", "60"])
        guard status == 0 else {
            throw StoreError(.unavailable, message: "pg_ctl stop failed: \(Self.tail(output))")
        }
        logger.info("stopped embedded PostgreSQL", metadata: ["directory": "\(dataDirectory)"])
    }

    /// The port of the server running on this cluster, or nil when none is.
    private func runningPort(_ tools: PostgresTools) throws -> Int? {
        guard FileManager.default.fileExists(atPath: clusterDirectory + "/postmaster.pid") else { return nil }
        guard try tools.run("pg_ctl", ["status", "-D", clusterDirectory]).status == 0 else { return nil }
        // Line 4 of postmaster.pid is the port.
        let lines = (try? String(contentsOfFile: clusterDirectory + "/postmaster.pid", encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false) ?? []
        guard lines.count > 3, let port = Int(lines[3].trimmingCharacters(in: .whitespaces)) else {
            throw StoreError(.unavailable, message: "cannot read the port of the running server from postmaster.pid")
        }
        return port
    }

    private func launch(_ tools: PostgresTools, port: Int) throws {
        var options = ["-p \(port)", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''"]
        for (name, value) in serverSettings.sorted(by: { $0.key < $1.key }) {
            options.append("-c \(name)=\(Self.shellQuoted(value))")  // pg_ctl passes -o through sh
        }
        let arguments = [
            "start", "-D", clusterDirectory, "-l", logFile, "-w", "-t", "60",
            "-o", options.joined(separator: " "),
        ]
        let (status, output) = try tools.run("pg_ctl", arguments)
        guard status == 0 else {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            throw StoreError(.unavailable, message: "pg_ctl start failed: \(Self.tail(output)) | server log: \(Self.tail(log))")
        }
        logger.info("started embedded PostgreSQL", metadata: ["port": "\(port)", "directory": "\(dataDirectory)"])
    }

    /// Creates database `clv` through the maintenance database `postgres`.
    private func createDatabaseIfMissing(_ configuration: DatabaseConfiguration) throws {
        let connection = try PGConnection(configuration: configuration.withDatabase("postgres"))
        let exists = try connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [.text(configuration.database)])
        guard exists.isEmpty else { return }
        do {
            try connection.execute("CREATE DATABASE clv")
        } catch let error where error.sqlState == "42P04" {
            // Created concurrently by another process: fine.
        }
    }

    static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The last lines of a tool's output or log, for error messages.
    static func tail(_ text: String, lines: Int = 8) -> String {
        text.split(separator: "\n").suffix(lines).joined(separator: " / ")
    }
}
