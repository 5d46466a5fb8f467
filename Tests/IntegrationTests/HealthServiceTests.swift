import CLVProto
import CLVService
import CLVStubs
import RPC
import TestSupport
import Testing

@Suite struct HealthServiceTests {
    @Test func healthReportsServingAndAReachableDatabase() async throws {
        let live = try await LiveServer.start(database: try await TestDatabase.freshDatabase(prefix: "health"))
        let client = try await live.client()
        let health = try await HealthRPC.Client(client: client).check()
        #expect(health.status == .serving)
        #expect(health.databaseReachable)
        #expect(health.databaseCheckedMsAgo < 60_000)
        #expect(health.services == [HealthRPC.serviceName])
        #expect(health.version == HealthService.version)
        await client.close()
        try await live.stop()
    }

    @Test func healthNamesAServiceThisProcessDoesNotHost() async throws {
        let live = try await LiveServer.start(database: try await TestDatabase.freshDatabase(prefix: "health"))
        let client = try await live.client()
        let health = HealthRPC.Client(client: client)
        #expect(try await health.check(HealthCheckRequest(service: "clv.valuation.v1.Valuation")).status == .serviceUnknown)
        #expect(try await health.check(HealthCheckRequest(service: HealthRPC.serviceName)).status == .serving)
        await client.close()
        try await live.stop()
    }

    @Test func aProbeResultOlderThanItsMaximumAgeCountsAsUnreachable() async throws {
        let live = try await LiveServer.start(database: try await TestDatabase.freshDatabase(prefix: "stale"), probeMaximumAge: .zero)
        #expect(await live.probe.probe())
        let client = try await live.client()
        let health = try await HealthRPC.Client(client: client).check()
        #expect(health.status == .notServing)
        #expect(!health.databaseReachable)
        await client.close()
        try await live.stop()
    }

    @Test func aDeadlineCancelsTheDatabaseQueryOfTheCall() async throws {
        let live = try await LiveServer.start(database: try await TestDatabase.freshDatabase(prefix: "deadline"))
        let client = try await live.client()
        do {
            _ = try await client.unary(
                DatabaseTestingService.sleep, HealthCheckRequest(service: "deadline-tag"), as: HealthCheckRequest.self,
                options: CallOptions(timeout: .milliseconds(300)))
            Issue.record("the call should have exceeded its deadline")
        } catch {
            #expect(error.code == .deadlineExceeded)
        }
        // Wait until the handler's query has returned (cancelled), then look for it on the server.
        for await tag in live.sleepEnded where tag == "deadline-tag" { break }
        let running = try await live.pool.query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'")
        #expect(try running[0].int("n") == 0)
        await client.close()
        try await live.stop()
    }
}
