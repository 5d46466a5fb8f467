import RPC

/// When and how soon a failed batch is sent again. Batches are idempotent, so a replay after a
/// timeout or a lost connection stores nothing twice.
public struct RetryPolicy: Sendable {
    /// Sends after the first; 0 never retries.
    public var maxRetries: Int
    /// The wait before the first retry; it doubles for each further one, up to `maxBackoff`.
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(maxRetries: Int = 5, initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(10)) {
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Whether `error` is worth another try: the service or the connection was unavailable,
    /// or the call ran out of time.
    public func isRetryable(_ error: RPCError) -> Bool {
        error.code == .unavailable || error.code == .deadlineExceeded
    }

    /// The wait before retry number `retry` (0-based): exponential, with jitter so that batches
    /// failed together do not come back together.
    public func backoff(beforeRetry retry: Int) -> Duration {
        var wait = initialBackoff
        for _ in 0..<min(retry, 30) where wait < maxBackoff { wait *= 2 }
        wait = min(wait, maxBackoff)
        return wait / 2 + wait / 2 * Double.random(in: 0...1)
    }
}
