import CLVProto
import CLVStubs
import Foundation
import Ingestion
import NIOPosix
import RPC
import Store
import TestSupport
import Testing

/// `clv-server` killed (SIGKILL) while it stores a batch: the batch commits whole or not at all,
/// the derived statistics agree with the orders, and sending the batch again stores it whole.
@Suite struct ServerKilledMidBatchTests {
    static let batchSize = 50_000
    /// 2026-03-02T10:00:00Z.
    static let start: Int64 = 1_772_445_600_000

    /// Orders of 5,000 customers over five weeks: every 10th cancelled, every 25th refunded.
    static let batch: [Order] = (0..<batchSize).map { index in
        let status: OrderStatus = index.isMultiple(of: 10) ? .cancelled : index.isMultiple(of: 25) ? .refunded : .completed
        return Order(
            orderID: "o-\(index)", customerID: "c-\(index % 5_000)", placedAtUnixMs: start + Int64(index) * 60_000,
            amount: Money(minorUnits: 100 + Int64(index % 977), currency: "EUR"), platform: "web", itemCount: 1, status: status)
    }
    static let completed = batch.count { $0.status == .completed }

    @Test func aKilledBatchCommitsNothingOrEverythingAndAResendStoresItWhole() async throws {
        let database = try await TestDatabase.freshDatabase(prefix: "killed")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clv-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let observer = TestDatabase.makePool(database, maximumConnections: 1)

        let (first, firstPort) = try await launchServer(database: database, directory: directory)
        let firstClient = try await RPCClient.connect(host: "127.0.0.1", port: firstPort)
        _ = try await IngestionRPC.Client(client: firstClient).setBaseCurrency("EUR")
        let finished = CompletionFlag()
        let sending = Task { () -> Result<IngestResponse, RPCError> in
            defer { finished.set() }
            do throws(RPCError) { return .success(try await IngestionRPC.Client(client: firstClient).ingestOrders(Self.batch)) } catch {
                return .failure(error)
            }
        }

        // Polling is the only way to see another process's state; bounded by a deadline.
        let deadline = ContinuousClock.now + .seconds(120)
        while try await serverBackends(observer, executing: "%INSERT INTO orders%") == 0 {
            try #require(!finished.isSet, "the batch completed before its insert was seen running")
            try #require(ContinuousClock.now < deadline, "the server never started inserting the batch")
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(first.process.processIdentifier, SIGKILL)
        _ = await first.waitForExit()
        #expect(first.process.terminationReason == .uncaughtSignal)
        let outcome = await sending.value
        await firstClient.close()
        while try await serverBackends(observer) > 0 {
            try #require(ContinuousClock.now < deadline, "the killed server's database sessions never ended")
            try await Task.sleep(for: .milliseconds(20))
        }

        let stored = try await count(observer, "SELECT count(*) FROM orders")
        #expect(stored == 0 || stored == Int64(Self.batchSize), "a partial batch of \(stored) orders was committed")
        if case .success = outcome { #expect(stored == Int64(Self.batchSize)) }
        try await expectStatisticsMatchOrders(observer)

        let (second, secondPort) = try await launchServer(database: database, directory: directory)
        let secondClient = try await RPCClient.connect(host: "127.0.0.1", port: secondPort)
        let resent = try await IngestionRPC.Client(client: secondClient).ingestOrders(Self.batch)
        #expect(resent.rejections.isEmpty)
        #expect(resent.inserted + resent.unchanged == UInt32(Self.batchSize))
        #expect(Int64(resent.inserted) == Int64(Self.batchSize) - stored)
        #expect(try await count(observer, "SELECT count(*) FROM orders") == Int64(Self.batchSize))
        #expect(try await count(observer, "SELECT count(DISTINCT order_id) FROM orders") == Int64(Self.batchSize))
        #expect(try await count(observer, "SELECT count(*) FROM customers") == 5_000)
        #expect(try await count(observer, "SELECT coalesce(sum(completed_orders), 0) FROM customer_order_stats") == Int64(Self.completed))
        try await expectStatisticsMatchOrders(observer)

        await secondClient.close()
        await observer.close()
        second.process.interrupt()
        #expect(await second.waitForExit() == 0)
    }

    /// The derived statistics add up to what the orders table holds.
    private func expectStatisticsMatchOrders(_ pool: PGPool) async throws {
        #expect(
            try await count(pool, "SELECT coalesce(sum(completed_orders), 0) FROM customer_order_stats")
                == count(pool, "SELECT count(*) FROM orders WHERE status = 'completed'"))
        #expect(
            try await count(pool, "SELECT coalesce(sum(revenue_base_minor), 0) FROM customer_order_stats")
                == count(pool, "SELECT coalesce(sum(amount_base_minor), 0) FROM orders WHERE status = 'completed'"))
        #expect(
            try await count(pool, "SELECT coalesce(sum(cancelled_orders + refunded_orders), 0) FROM customer_order_stats")
                == count(pool, "SELECT count(*) FROM orders WHERE status IN ('cancelled', 'refunded')"))
        #expect(
            try await count(pool, "SELECT coalesce(sum(orders), 0) FROM customer_purchase_days")
                == count(pool, "SELECT count(*) FROM orders WHERE status = 'completed'"))
    }

    /// Starts `clv-server` on `database` and waits until it listens. The port is free when
    /// chosen but may be taken before the server binds it (tests run in parallel): then it is
    /// tried again on another.
    private func launchServer(database: DatabaseConfiguration, directory: URL) async throws -> (ChildProcess, Int) {
        var environment = ProcessInfo.processInfo.environment
        environment["CLV_DATABASE_URL"] = database.url
        environment.removeValue(forKey: "CLV_TOKENS_FILE")
        var attempt = 1
        while true {
            let port = try await freePort()
            let server = try ChildProcess(
                try BuiltProducts.executable("clv-server"),
                arguments: [
                    "--listen", "127.0.0.1:\(port)", "--data-dir", directory.appendingPathComponent("db").path,
                    "--pii-key-file", directory.appendingPathComponent("pii.key").path,
                ],
                environment: environment)
            let started = await server.errorLines(until: "listening")
            if started.found { return (server, port) }
            let portTaken = started.lines.contains { $0.contains("Address already in use") }
            try #require(portTaken && attempt < 3, "clv-server never started listening; it said:\n\(started.lines.joined(separator: "\n"))")
            attempt += 1
        }
    }

    /// Sessions on the test database other than the observer's own, optionally only those
    /// running a statement like `query`.
    private func serverBackends(_ pool: PGPool, executing query: String? = nil) async throws -> Int64 {
        guard let query else {
            return try await count(
                pool, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        }
        return try await count(
            pool,
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE $1
            """, [.text(query)])
    }

    private func count(_ pool: PGPool, _ sql: String, _ parameters: [PGValue] = []) async throws -> Int64 {
        let rows = try await pool.query(sql, parameters)
        return try rows[0].int(rows.columns[0])
    }

    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        defer { channel.close(promise: nil) }
        return channel.localAddress!.port!
    }
}
