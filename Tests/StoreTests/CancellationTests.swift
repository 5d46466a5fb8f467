@testable import Store
import TestSupport
import Testing

@Suite("Cancellation")
struct CancellationTests {
    /// Waits until a statement starting with `prefix` runs in the database (polling the server,
    /// bounded), so the cancel below hits a running query.
    private func waitUntilRunning(_ prefix: String, monitor: PGPool) async throws {
        for _ in 0..<2_000 {
            let running = try await monitor.query(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1",
                [.text(prefix + "%")])
            if try running[0].int("n") > 0 { return }
        }
        Issue.record("the statement never started")
    }

    private func activeSleeps(_ monitor: PGPool) async throws -> Int64 {
        try await monitor.query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'"
        )[0].int("n")
    }

    @Test func cancellingTheTaskCancelsTheQueryOnTheServer() async throws {
        let configuration = try await TestDatabase.freshDatabase(prefix: "cancel")
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        let monitor = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await pool.close(); await monitor.close() } }

        let task = Task { await storeError { try await pool.query("SELECT pg_sleep(30)") } }
        try await waitUntilRunning("SELECT pg_sleep(30)", monitor: monitor)
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let error = await task.value
        #expect(error?.kind == .cancelled)
        #expect(error?.sqlState == "57014")
        #expect(ContinuousClock.now - cancelledAt < .seconds(10))  // far below the 30 s sleep
        #expect(try await activeSleeps(monitor) == 0)
        // The connection went back clean and serves the next checkout.
        #expect(try await pool.query("SELECT 5 AS n")[0].int("n") == 5)
        #expect(pool.statistics.open == 1)
    }

    @Test func cancellingATransactionRollsItBack() async throws {
        let configuration = try await TestDatabase.freshDatabase(prefix: "cancel")
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        let monitor = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await pool.close(); await monitor.close() } }
        try await pool.execute("CREATE TABLE marks (n int)")

        let task = Task {
            await storeError {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO marks VALUES (1)")
                    try connection.execute("SELECT pg_sleep(30)")
                    try connection.execute("INSERT INTO marks VALUES (2)")
                }
            }
        }
        try await waitUntilRunning("SELECT pg_sleep(30)", monitor: monitor)
        task.cancel()
        #expect(await task.value?.kind == .cancelled)
        #expect(try await pool.query("SELECT count(*) AS n FROM marks")[0].int("n") == 0)
        #expect(try await activeSleeps(monitor) == 0)
    }
}
