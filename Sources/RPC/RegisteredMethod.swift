/// A method as the server dispatches it: bytes in, bytes out.
public struct RegisteredMethod: Sendable {
    /// Runs the call. Returns the unary response's payload, or nil for a streaming call
    /// (whose messages went through the sink).
    public typealias Handler = @Sendable (
        _ payload: [UInt8], _ context: ServerCallContext, _ sink: any ResponseSink
    ) async throws -> [UInt8]?

    /// The method as the contract declares it: its name, kind and scope.
    public let descriptor: MethodDescriptor
    public let handler: Handler
}
