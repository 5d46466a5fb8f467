import CLVProto
import CLVService
import CLVStubs
import Ingestion
import RPC
import ServiceLifecycle
import Store
import TestSupport

/// The ingestion service on a real `RPCServer` and a fresh PostgreSQL database, with a client.
struct IngestionServer {
    /// The key test servers hash personal data with.
    static let piiKey = [UInt8](repeating: 7, count: 32)

    let pool: PGPool
    let rpc: RPCClient
    let client: IngestionRPC.Client
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// - Parameter baseCurrency: set before the first test call, unless nil.
    static func start(prefix: String = "ingest", baseCurrency: String? = "EUR") async throws -> IngestionServer {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: prefix), maximumConnections: 2)
        _ = try await Migrator.migrate(PlatformMigrations.all + IngestionMigrations.all, pool: pool, logger: logger)
        var router = RPCRouter()
        IngestionServiceProvider().register(
            into: &router, environment: ServiceEnvironment(pool: pool, logger: logger, piiKey: piiKey))
        let server = RPCServer(
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, interceptors: [],
            logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        let rpc = try await RPCClient.connect(host: "127.0.0.1", port: try await server.listeningPort)
        let client = IngestionRPC.Client(client: rpc)
        if let baseCurrency { _ = try await client.setBaseCurrency(baseCurrency) }
        return IngestionServer(pool: pool, rpc: rpc, client: client, group: group, running: running)
    }

    func stop() async throws {
        await rpc.close()
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }

    /// One integer the store answers, such as a count.
    func count(_ sql: String, _ parameters: [PGValue] = []) async throws -> Int64 {
        let rows = try await pool.query(sql, parameters)
        return try rows[0].int(rows.columns[0])
    }

    /// Every row of a query as text, for comparing whole tables.
    func rows(_ sql: String) async throws -> [[String?]] {
        let result = try await pool.query(sql)
        return result.map { row in result.columns.indices.map { row[$0] } }
    }
}
