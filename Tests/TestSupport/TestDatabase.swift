import Foundation
import Logging
import NIOPosix
import Store

/// PostgreSQL for the test suites.
///
/// With `CLV_TEST_DATABASE_URL` set, tests use that server. Otherwise one throwaway cluster is
/// started per test process (initdb + pg_ctl under a fresh directory in /tmp) and stopped and
/// deleted when the process ends, even if it crashes. When neither works, the error says how to
/// get a database: tests fail, they never skip.
public enum TestDatabase {
    /// The environment variable naming an existing server to test against.
    public static let urlVariable = "CLV_TEST_DATABASE_URL"

    /// A started thread pool for test pools, large enough that the pools, not the threads, bound
    /// concurrency. Lives for the whole test process.
    public static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 24)
        pool.start()
        return pool
    }()

    /// The logger test pools use; quiet unless `CLV_TEST_LOG_LEVEL` says otherwise.
    public static let logger: Logger = {
        var logger = Logger(label: "clv.tests")
        let level = ProcessInfo.processInfo.environment["CLV_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
    }()

    /// The shared server's configuration (database `clv` of the throwaway cluster, or the URL's).
    public static func shared() async throws -> DatabaseConfiguration {
        try await sharedServer.value
    }

    /// A new, uniquely named, empty database on the shared server, for isolation between tests.
    public static func freshDatabase(prefix: String = "test") async throws -> DatabaseConfiguration {
        let server = try await shared()
        let name = uniqueName(prefix: prefix)
        let pool = makePool(server, maximumConnections: 1)
        defer { Task { await pool.close() } }
        do {
            // Identifiers cannot be bound as parameters; `name` is [a-z0-9_] only, built above.
            try await pool.execute("CREATE DATABASE \"\(name)\"")
        } catch {
            throw TestDatabaseError("could not create a test database on \(server): \(error)")
        }
        return server.withDatabase(name)
    }

    /// A cluster of its own, for tests that stop and restart the server under a running pool.
    /// Stopped and deleted when the process ends.
    public static func privateCluster() async throws -> (EmbeddedPostgres, DatabaseConfiguration) {
        let (cluster, configuration) = try await startThrowawayCluster(label: "private")
        return (cluster, configuration)
    }

    /// Stops and deletes `cluster` (its data directory and, if elsewhere, its home) when the
    /// test process ends, however it ends; for clusters a test starts itself.
    public static func removeAtExit(_ cluster: EmbeddedPostgres) {
        ClusterReaper.watch(dataDirectory: cluster.dataDirectory, clusterHome: cluster.clusterHome)
    }

    /// A pool on `configuration` using the tests' thread pool and logger.
    public static func makePool(_ configuration: DatabaseConfiguration, maximumConnections: Int = 4) -> PGPool {
        PGPool(configuration: configuration, maximumConnections: maximumConnections, threadPool: threadPool, logger: logger)
    }

    // MARK: Internals

    private static let sharedServer = Task<DatabaseConfiguration, any Error> {
        if let url = ProcessInfo.processInfo.environment[urlVariable], !url.isEmpty {
            do {
                return try DatabaseConfiguration(url: url)
            } catch {
                throw TestDatabaseError("\(urlVariable) is not a usable PostgreSQL URL: \(error)")
            }
        }
        return try await startThrowawayCluster(label: "shared").1
    }

    private static func startThrowawayCluster(label: String) async throws -> (EmbeddedPostgres, DatabaseConfiguration) {
        let directory: String
        do {
            directory = try ThrowawayDirectory.make(label: label)
        } catch {
            throw TestDatabaseError("could not create a directory for a throwaway cluster: \(error)")
        }
        let cluster = EmbeddedPostgres(
            dataDirectory: directory, logger: logger,
            // Durability buys nothing for a cluster deleted at exit.
            serverSettings: ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "600"])
        do {
            let configuration = try await cluster.start()
            ClusterReaper.watch(dataDirectory: directory)
            return (cluster, configuration)
        } catch {
            ClusterReaper.watch(dataDirectory: directory)
            throw TestDatabaseError("could not start a throwaway PostgreSQL in \(directory): \(error)")
        }
    }

    private static func uniqueName(prefix: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        let cleaned = String(prefix.lowercased().filter { allowed.contains($0) }.prefix(30))
        let random = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return "\(cleaned.isEmpty ? "test" : cleaned)_\(random)"
    }
}

extension TestDatabase {
    /// A pool on a fresh database of its own: the usual start of a database test.
    public static func freshPool(prefix: String = "test", maximumConnections: Int = 4) async throws -> PGPool {
        makePool(try await freshDatabase(prefix: prefix), maximumConnections: maximumConnections)
    }
}
