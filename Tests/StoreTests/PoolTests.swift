import Dispatch
@testable import Store
import TestSupport
import Testing

@Suite("Connection pool")
struct PoolTests {
    @Test func moreTasksThanConnectionsAllCompleteWithinTheLimit() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "pool", maximumConnections: 3)
        defer { Task { await pool.close() } }
        let gauge = ConcurrencyGauge()
        let results = try await withThrowingTaskGroup(of: (backend: Int64, sessions: Int64).self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await pool.withConnection { connection in
                        try gauge.measure {
                            let row = try connection.query("""
                                SELECT pg_backend_pid() AS backend,
                                       (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS sessions,
                                       pg_sleep(0.01) AS pause
                                """)[0]
                            return (try row.int("backend"), try row.int("sessions"))
                        }
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 24)
        #expect(gauge.peak <= 3)
        #expect(Set(results.map(\.backend)).count <= 3)
        #expect(results.map(\.sessions).max()! <= 3)
        #expect(pool.statistics.open <= 3)
        #expect(pool.statistics.waiting == 0)
    }

    @Test func aWaitingCheckoutCanBeCancelled() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "pool", maximumConnections: 1)
        defer { Task { await pool.close() } }
        let release = DispatchSemaphore(value: 0)
        let holding = DispatchSemaphore(value: 0)
        let holder = Task {
            try await pool.withConnection { connection in
                holding.signal()
                release.wait()  // keeps the only connection busy, on a thread-pool thread
                return try connection.query("SELECT 1 AS one")[0].int("one")
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { holding.wait(); continuation.resume() }
        }
        let waiter = Task { await storeError { try await pool.query("SELECT 2") } }
        while pool.statistics.waiting == 0 { await Task.yield() }
        waiter.cancel()
        #expect(await waiter.value?.kind == .cancelled)
        #expect(pool.statistics.waiting == 0)
        release.signal()
        #expect(try await holder.value == 1)
        #expect(try await pool.query("SELECT 3 AS n")[0].int("n") == 3)
    }

    @Test func anAlreadyCancelledTaskNeverTouchesTheDatabase() async throws {
        // Nothing listens on this port: touching the database would give .unavailable.
        let nowhere = DatabaseConfiguration(host: "127.0.0.1", port: 1, user: "nobody", password: nil, database: "none")
        let pool = TestDatabase.makePool(nowhere, maximumConnections: 1)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await storeError { try await pool.query("SELECT 1") }
        }
        #expect(await task.value?.kind == .cancelled)
        #expect(pool.statistics.open == 0)
    }

    @Test func anUnreachableServerIsUnavailable() async throws {
        var nowhere = DatabaseConfiguration(host: "127.0.0.1", port: 1, user: "nobody", password: nil, database: "none")
        nowhere.connectTimeoutSeconds = 2
        let pool = TestDatabase.makePool(nowhere, maximumConnections: 1)
        #expect(await storeError { try await pool.query("SELECT 1") }?.kind == .unavailable)
        #expect(await pool.ping(timeout: .seconds(30)) == false)
        #expect(pool.statistics.open == 0)
    }

    @Test func aClosedPoolRefusesCheckouts() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "pool", maximumConnections: 2)
        #expect(await pool.ping(timeout: .seconds(30)))
        await pool.close()
        #expect(await storeError { try await pool.query("SELECT 1") }?.kind == .closed)
        #expect(await pool.ping(timeout: .seconds(30)) == false)
        #expect(pool.statistics.open == 0)
    }

    @Test func aConnectionTheServerClosedWhileIdleIsReplacedTransparently() async throws {
        let configuration = try await TestDatabase.freshDatabase(prefix: "pool")
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        let admin = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await pool.close(); await admin.close() } }
        let first = try await pool.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
        let terminated = try await admin.query("SELECT pg_terminate_backend($1::int, 5000) AS done", [.int(first)])
        #expect(try terminated[0].bool("done"))
        let second = try await pool.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
        #expect(second != first)
    }

    @Test func aConnectionBrokenDuringTheBodyIsDiscarded() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "pool", maximumConnections: 1)
        defer { Task { await pool.close() } }
        let first = try await pool.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
        let error = await storeError { try await pool.execute("SELECT pg_terminate_backend(pg_backend_pid())") }
        #expect(error?.kind == .unavailable)
        #expect(pool.statistics.open == 0)
        let second = try await pool.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
        #expect(second != first)
    }
}
