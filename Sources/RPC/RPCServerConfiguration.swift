/// How an `RPCServer` listens and behaves.
public struct RPCServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; `RPCServer.listeningPort` tells which.
    public var port: Int
    /// Frames declaring a larger length are refused with RESOURCE_EXHAUSTED and the connection closed.
    public var maximumFrameSize: Int
    /// How long calls in flight may run on after a graceful shutdown begins.
    public var shutdownGracePeriod: Duration

    public static let defaultMaximumFrameSize = 16 * 1024 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 7400,
        maximumFrameSize: Int = RPCServerConfiguration.defaultMaximumFrameSize,
        shutdownGracePeriod: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.maximumFrameSize = maximumFrameSize
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
