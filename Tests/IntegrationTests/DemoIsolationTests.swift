import CLVProto
import CLVStubs
import DemoShop
import Foundation
import Ingestion
import RPC
import Store
import TestSupport
import Testing
import Valuation

/// `clv demo` beside a shop's real data, as `scripts/run` runs it: the same cluster, a database of
/// its own, the user's data untouched, and the server that owns the cluster left serving. The
/// data directory is under a 0700 parent, as in a `mktemp -d` clone run as root.
@Suite struct DemoIsolationTests {
    @Test func theDemoLeavesTheUsersTablesRunsAndScoringsAsTheyWere() async throws {
        let parent = try ServerProcess.temporaryDirectory(mode: 0o700)
        let dataDirectory = parent + "/.clv/db"
        defer {
            ServerProcess.removeRelocatedCluster(of: dataDirectory)
            try? FileManager.default.removeItem(atPath: parent)
        }
        let port = try await ServerProcess.freePort()
        let (server, lines) = try await ServerProcess.start(dataDirectory: dataDirectory, port: port)
        defer { if server.process.isRunning { server.process.terminate() } }
        if geteuid() == 0 {
            // `postgres` cannot pass the 0700 parent: the cluster is kept elsewhere, and the log says where.
            let home = try String(contentsOfFile: dataDirectory + "/cluster-location", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(lines.contains { $0.contains("keeping its PostgreSQL cluster in \(home)") }, "\(lines.joined(separator: "\n"))")
        }

        // The user's shop: loaded, fitted and scored through the server.
        let client = try await RPCClient.connect(host: "127.0.0.1", port: port)
        let yesterday = CalendarDay(daysSinceEpoch: CalendarDay.today.daysSinceEpoch - 1)
        let shop = try await DemoRunner(
            ingestion: IngestionRPC.Client(client: client), valuation: ValuationRPC.Client(client: client),
            segmentation: SegmentationRPC.Client(client: client))
            .run(DemoShopGenerator(customers: 300, seed: 77, lastDay: yesterday), top: 3)
        await client.close()
        let userRun = try #require(shop.run?.runID)

        // Read the user's database directly, sharing the cluster as the demo will.
        let cluster = EmbeddedPostgres(dataDirectory: dataDirectory, logger: TestDatabase.logger)
        let configuration = try await cluster.start()
        #expect(!cluster.ownsCluster)
        let userPool = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await userPool.close() } }
        let before = try await Self.contents(of: userPool)
        #expect(before["customers"]?.rows == 300 && (before["valuation_runs"]?.rows ?? 0) > 0, "\(before)")
        #expect((before["customer_scores"]?.rows ?? 0) > 0 && before["valuation_current_scoring"]?.rows == 1, "\(before)")

        let demo = try await ChildProcess.run(
            try BuiltProducts.executable("clv"), arguments: ["demo", "--customers", "250", "--top", "3", "--data-dir", dataDirectory],
            environment: ServerProcess.environment)
        #expect(demo.status == 0, "\(demo.output)")
        #expect(demo.output.contains("… database clv_demo in the embedded cluster of \(dataDirectory)"), "\(demo.output)")
        #expect(demo.output.contains("(shared with its owner)"), "\(demo.output)")

        // Every user table holds exactly what it held: rows, runs, current scoring, scores.
        #expect(try await Self.contents(of: userPool) == before)
        let latest = try await userPool.query("SELECT max(run_id) AS id FROM valuation_runs")[0].int("id")
        #expect(latest == Int64(userRun))

        // The demo's shop is in its own database, and nothing in it is dated after now.
        let demoPool = TestDatabase.makePool(configuration.withDatabase("clv_demo"), maximumConnections: 1)
        defer { Task { await demoPool.close() } }
        #expect(try await Self.count(demoPool, "SELECT count(*) FROM customers WHERE customer_id LIKE 'demo1-%'") == 250)
        #expect(try await Self.count(demoPool, "SELECT count(*) FROM customers WHERE customer_id LIKE 'demo77-%'") == 0)
        #expect(try await Self.count(demoPool, "SELECT count(*) FROM valuation_current_scoring") == 1)
        #expect(try await Self.count(demoPool, "SELECT count(*) FROM events WHERE occurred_at > now()") == 0)
        #expect(try await Self.count(demoPool, "SELECT count(*) FROM orders WHERE placed_at > now()") == 0)

        // The demo shared the server's cluster and left it running: the server still serves.
        let report = try await ServerProcess.health(port: port)
        #expect(report?["status"] as? String == "SERVING")
        #expect(report?["database_reachable"] as? Bool == true)
        server.process.interrupt()
        #expect(await server.waitForExit() == 0)
    }

    /// Row count and a digest of every row of every table in the user's database.
    private static func contents(of pool: PGPool) async throws -> [String: Digest] {
        var contents: [String: Digest] = [:]
        for row in try await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename") {
            let table = try row.string("tablename")
            // A name read from the catalogue, quoted: identifiers cannot be bound.
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let result = try await pool.query(
                "SELECT count(*) AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM \(quoted) t")
            contents[table] = Digest(rows: try result[0].int("n"), digest: try result[0].string("digest"))
        }
        return contents
    }

    private static func count(_ pool: PGPool, _ sql: String) async throws -> Int64 {
        let rows = try await pool.query(sql)
        return try rows[0].int(rows.columns[0])
    }

    struct Digest: Equatable, CustomStringConvertible {
        let rows: Int64
        let digest: String
        var description: String { "\(rows) rows" }
    }
}
