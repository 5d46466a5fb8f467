import Foundation
import Logging
import NIOPosix
import Synchronization

/// A private PostgreSQL cluster: the embedded default when no `CLV_DATABASE_URL` is given, and
/// the throwaway database of the test suites.
///
/// Layout under `dataDirectory`: `password` (mode 600) holds the superuser `clv`'s random
/// password, `owner.lock` says which process owns the cluster, `pgdata/` is the cluster and
/// `postgres.log` the server log. When the cluster's account cannot reach `dataDirectory` (as
/// root, the cluster runs as `postgres`, and a parent directory may be closed to it), `pgdata/`
/// and `postgres.log` live in a directory it can reach, named in `dataDirectory/cluster-location`
/// (see `EmbeddedPostgres+Location.swift`). The server listens only on 127.0.0.1 (no Unix socket).
///
/// One process owns a cluster at a time (`ClusterOwnerLock`): the one whose `start()` took the
/// lock. Only the owner stops the cluster; another process's `start()` shares the running
/// cluster (or refuses, with `.refuse`) and its `stop()` leaves it running.
/// Call `start`, `stop` and `restart` one at a time.
public final class EmbeddedPostgres: Sendable {
    /// What `start()` does when another process owns the cluster.
    public enum WhenInUse: Sendable {
        /// Connect to the cluster the owner runs; `stop()` then leaves it running.
        case share
        /// Throw, touching nothing: for a server, which must own its cluster.
        case refuse
    }

    /// Absolute path of the directory holding the cluster (or naming where it is kept).
    public let dataDirectory: String
    let logger: Logger
    /// Extra server settings (`-c name=value`), e.g. `fsync=off` for throwaway test clusters.
    let serverSettings: [String: String]
    /// Where a cluster goes when its account cannot reach `dataDirectory`, best first.
    let relocationRoots: [String]
    private let state = Mutex<State>(State())

    private struct State {
        /// The port of the last start, reused by `restart`.
        var port: Int?
        /// The directory holding `pgdata/` and `postgres.log`, once `start()` found it.
        var home: String?
        /// Held while this process owns the cluster.
        var lock: ClusterOwnerLock?
    }

    var passwordFile: String { dataDirectory + "/password" }

    /// Describes a cluster in `dataDirectory` (made absolute); nothing happens until `start()`.
    public convenience init(dataDirectory: String, logger: Logger) {
        self.init(dataDirectory: dataDirectory, logger: logger, serverSettings: [:])
    }

    /// Like `init(dataDirectory:logger:)`, with server settings passed as `-c name=value`.
    public init(
        dataDirectory: String, logger: Logger, serverSettings: [String: String],
        relocationRoots: [String] = EmbeddedPostgres.defaultRelocationRoots
    ) {
        self.dataDirectory = Self.absolutePath(dataDirectory)
        self.logger = logger
        self.serverSettings = serverSettings
        self.relocationRoots = relocationRoots
    }

    /// The directory holding `pgdata/` and `postgres.log`: `dataDirectory` itself, or the
    /// directory it was kept in because the cluster's account cannot reach `dataDirectory`.
    /// Nil until `start()` has found it.
    public var clusterHome: String? { state.withLock { $0.home } }

    /// Whether this process owns the cluster: its `stop()` stops it.
    public var ownsCluster: Bool { state.withLock { $0.lock != nil } }

    /// Takes ownership of the cluster unless another process holds it (then shares it, or
    /// refuses with `.refuse`); initialises it on first use (initdb) and reuses it afterwards;
    /// starts it on 127.0.0.1 on a free port (or adopts the server a previous owner left
    /// running); creates database `clv` if missing; and returns how to connect.
    public func start(whenInUse: WhenInUse = .share) async throws -> DatabaseConfiguration {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.startBlocking(preferredPort: nil, whenInUse: whenInUse)
        }
    }

    /// Stops the server (`pg_ctl stop -m fast`) if this process owns it, and gives up ownership:
    /// sessions are disconnected, data is kept. A shared cluster is left running for its owner.
    public func stop() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.stopBlocking()
        }
    }

    /// Stops the server (if this process owns it) and starts it again, as its owner, on the
    /// same port, so existing configurations and pools keep working once it is back. Throws,
    /// changing nothing, when another process owns the cluster.
    public func restart() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            try self.stopBlocking()
            _ = try self.startBlocking(preferredPort: self.state.withLock { $0.port }, whenInUse: .refuse)
        }
    }

    // MARK: Blocking work, on a thread-pool thread

    private func startBlocking(preferredPort: Int?, whenInUse: WhenInUse) throws -> DatabaseConfiguration {
        let tools = try PostgresTools.locate()
        try createDataDirectory()
        let lock: ClusterOwnerLock
        switch try ClusterOwnerLock.acquire(in: dataDirectory) {
        case .acquired(let acquired):
            lock = acquired
        case .held(let owner) where whenInUse == .refuse:
            throw StoreError(.configuration, message: """
                the data directory \(dataDirectory) is in use: \(owner) owns its PostgreSQL cluster; \
                stop that process first, or choose another data directory
                """)
        case .held(let owner):
            return try joinBlocking(tools, owner: owner)
        }
        do {
            let home = try resolveHome(tools)
            try prepareDirectories(tools, home: home)
            let password = try initialiseIfNeeded(tools, home: home)
            let port: Int
            if let running = try runningPort(tools, home: home) {
                logger.info("adopting the embedded PostgreSQL a previous owner left running", metadata: ["port": "\(running)"])
                port = running
            } else {
                port = try preferredPort ?? FreePort.find()
                try launch(tools, home: home, port: port)
            }
            state.withLock {
                $0.port = port
                $0.home = home
                $0.lock = lock
            }
            let configuration = DatabaseConfiguration(
                host: "127.0.0.1", port: port, user: "clv", password: password, database: "clv")
            try createDatabaseIfMissing(configuration)
            return configuration
        } catch {
            if !ownsCluster { lock.release() }
            throw error
        }
    }

    /// Connects to the cluster another process owns, changing nothing in its directories.
    private func joinBlocking(_ tools: PostgresTools, owner: String) throws -> DatabaseConfiguration {
        let home = try recordedHome() ?? dataDirectory
        guard let port = try runningPort(tools, home: home, ready: true) else {
            throw StoreError(.unavailable, message: """
                the PostgreSQL cluster of \(dataDirectory) is owned by \(owner) but not running \
                (yet); try again once that process is up
                """)
        }
        guard let password = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
            throw StoreError(.configuration, message: "cannot read \(passwordFile), the password of the cluster in \(home)")
        }
        logger.info("sharing the embedded PostgreSQL another process owns", metadata: ["port": "\(port)", "owner": "\(owner)"])
        state.withLock {
            $0.port = port
            $0.home = home
        }
        let configuration = DatabaseConfiguration(
            host: "127.0.0.1", port: port, user: "clv", password: password.trimmed(), database: "clv")
        try createDatabaseIfMissing(configuration)
        return configuration
    }

    private func stopBlocking() throws {
        let (home, lock) = state.withLock { ($0.home, $0.lock) }
        guard let lock else {
            if home != nil {
                logger.info("leaving the embedded PostgreSQL running: another process owns it", metadata: ["directory": "\(dataDirectory)"])
            }
            return
        }
        defer {
            lock.release()
            state.withLock { $0.lock = nil }
        }
        guard let home else { return }
        let tools = try PostgresTools.locate()
        guard try runningPort(tools, home: home) != nil else { return }
        let (status, output) = try tools.run("pg_ctl", ["stop", "-D", home + "/pgdata", "-m", "fast", "-w", "-t", "60"])
        guard status == 0 else {
            throw StoreError(.unavailable, message: "pg_ctl stop failed: \(Self.tail(output))")
        }
        logger.info("stopped embedded PostgreSQL", metadata: ["directory": "\(home)"])
    }

    /// The port of the server running on the cluster in `home`, or nil when none is. With
    /// `ready`, a server still starting (or stopping) counts as not running.
    private func runningPort(_ tools: PostgresTools, home: String, ready: Bool = false) throws -> Int? {
        let clusterDirectory = home + "/pgdata"
        guard FileManager.default.fileExists(atPath: clusterDirectory + "/postmaster.pid") else { return nil }
        guard try tools.run("pg_ctl", ["status", "-D", clusterDirectory]).status == 0 else { return nil }
        let text = (try? String(contentsOfFile: clusterDirectory + "/postmaster.pid", encoding: .utf8)) ?? ""
        return try Self.port(fromPIDFile: text, ready: ready)
    }

    /// The port in a postmaster.pid, or nil when it is not a server's (or, with `ready`, not a
    /// ready server's). Line 1 is the pid, negative for a single-user backend (initdb's, which
    /// also names the default port 5432); line 4 is the port; line 8 the status.
    static func port(fromPIDFile text: String, ready: Bool) throws(StoreError) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pid = lines.first.flatMap({ Int($0) }), pid > 0 else { return nil }
        if ready, lines.count > 7, lines[7] != "ready" { return nil }
        guard lines.count > 3, let port = Int(lines[3]) else {
            throw StoreError(.unavailable, message: "cannot read the port of the running server from postmaster.pid")
        }
        return port
    }

    private func launch(_ tools: PostgresTools, home: String, port: Int) throws {
        var options = ["-p \(port)", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''"]
        for (name, value) in serverSettings.sorted(by: { $0.key < $1.key }) {
            options.append("-c \(name)=\(Self.shellQuoted(value))")  // pg_ctl passes -o through sh
        }
        let logFile = home + "/postgres.log"
        let arguments = [
            "start", "-D", home + "/pgdata", "-l", logFile, "-w", "-t", "60",
            "-o", options.joined(separator: " "),
        ]
        let (status, output) = try tools.run("pg_ctl", arguments)
        guard status == 0 else {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            throw StoreError(.unavailable, message: "pg_ctl start failed: \(Self.tail(output)) | server log: \(Self.tail(log))")
        }
        logger.info("started embedded PostgreSQL", metadata: ["port": "\(port)", "directory": "\(home)"])
    }

    /// Creates database `clv` through the maintenance database `postgres`.
    private func createDatabaseIfMissing(_ configuration: DatabaseConfiguration) throws {
        try DatabaseCreation.createIfMissing(configuration)
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
