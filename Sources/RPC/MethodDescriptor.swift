import CLVProto

/// One RPC method as the contract declares it: `/<service>/<method>`, its message types, its
/// streaming kind and the scope a caller needs. The generated `<Service>RPC.Method` holds one
/// per method of proto/.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// How many responses a call has.
    public enum Kind: Sendable, Hashable {
        /// One request, one response.
        case unary
        /// One request, any number of responses, then the status.
        case serverStreaming
    }

    /// Full service name, e.g. `clv.health.v1.Health`.
    public let service: String
    /// Method name, e.g. `Check`.
    public let method: String
    public let requestType: any ProtoMessage.Type
    public let responseType: any ProtoMessage.Type
    public let kind: Kind
    /// What the caller's token must grant; `.public` for none.
    public let scope: AuthorizationScope

    public init(
        service: String, method: String, request: any ProtoMessage.Type, response: any ProtoMessage.Type,
        kind: Kind, scope: AuthorizationScope
    ) {
        self.service = service
        self.method = method
        self.requestType = request
        self.responseType = response
        self.kind = kind
        self.scope = scope
    }

    /// The name on the wire: `/clv.health.v1.Health/Check`.
    public var fullName: String { "/\(service)/\(method)" }

    public var description: String { fullName }

    /// Equal when they name the same method.
    public static func == (left: MethodDescriptor, right: MethodDescriptor) -> Bool {
        left.service == right.service && left.method == right.method
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(service)
        hasher.combine(method)
    }
}
