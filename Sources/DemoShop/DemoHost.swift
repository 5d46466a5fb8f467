import CLVService
import CLVStubs
import Ingestion
import Logging
import NIOPosix
import RPC
import Segmentation
import ServiceLifecycle
import Store
import Valuation

/// The ingestion, valuation and segmentation services, hosted in this process on the demo's own database and
/// called over a loopback socket like any client calls them: the demo never reaches the user's
/// database, and needs no running `clv-server`.
public struct DemoHost: Sendable {
    /// The demo's database, beside the user's `clv` in the same cluster; replaced at each run.
    public static let databaseName = "clv_demo"
    public let ingestion: IngestionRPC.Client
    public let valuation: ValuationRPC.Client
    public let segmentation: SegmentationRPC.Client
    private let client: RPCClient
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    private let pool: PGPool
    private let threadPool: NIOThreadPool

    /// The demo's data is simulated: no personal data to protect, so a fixed key serves (and
    /// lets a later run's hashes match an earlier one's).
    static let piiKey = Array("clv demo: simulated shop, no PII".utf8)

    /// Migrates `database` (which should be empty or the demo's) and serves the services on
    /// 127.0.0.1 on a free port.
    public static func start(database: DatabaseConfiguration, logger: Logger) async throws -> DemoHost {
        let providers: [any ServiceProvider] = [
            IngestionServiceProvider(), ValuationServiceProvider(), SegmentationServiceProvider(),
        ]
        // One thread per pooled connection, plus one for the health probe's.
        let connections = 6
        let threadPool = NIOThreadPool(numberOfThreads: connections + 1)
        threadPool.start()
        let pool = PGPool(configuration: database, maximumConnections: connections, threadPool: threadPool, logger: logger)
        do {
            _ = try await Migrator.migrate(ServiceCatalog.migrations(for: providers), pool: pool, logger: logger)
            let host = ServiceHost(
                providers: providers, environment: ServiceEnvironment(pool: pool, logger: logger, piiKey: piiKey),
                configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0))
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: host.services, logger: logger))
            let running = Task { try await group.run() }
            let client: RPCClient
            do {
                client = try await RPCClient.connect(host: "127.0.0.1", port: try await host.server.listeningPort)
            } catch {
                await group.triggerGracefulShutdown()
                _ = try? await running.value
                throw error
            }
            return DemoHost(
                ingestion: IngestionRPC.Client(client: client), valuation: ValuationRPC.Client(client: client),
                segmentation: SegmentationRPC.Client(client: client), client: client,
                group: group, running: running, pool: pool, threadPool: threadPool)
        } catch {
            await pool.close()
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    /// Closes the client, shuts the services down and closes the database pool.
    public func stop() async throws {
        await client.close()
        await group.triggerGracefulShutdown()
        let result = await running.result
        await pool.close()
        try? await threadPool.shutdownGracefully()
        try result.get()
    }
}
