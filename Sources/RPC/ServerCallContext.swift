import Logging

/// What a handler and the interceptors know about the call they serve.
public struct ServerCallContext: Sendable {
    public let method: MethodDescriptor
    /// The permission the method declared it needs.
    public let scope: AuthorizationScope
    /// The request's metadata (`authorization`, tracing ids).
    public let metadata: [String: String]
    /// When the call's time runs out, if the client gave a timeout.
    public let deadline: ContinuousClock.Instant?
    public let callID: UInt64
    /// The peer, as `host:port`.
    public let remoteAddress: String
    /// The server's logger, without the call's metadata.
    public let serverLogger: Logger

    /// The call's method, id and peer, for log lines.
    public var logMetadata: Logger.Metadata {
        ["rpc.method": "\(method.fullName)", "rpc.call_id": "\(callID)", "rpc.peer": "\(remoteAddress)"]
    }

    /// A logger carrying `logMetadata`.
    ///
    /// Built on each access, since handlers such as swift-log's `StreamLogHandler` render metadata
    /// eagerly: per-call paths log through `serverLogger` with `logMetadata` as an autoclosure instead.
    public var logger: Logger {
        var logger = serverLogger
        for (key, value) in logMetadata { logger[metadataKey: key] = value }
        return logger
    }
}
