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

/// The ingestion, valuation and segmentation services on a real `RPCServer` and a fresh
/// PostgreSQL database, with a client for each. The base currency is EUR.
struct SegmentationServer {
    let pool: PGPool
    let rpc: RPCClient
    let ingestion: IngestionRPC.Client
    let valuation: ValuationRPC.Client
    let segmentation: SegmentationRPC.Client
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    static func start(prefix: String = "segments") async throws -> SegmentationServer {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: prefix), maximumConnections: 4)
        let providers: [any ServiceProvider] = [IngestionServiceProvider(), ValuationServiceProvider(), SegmentationServiceProvider()]
        _ = try await Migrator.migrate(ServiceCatalog.migrations(for: providers), pool: pool, logger: logger)
        var router = RPCRouter()
        let environment = ServiceEnvironment(pool: pool, logger: logger, piiKey: [UInt8](repeating: 7, count: 32))
        for provider in providers { provider.register(into: &router, environment: environment) }
        let server = RPCServer(
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, interceptors: [], logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        let rpc = try await RPCClient.connect(host: "127.0.0.1", port: try await server.listeningPort)
        let ingestion = IngestionRPC.Client(client: rpc)
        _ = try await ingestion.setBaseCurrency("EUR")
        return SegmentationServer(
            pool: pool, rpc: rpc, ingestion: ingestion, valuation: ValuationRPC.Client(client: rpc),
            segmentation: SegmentationRPC.Client(client: rpc), group: group, running: running)
    }

    func stop() async throws {
        await rpc.close()
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }

    /// Runs a refresh to its end and returns the refresh it stored.
    func refresh(_ settings: SegmentationSettings? = nil) async throws -> Refresh {
        var last: RefreshProgress?
        for try await progress in segmentation.refreshSegments(RefreshSegmentsRequest(settings: settings)) { last = progress }
        guard let refresh = last?.refresh, last?.done == true else { throw RPCError(code: .internal, message: "refresh did not finish") }
        return refresh
    }

    /// Every member matching `request`, page by page; the pages' tokens too.
    func members(_ request: ListSegmentMembersRequest = ListSegmentMembersRequest()) async throws -> [SegmentMembersPage] {
        var pages: [SegmentMembersPage] = []
        for try await page in segmentation.listSegmentMembers(request) { pages.append(page) }
        return pages
    }

    func count(_ sql: String, _ parameters: [PGValue] = []) async throws -> Int64 {
        let rows = try await pool.query(sql, parameters)
        return try rows[0].int(rows.columns[0])
    }

    func store(customers: [Customer] = [], orders: [Order] = [], events: [Event] = []) async throws {
        for (kind, response) in [
            ("customers", customers.isEmpty ? nil : try await ingestion.upsertCustomers(customers)),
            ("orders", orders.isEmpty ? nil : try await ingestion.ingestOrders(orders)),
            ("events", events.isEmpty ? nil : try await ingestion.ingestEvents(events)),
        ] {
            if let first = response?.rejections.first {
                throw RPCError(code: .internal, message: "test \(kind) rejected: \(first.reason)")
            }
        }
    }
}
