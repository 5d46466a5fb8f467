import Logging
import Store

/// What a service gets to do its work: the shared store and a logger.
public struct ServiceEnvironment: Sendable {
    public let pool: PGPool
    public let logger: Logger

    public init(pool: PGPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }
}
