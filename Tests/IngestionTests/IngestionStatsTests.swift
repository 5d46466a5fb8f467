import CLVProto
import Ingestion
import Testing

@Suite struct IngestionStatsTests {
    @Test func aNewStoreReportsNothing() async throws {
        let server = try await IngestionServer.start(prefix: "stats", baseCurrency: nil)
        let stats = try await server.client.getStats()
        #expect(stats.baseCurrency == "")
        #expect(stats.undescribedCustomers == 0)
        #expect(stats.kinds.map(\.kind).sorted() == ["customers", "events", "exchange_rates", "orders"])
        #expect(stats.kinds.allSatisfy { $0.stored == 0 && $0.rejected == 0 && $0.latestAtUnixMs == 0 })
        try await server.stop()
    }

    @Test func statsCountStoredAndRejectedRecordsAndTheLatestTimes() async throws {
        let server = try await IngestionServer.start(prefix: "stats")
        let late = Fixtures.monday + 5 * Fixtures.day + 123
        var badOrder = Fixtures.order("o-bad")
        badOrder.status = .unspecified

        _ = try await server.client.upsertCustomers([Customer(customerID: "c-1"), Customer(customerID: "c-2", market: "de")])
        _ = try await server.client.ingestOrders([
            Fixtures.order("o-1", customer: "c-1", at: late), Fixtures.order("o-2", customer: "c-9", at: Fixtures.monday), badOrder,
        ])
        // An earlier order, a replay and two more rejections in a later batch.
        _ = try await server.client.ingestOrders([
            Fixtures.order("o-3", customer: "c-1", at: Fixtures.monday - Fixtures.day),
            Fixtures.order("o-1", customer: "c-1", at: late),
            badOrder, Fixtures.order("o-usd", currency: "USD"),
        ])
        _ = try await server.client.ingestEvents([
            Fixtures.event("e-1", customer: "c-8", at: Fixtures.monday + 7),
            Fixtures.event("e-2", customer: "c-1", at: Fixtures.monday - Fixtures.day),
            Fixtures.event("", customer: "c-1"),
        ])
        _ = try await server.client.upsertExchangeRates([
            ExchangeRate(currency: "USD", date: "2026-03-04", rate: "0.92"),
            ExchangeRate(currency: "USD", date: "2026-03-01", rate: "0.93"),
            ExchangeRate(currency: "EUR", date: "2026-03-01", rate: "1"),
        ])

        let stats = try await server.client.getStats()
        #expect(stats.baseCurrency == "EUR")
        #expect(stats["customers"]?.stored == 3)
        #expect(stats["customers"]?.rejected == 1)
        #expect(stats["orders"].map { [$0.stored, $0.rejected] } == [3, 3])
        #expect(stats["orders"]?.latestAtUnixMs == late)
        #expect(stats["events"].map { [$0.stored, $0.rejected] } == [2, 1])
        #expect(stats["events"]?.latestAtUnixMs == Fixtures.monday + 7)
        #expect(stats["exchange_rates"].map { [$0.stored, $0.rejected] } == [2, 1])
        #expect(stats["exchange_rates"]?.latestAtUnixMs == CalendarDay(parsing: "2026-03-04")!.startUnixMilliseconds)
        // c-9 from an order, c-8 from an event; c-1 was described first.
        #expect(stats.undescribedCustomers == 2)

        _ = try await server.client.upsertCustomers([Customer(customerID: "c-9")])
        #expect(try await server.client.getStats().undescribedCustomers == 1)
        try await server.stop()
    }
}
