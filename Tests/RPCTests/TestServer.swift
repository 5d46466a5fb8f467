import Logging
import NIOPosix
import RPC
import ServiceLifecycle

/// An `RPCServer` with the testing service on 127.0.0.1, on a free port, for one test.
struct TestServer {
    let server: RPCServer
    let group: ServiceGroup
    let probe: CallProbe
    let port: Int
    private let running: Task<Void, any Error>

    static func start(
        interceptors: [any ServerInterceptor] = [],
        maximumFrameSize: Int = RPCServerConfiguration.defaultMaximumFrameSize,
        shutdownGracePeriod: Duration = .seconds(10)
    ) async throws -> TestServer {
        let probe = CallProbe()
        var router = RPCRouter()
        TestingService.register(into: &router, probe: probe)
        var logger = Logger(label: "test-server")
        logger.logLevel = .warning
        let server = RPCServer(
            configuration: RPCServerConfiguration(
                host: "127.0.0.1", port: 0, maximumFrameSize: maximumFrameSize, shutdownGracePeriod: shutdownGracePeriod),
            router: router, interceptors: interceptors, logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        let port = try await server.listeningPort
        return TestServer(server: server, group: group, probe: probe, port: port, running: running)
    }

    func client(token: String? = nil) async throws -> RPCClient {
        try await RPCClient.connect(host: "127.0.0.1", port: port, token: token)
    }

    func rawConnection() async throws -> RawConnection {
        try await RawConnection.connect(port: port)
    }

    /// Starts a graceful shutdown and waits for the server to stop.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Starts a graceful shutdown without waiting.
    func beginShutdown() async {
        await group.triggerGracefulShutdown()
    }

    func waitUntilStopped() async throws {
        try await running.value
    }
}
