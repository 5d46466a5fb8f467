/// Where a streaming call's messages go: the connection it arrived on.
public protocol ResponseSink: Sendable {
    /// Sends one message of the call; waits while the connection is not writable.
    ///
    /// Throws `CancellationError` once the call has ended (cancelled, past its deadline, or the
    /// connection closed), so a handler stops producing.
    func send(_ payload: [UInt8]) async throws
}
