import CLVProto
import CLVService
import CLVStubs
import Ingestion
import RPC
import Segmentation
import ServiceLifecycle
import Store
import TestSupport
import Valuation

/// The ingestion and valuation services (and segmentation, which the demo calls) on a real
/// `RPCServer` and a fresh PostgreSQL database, with a client for each. The base currency is EUR.
struct ValuationServer {
    let pool: PGPool
    let rpc: RPCClient
    let ingestion: IngestionRPC.Client
    let valuation: ValuationRPC.Client
    let segmentation: SegmentationRPC.Client
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    static func start(prefix: String = "value") async throws -> ValuationServer {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: prefix), maximumConnections: 2)
        _ = try await Migrator.migrate(
            PlatformMigrations.all + IngestionMigrations.all + ValuationMigrations.all + SegmentationMigrations.all, pool: pool,
            logger: logger)
        var router = RPCRouter()
        let environment = ServiceEnvironment(pool: pool, logger: logger, piiKey: [UInt8](repeating: 7, count: 32))
        IngestionServiceProvider().register(into: &router, environment: environment)
        ValuationServiceProvider().register(into: &router, environment: environment)
        SegmentationServiceProvider().register(into: &router, environment: environment)
        let server = RPCServer(
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, interceptors: [], logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        let rpc = try await RPCClient.connect(host: "127.0.0.1", port: try await server.listeningPort)
        let ingestion = IngestionRPC.Client(client: rpc)
        _ = try await ingestion.setBaseCurrency("EUR")
        return ValuationServer(
            pool: pool, rpc: rpc, ingestion: ingestion, valuation: ValuationRPC.Client(client: rpc),
            segmentation: SegmentationRPC.Client(client: rpc), group: group, running: running)
    }

    func stop() async throws {
        await rpc.close()
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }

    /// Stores `orders` in batches, failing on any rejection.
    func ingest(_ orders: [Order]) async throws {
        for start in stride(from: 0, to: orders.count, by: 5_000) {
            let response = try await ingestion.ingestOrders(Array(orders[start..<min(start + 5_000, orders.count)]))
            guard response.rejections.isEmpty else {
                throw RPCError(code: .internal, message: "test orders rejected: \(response.rejections[0].reason)")
            }
        }
    }

    /// Runs a scoring to its end and returns its last progress message.
    func score(_ request: ScoreCustomersRequest = ScoreCustomersRequest()) async throws -> ScoreProgress {
        var last: ScoreProgress?
        for try await progress in valuation.scoreCustomers(request) { last = progress }
        guard let last else { throw RPCError(code: .internal, message: "scoring sent nothing") }
        return last
    }

    func count(_ sql: String, _ parameters: [PGValue] = []) async throws -> Int64 {
        let rows = try await pool.query(sql, parameters)
        return try rows[0].int(rows.columns[0])
    }
}
