import NIOCore

/// A streaming call's way back to its connection, from whatever thread the handler runs on.
struct ConnectionCallSink: ResponseSink {
    let callID: UInt64
    let handler: NIOLoopBound<ServerConnectionHandler>

    func send(_ payload: [UInt8]) async throws {
        let handler = self.handler
        let callID = self.callID
        try await handler.eventLoop.flatSubmit {
            handler.value.sendMessage(callID: callID, payload: payload)
        }.get()
    }
}
