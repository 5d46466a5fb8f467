import ArgumentParser
import CLVService
import Ingestion
import Foundation
import Logging
import NIOPosix
import RPC
import ServiceLifecycle
import Store

/// `clv-server`: hosts any subset of clv's services on one port.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv-server",
        abstract: "Serve clv's services over the clv RPC protocol.",
        discussion: """
            With CLV_DATABASE_URL set, uses that PostgreSQL database. Without it, starts and owns a \
            private PostgreSQL cluster in --data-dir, initialising it on first use and stopping it on exit; \
            it refuses a data directory whose cluster another running process owns. As root the cluster \
            runs as the postgres user; when that user cannot reach --data-dir, the cluster is kept in \
            /var/lib/clv/<id> (recorded in DATA_DIR/cluster-location).
            """,
        version: "clv-server \(HealthService.version)")

    @Option(help: "Address to listen on, HOST:PORT.")
    var listen: String = "127.0.0.1:7400"

    @Option(help: "Comma-separated services to host, or 'all'.")
    var services: String = "all"

    @Option(help: "Directory of the embedded PostgreSQL cluster (used when CLV_DATABASE_URL is unset) and of the default PII key file.")
    var dataDir: String = ".clv/db"

    @Option(help: "File holding the secret key personal data is hashed with (64 hex digits); created when missing. Every server sharing a database needs the same file. Also CLV_PII_KEY_FILE. Default: pii.key inside --data-dir.")
    var piiKeyFile: String?

    @Option(help: "Largest frame accepted, in bytes.")
    var maxFrameSize: Int = RPCServerConfiguration.defaultMaximumFrameSize

    @Option(help: "Database connections in the pool.")
    var poolSize: Int = 8

    @Option(help: "Seconds calls in flight may run on after SIGINT/SIGTERM.")
    var shutdownGraceSeconds: Int = 10

    @Option(help: "File of bearer tokens and their scopes (one 'TOKEN SCOPE...' a line). Also CLV_TOKENS_FILE. Without it, calls are not checked for tokens.")
    var tokensFile: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Flag(help: "Apply the schema migrations and exit.")
    var migrateOnly = false

    func validate() throws {
        guard HostAndPort(parsing: listen) != nil else {
            throw ValidationError("--listen must be HOST:PORT, got '\(listen)'")
        }
        guard maxFrameSize >= 1024 else { throw ValidationError("--max-frame-size must be at least 1024") }
        guard poolSize >= 1 else { throw ValidationError("--pool-size must be at least 1") }
        guard shutdownGraceSeconds >= 0 else { throw ValidationError("--shutdown-grace-seconds must be >= 0") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "clv-server")
        do {
            try await serve(logger: logger)
        } catch {
            logger.critical("clv-server stopped: \(error)")
            throw ExitCode.failure
        }
    }

    private func serve(logger: Logger) async throws {
        let selected = try ServiceCatalog.build.select(services.split(separator: ",").map(String.init))
        let tokens = try loadTokens(logger: logger)
        // Only serving hashes personal data; a migration run needs no key.
        let piiKey = migrateOnly ? [] : try loadPIIKey(logger: logger)
        // A second server on a data directory in use would share a cluster it cannot serve well and
        // must not stop: refuse before touching it.
        let database = try await DatabaseSetup.open(dataDirectory: dataDir, whenInUse: .refuse, logger: logger)

        // One thread per pooled connection, plus one for the health probe's own connection.
        let threadPool = NIOThreadPool(numberOfThreads: poolSize + 1)
        threadPool.start()
        let pool = PGPool(configuration: database.configuration, maximumConnections: poolSize, threadPool: threadPool, logger: logger)
        var failure: (any Error)?
        do {
            let applied = try await Migrator.migrate(ServiceCatalog.migrations(for: selected), pool: pool, logger: logger)
            logger.info("schema up to date", metadata: ["applied": "\(applied)"])
            if !migrateOnly {
                try await runServices(selected, pool: pool, tokens: tokens, piiKey: piiKey, logger: logger)
            }
        } catch {
            failure = error
        }
        // Close in reverse order of opening, whether serving ended well or not.
        await pool.close()
        try? await threadPool.shutdownGracefully()
        try await database.close()
        if let failure { throw failure }
    }

    private func runServices(
        _ selected: [any ServiceProvider], pool: PGPool, tokens: AccessTokens?, piiKey: [UInt8], logger: Logger
    ) async throws {
        var interceptors: [any ServerInterceptor] = [LoggingInterceptor()]
        if let tokens { interceptors.append(AuthorizationInterceptor(tokens: tokens)) }
        let address = HostAndPort(parsing: listen)!
        let host = ServiceHost(
            providers: selected, environment: ServiceEnvironment(pool: pool, logger: logger, piiKey: piiKey),
            configuration: RPCServerConfiguration(
                host: address.host, port: address.port, maximumFrameSize: maxFrameSize,
                shutdownGracePeriod: .seconds(shutdownGraceSeconds)),
            interceptors: interceptors)
        logger.info("hosting", metadata: ["services": "\(host.hostedServices.joined(separator: ","))"])

        await host.probe.probe()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: host.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The PII key: `--pii-key-file`, `CLV_PII_KEY_FILE`, else `pii.key` inside the data
    /// directory, where a backup of it finds the key and no other data directory shares it. A
    /// key that an older version kept beside the data directory is moved in, once.
    private func loadPIIKey(logger: Logger) throws -> [UInt8] {
        if let path = piiKeyFile ?? ProcessInfo.processInfo.environment["CLV_PII_KEY_FILE"] {
            return try loadPIIKey(path: path)
        }
        let directory = URL(fileURLWithPath: dataDir).standardizedFileURL
        let path = directory.appendingPathComponent("pii.key").path
        let formerPath = directory.deletingLastPathComponent().appendingPathComponent("pii.key").path
        // Created as the embedded cluster creates it (0711, parents too), so the cluster's
        // account can still reach it.
        try? FileManager.default.createDirectory(
            atPath: directory.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o711])
        do {
            if try PIIKeyFile.moveIn(from: formerPath, to: path) {
                logger.notice("""
                    moved the PII key from \(formerPath) into the data directory: \(path); another data directory \
                    that used the same key needs a copy of it as its own pii.key
                    """)
            }
        } catch {
            throw ValidationError("\(error)")
        }
        return try loadPIIKey(path: path)
    }

    private func loadPIIKey(path: String) throws -> [UInt8] {
        do {
            return try PIIKeyFile.loadOrCreate(path: path)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    private func loadTokens(logger: Logger) throws -> AccessTokens? {
        guard let path = tokensFile ?? ProcessInfo.processInfo.environment["CLV_TOKENS_FILE"] else {
            logger.warning("no tokens file: calls are not checked for tokens")
            return nil
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read tokens file \(path): \(error.localizedDescription)")
        }
        let tokens = try AccessTokens(parsing: text)
        guard !tokens.isEmpty else { throw ValidationError("tokens file \(path) holds no token") }
        return tokens
    }
}
