import CLVProto
import NIOCore
import NIOPosix
import Synchronization

/// One connection to a clv server, carrying any number of concurrent calls.
///
/// Calls are multiplexed by call id; each has its own deadline and can be cancelled by cancelling
/// the task that awaits it. Every failure is an `RPCError`; a lost connection is UNAVAILABLE.
public final class RPCClient: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let nextCallID = Atomic<UInt64>(1)
    /// Runs tasks on this connection's event loop. Tasks that make many calls run fastest here:
    /// their responses resume them without a hop between threads.
    public let taskExecutor: EventLoopTaskExecutor
    /// Sent with every call (`authorization`, for one); `CallOptions.metadata` overrides it.
    public let defaultMetadata: [String: String]

    private init(channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>, defaultMetadata: [String: String]) {
        self.channel = channel
        self.handler = handler
        self.defaultMetadata = defaultMetadata
        self.taskExecutor = EventLoopTaskExecutor(eventLoop: channel.eventLoop)
    }

    /// Connects to `host:port`. A token, when given, is sent as `authorization: Bearer <token>`.
    public static func connect(
        host: String, port: Int, token: String? = nil,
        maximumFrameSize: Int = RPCServerConfiguration.defaultMaximumFrameSize,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(RPCError) -> RPCClient {
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addFrameCodec(maximumFrameSize: maximumFrameSize)
                        try channel.pipeline.syncOperations.addHandler(ClientConnectionHandler())
                    }
                }
                .connect(host: host, port: port).get()
            let handler = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self), eventLoop: channel.eventLoop)
            }.get()
            let metadata = token.map { ["authorization": "Bearer \($0)"] } ?? [:]
            return RPCClient(channel: channel, handler: handler, defaultMetadata: metadata)
        } catch {
            throw RPCError(code: .unavailable, message: ConnectFailure.describe(error, host: host, port: port), cause: error)
        }
    }

    /// Calls a unary method.
    public func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor, _ request: Request, as response: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) async throws(RPCError) -> Response {
        let answer = try await rawUnary(method: method.fullName, payload: request.serializedBytes(), options: options)
        guard answer.outcome.code == 0 else { throw RPCError(status: answer.outcome) }
        return try Response.decodeResponse(answer.payload)
    }

    /// Calls a method by name with an already encoded payload; returns the terminal response as
    /// the server sent it, whatever its status.
    public func rawUnary(method: String, payload: [UInt8], options: CallOptions = CallOptions()) async throws(RPCError) -> CallResponse {
        let request = makeRequest(method: method, payload: payload, options: options)
        let callID = nextCallID.add(1, ordering: .relaxed).oldValue
        let handler = self.handler
        do {
            return try await withTaskCancellationHandler {
                try Task.checkCancellation()
                return try await withCheckedThrowingContinuation { continuation in
                    handler.eventLoop.execute {
                        handler.value.start(callID: callID, request: request, waiter: .unary(continuation), timeout: options.timeout)
                    }
                }
            } onCancel: {
                handler.eventLoop.execute {
                    handler.value.abandon(callID: callID, with: RPCError(code: .cancelled, message: "call cancelled"))
                }
            }
        } catch {
            throw RPCError(from: error)
        }
    }

    /// Calls a server-streaming method; iterate the result for its responses.
    public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor, _ request: Request, as response: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) -> ServerStreamingCall<Response> {
        let request = makeRequest(method: method.fullName, payload: request.serializedBytes(), options: options)
        let callID = nextCallID.add(1, ordering: .relaxed).oldValue
        let handler = self.handler
        let (stream, continuation) = AsyncThrowingStream<CallResponse, any Error>.makeStream()
        continuation.onTermination = { termination in
            guard case .cancelled = termination else { return }
            handler.eventLoop.execute {
                handler.value.abandon(callID: callID, with: RPCError(code: .cancelled, message: "call cancelled"))
            }
        }
        handler.eventLoop.execute {
            handler.value.start(callID: callID, request: request, waiter: .stream(continuation), timeout: options.timeout)
        }
        return ServerStreamingCall(responses: stream)
    }

    /// Closes the connection; calls still in flight fail with UNAVAILABLE.
    public func close() async {
        try? await channel.close()
    }

    private func makeRequest(method: String, payload: [UInt8], options: CallOptions) -> CallRequest {
        // Most calls add nothing: skip building a new dictionary for them.
        let metadata = options.metadata.isEmpty
            ? defaultMetadata : defaultMetadata.merging(options.metadata) { _, callValue in callValue }
        return CallRequest(method: method, timeoutMs: options.timeoutMilliseconds, metadata: metadata, payload: payload)
    }
}
