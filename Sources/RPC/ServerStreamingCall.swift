import CLVProto

/// The responses of a server-streaming call, decoded as they arrive.
///
/// Iteration ends after the last response; a non-OK final status is thrown as `RPCError`.
/// Dropping the iterator before the end cancels the call.
public struct ServerStreamingCall<Response: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Response

    let responses: AsyncThrowingStream<CallResponse, any Error>

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<CallResponse, any Error>.AsyncIterator
        var finished = false

        public mutating func next() async throws -> Response? {
            while !finished {
                guard let response = try await base.next() else { return nil }
                if response.endOfStream {
                    finished = true
                    guard response.outcome.code == 0 else { throw RPCError(status: response.outcome) }
                    if response.payload.isEmpty { return nil }
                }
                return try Response.decodeResponse(response.payload)
            }
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: responses.makeAsyncIterator())
    }
}

extension ProtoMessage {
    static func decodeResponse(_ payload: [UInt8]) throws(RPCError) -> Self {
        do {
            return try Self(serializedBytes: payload)
        } catch {
            throw RPCError(code: .internal, message: "response \(error.description)", cause: error)
        }
    }
}
