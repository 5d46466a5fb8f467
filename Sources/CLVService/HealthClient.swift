import CLVProto
import RPC

/// Typed stub for `clv.health.v1.Health`.
public struct HealthClient: Sendable {
    public let client: RPCClient

    public init(client: RPCClient) {
        self.client = client
    }

    /// Asks whether the process (or one of its services) is serving.
    public func check(service: String = "", options: CallOptions = CallOptions()) async throws(RPCError) -> HealthCheckResponse {
        try await client.unary(HealthMethods.check, HealthCheckRequest(service: service), options: options)
    }
}
