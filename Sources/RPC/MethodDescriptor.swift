/// Names one RPC method: `/<service>/<method>`.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Full service name, e.g. `clv.health.v1.Health`.
    public let service: String
    /// Method name, e.g. `Check`.
    public let method: String

    public init(service: String, method: String) {
        self.service = service
        self.method = method
    }

    /// The name on the wire: `/clv.health.v1.Health/Check`.
    public var fullName: String { "/\(service)/\(method)" }

    public var description: String { fullName }
}
