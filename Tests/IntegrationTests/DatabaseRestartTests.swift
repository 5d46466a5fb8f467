import CLVProto
import CLVService
import CLVStubs
import RPC
import TestSupport
import Testing

@Suite struct DatabaseRestartTests {
    @Test func callsFailWithUnavailableWhileTheDatabaseIsDownAndRecoverAfter() async throws {
        let (cluster, database) = try await TestDatabase.privateCluster()
        let live = try await LiveServer.start(database: database)
        let client = try await live.client()
        let health = HealthRPC.Client(client: client)
        let count = { () async throws(RPCError) -> String in
            try await client.unary(DatabaseTestingService.count, HealthCheckRequest(), as: HealthCheckRequest.self).service
        }
        let applied = try await count()
        #expect(Int(applied)! >= 1)

        try await cluster.stop()
        do {
            _ = try await count()
            Issue.record("a call should fail while the database is down")
        } catch {
            #expect(error.code == .unavailable)
        }
        #expect(await live.probe.probe() == false)
        let down = try await health.check()
        #expect(down.status == .notServing && !down.databaseReachable)

        try await cluster.restart()
        // The same pool, untouched: it must reconnect by itself.
        #expect(try await count() == applied)
        // The probe's own connection reconnects too; each probe gives up after a second, which a
        // machine loaded by the rest of the suite can need many times after a restart.
        var probed = false
        for _ in 0..<30 where !probed { probed = await live.probe.probe() }
        #expect(probed)
        #expect(try await health.check().status == .serving)

        await client.close()
        try await live.stop()
        try await cluster.stop()
    }
}
