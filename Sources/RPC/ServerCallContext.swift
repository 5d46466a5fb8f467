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
    /// A logger carrying the call's method and id.
    public var logger: Logger
}
