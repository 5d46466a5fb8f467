/// Per-call settings on the client.
public struct CallOptions: Sendable {
    /// How long the call may take; the server stops its work when it passes. nil: no deadline.
    public var timeout: Duration?
    /// Metadata added to (and overriding) the client's default metadata.
    public var metadata: [String: String]

    public init(timeout: Duration? = nil, metadata: [String: String] = [:]) {
        self.timeout = timeout
        self.metadata = metadata
    }

    /// The timeout as the wire carries it: whole milliseconds, rounded up, 0 for none.
    var timeoutMilliseconds: UInt32 {
        guard let timeout else { return 0 }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return UInt32(clamping: max(milliseconds, 1))
    }
}
