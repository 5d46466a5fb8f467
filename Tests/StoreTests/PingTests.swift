import Dispatch
@testable import Store
import TestSupport
import Testing

@Suite("Ping")
struct PingTests {
    @Test func pingAnswersWhileEveryConnectionIsBusy() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "ping", maximumConnections: 1)
        defer { Task { await pool.close() } }
        let release = DispatchSemaphore(value: 0)
        let holding = DispatchSemaphore(value: 0)
        let holder = Task {
            try await pool.withConnection { _ in
                holding.signal()
                release.wait()
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { holding.wait(); continuation.resume() }
        }
        #expect(await pool.ping(timeout: .seconds(30)))
        #expect(await pool.ping(timeout: .seconds(30)))  // reuses the probe connection
        #expect(pool.statistics.open == 1)
        release.signal()
        try await holder.value
    }

    @Test func aCancelledPingIsFalse() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "ping", maximumConnections: 1)
        defer { Task { await pool.close() } }
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await pool.ping(timeout: .seconds(30))
        }
        #expect(await task.value == false)
        #expect(await pool.ping(timeout: .seconds(30)))
    }
}

extension PingTests {
    @Test func aHangingServerIsReportedDownAtTheDeadline() async throws {
        let listener = try SilentListener()
        var hanging = DatabaseConfiguration(host: "127.0.0.1", port: listener.port, user: "u", password: nil, database: "d")
        // A connect timeout far beyond the deadline, so that a loaded machine's scheduling delays
        // (seconds, under the full suite) cannot be mistaken for it.
        hanging.connectTimeoutSeconds = 120
        let pool = TestDatabase.makePool(hanging, maximumConnections: 1)
        let started = ContinuousClock.now
        #expect(await pool.ping(timeout: .milliseconds(200)) == false)
        // Long before the connect timeout: the deadline, not the connect, ended it.
        #expect(ContinuousClock.now - started < .seconds(60))
        withExtendedLifetime(listener) {}
    }
}
