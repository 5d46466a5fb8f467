import CLVProto
import CLVService
import CLVStubs
import Logging
import RPC
import ServiceLifecycle
import Store
import TestSupport

/// A real `RPCServer` with the health service and the database testing service, on a real
/// PostgreSQL, listening on a free port of 127.0.0.1.
struct LiveServer {
    let pool: PGPool
    let probe: DatabaseProbe
    let server: RPCServer
    let port: Int
    let sleepEnded: AsyncStream<String>
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// - Parameter probeMaximumAge: how old a probe result may be and still count; generous by
    ///   default, so a loaded test machine does not turn a good probe stale before the check.
    static func start(database: DatabaseConfiguration, probeMaximumAge: Duration = .seconds(60)) async throws -> LiveServer {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(database, maximumConnections: 4)
        _ = try await Migrator.migrate(PlatformMigrations.all, pool: pool, logger: logger)
        let probe = DatabaseProbe(pool: pool, maximumAge: probeMaximumAge, logger: logger)
        // Each probe gives up after a second; a busy machine may need a few to connect the first time.
        for _ in 0..<10 where await !probe.probe() {}
        let (sleepEnded, sleepSink) = AsyncStream.makeStream(of: String.self)
        var router = RPCRouter()
        DatabaseTestingService.register(into: &router, pool: pool, sleepEnded: sleepSink)
        HealthService(probe: probe, hostedServices: { [HealthRPC.serviceName] }).register(into: &router)
        let server = RPCServer(
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0),
            router: router, interceptors: [LoggingInterceptor()], logger: logger)
        // The probe is driven by the tests (probe()), so only the server runs in the group.
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        return LiveServer(
            pool: pool, probe: probe, server: server, port: try await server.listeningPort,
            sleepEnded: sleepEnded, group: group, running: running)
    }

    func client() async throws -> RPCClient {
        try await RPCClient.connect(host: "127.0.0.1", port: port)
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }
}
