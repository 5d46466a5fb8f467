import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves an `RPCRouter`'s methods over TCP.
///
/// A ServiceLifecycle `Service`: `run()` serves until a graceful shutdown, which stops accepting,
/// refuses new calls with UNAVAILABLE, lets calls in flight finish (bounded by the grace period),
/// then closes every connection. Each connection's failure stays its own.
public final class RPCServer: Service, Sendable {
    public let configuration: RPCServerConfiguration
    private let router: RPCRouter
    private let dispatcher: CallDispatcher
    private let group: any EventLoopGroup
    private let logger: Logger
    private let connections = ConnectionRegistry()
    private let boundAddress: EventLoopPromise<SocketAddress>

    public init(
        configuration: RPCServerConfiguration,
        router: RPCRouter,
        interceptors: [any ServerInterceptor] = [],
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.router = router
        self.dispatcher = CallDispatcher(interceptors: interceptors)
        self.group = group
        self.logger = logger
        self.boundAddress = group.next().makePromise(of: SocketAddress.self)
    }

    /// The port the server listens on, once it does (useful with port 0).
    public var listeningPort: Int {
        get async throws { try await boundAddress.futureResult.get().port ?? configuration.port }
    }

    /// How many connections are open now.
    public var connectionCount: Int { connections.count }

    public func run() async throws {
        let serverChannel: any Channel
        do {
            serverChannel = try await makeBootstrap().bind(host: configuration.host, port: configuration.port).get()
        } catch {
            boundAddress.fail(error)
            throw error
        }
        boundAddress.succeed(serverChannel.localAddress!)
        logger.info("listening", metadata: ["address": "\(configuration.host):\(serverChannel.localAddress?.port ?? 0)"])

        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await serverChannel.closeFuture.get()
            } onGracefulShutdown: {
                serverChannel.close(promise: nil)
            }
        } onCancel: {
            serverChannel.close(promise: nil)
        }
        let grace: Duration = Task.isCancelled ? .zero : configuration.shutdownGracePeriod
        logger.info("draining connections", metadata: ["connections": "\(connections.count)"])
        await connections.drain(gracePeriod: grace, on: serverChannel.eventLoop)
        logger.info("stopped")
    }

    private func makeBootstrap() -> ServerBootstrap {
        let router = self.router
        let dispatcher = self.dispatcher
        let logger = self.logger
        let maximumFrameSize = configuration.maximumFrameSize
        let connections = self.connections
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ServerConnectionHandler(router: router, dispatcher: dispatcher, logger: logger)
                    try channel.pipeline.syncOperations.addFrameCodec(maximumFrameSize: maximumFrameSize)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    connections.add(channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
    }
}
