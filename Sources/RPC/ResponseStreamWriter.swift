import CLVProto

/// Sends the messages of a server-streaming call.
public struct ResponseStreamWriter<Message: ProtoMessage>: Sendable {
    private let sink: any ResponseSink

    init(sink: any ResponseSink) {
        self.sink = sink
    }

    /// Sends one message; waits while the connection cannot take more.
    public func write(_ message: Message) async throws {
        try await sink.send(message.serializedBytes())
    }
}
