import CLVProto

/// The methods a server offers, by full name. Services register their methods here.
public struct RPCRouter: Sendable {
    private var methods: [String: RegisteredMethod] = [:]

    public init() {}

    /// Registers a unary method, with the scope its descriptor declares. Its request payload is
    /// decoded before `handler` runs; a payload that does not decode ends the call with
    /// INVALID_ARGUMENT.
    public mutating func registerUnary<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (Request, ServerCallContext) async throws -> Response
    ) {
        Self.check(descriptor, .unary, Request.self, Response.self)
        add(RegisteredMethod(descriptor: descriptor) { payload, context, _ in
            let request = try Self.decode(Request.self, payload)
            return try await handler(request, context).serializedBytes()
        })
    }

    /// Registers a server-streaming method: any number of responses, then the final status.
    public mutating func registerServerStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (Request, ResponseStreamWriter<Response>, ServerCallContext) async throws -> Void
    ) {
        Self.check(descriptor, .serverStreaming, Request.self, Response.self)
        add(RegisteredMethod(descriptor: descriptor) { payload, context, sink in
            let request = try Self.decode(Request.self, payload)
            try await handler(request, ResponseStreamWriter(sink: sink), context)
            return nil
        })
    }

    /// Registers a method already in its byte form.
    public mutating func add(_ method: RegisteredMethod) {
        precondition(methods[method.descriptor.fullName] == nil, "\(method.descriptor) registered twice")
        methods[method.descriptor.fullName] = method
    }

    /// The method with this full name (`/clv.health.v1.Health/Check`).
    public func method(named fullName: String) -> RegisteredMethod? {
        methods[fullName]
    }

    /// Every registered method, sorted by full name.
    public var registeredMethods: [RegisteredMethod] {
        methods.values.sorted { $0.descriptor.fullName < $1.descriptor.fullName }
    }

    /// The services with at least one registered method, sorted.
    public var serviceNames: [String] {
        Set(methods.values.map(\.descriptor.service)).sorted()
    }

    /// A handler whose types or kind differ from its descriptor's is a programming error.
    private static func check(
        _ descriptor: MethodDescriptor, _ kind: MethodDescriptor.Kind, _ request: any ProtoMessage.Type,
        _ response: any ProtoMessage.Type
    ) {
        precondition(
            descriptor.kind == kind && descriptor.requestType == request && descriptor.responseType == response,
            "\(descriptor) is \(descriptor.kind) from \(descriptor.requestType.protoName) to \(descriptor.responseType.protoName)")
    }

    private static func decode<Request: ProtoMessage>(_ type: Request.Type, _ payload: [UInt8]) throws -> Request {
        do {
            return try Request(serializedBytes: payload)
        } catch {
            // A string field that is not valid text is named as any invalid field is.
            throw RPCError.invalidArgument(field: error.field ?? "payload", error.description)
        }
    }
}
