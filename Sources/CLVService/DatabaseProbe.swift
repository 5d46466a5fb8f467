import Logging
import ServiceLifecycle
import Store
import Synchronization

/// Probes the database in the background so health checks answer at once with a fresh result.
public final class DatabaseProbe: Service, Sendable {
    /// One probe's outcome.
    public struct Reading: Sendable {
        public let reachable: Bool
        public let at: ContinuousClock.Instant
    }

    /// Results older than this count as unreachable (one second in production).
    public let maximumAge: Duration

    private let pool: PGPool
    private let interval: Duration
    private let logger: Logger
    private let last = Mutex<Reading?>(nil)

    public init(pool: PGPool, interval: Duration = .milliseconds(250), maximumAge: Duration = .seconds(1), logger: Logger) {
        self.pool = pool
        self.interval = interval
        self.maximumAge = maximumAge
        self.logger = logger
    }

    /// The latest reading, if any probe has finished.
    public var latest: Reading? { last.withLock { $0 } }

    /// Probes once now and records the result.
    @discardableResult
    public func probe() async -> Bool {
        let reachable = await pool.ping(timeout: .seconds(1))
        let previous = last.withLock { state in
            defer { state = Reading(reachable: reachable, at: .now) }
            return state?.reachable
        }
        if previous != reachable {
            logger.log(level: reachable ? .info : .warning, "database \(reachable ? "reachable" : "unreachable")")
        }
        return reachable
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.probe()
                try? await Task.sleep(for: self.interval)
            }
        }
    }
}
