import Logging
import Store

/// What a service gets to do its work: the shared store, a logger, and the secret key that
/// personal data is hashed with.
public struct ServiceEnvironment: Sendable {
    public let pool: PGPool
    public let logger: Logger
    /// At least 32 bytes; the same on every server that shares the store.
    public let piiKey: [UInt8]

    public init(pool: PGPool, logger: Logger, piiKey: [UInt8]) {
        self.pool = pool
        self.logger = logger
        self.piiKey = piiKey
    }
}
