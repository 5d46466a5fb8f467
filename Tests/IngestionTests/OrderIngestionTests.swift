import CLVProto
import Ingestion
import RPC
import Testing

@Suite struct OrderIngestionTests {
    @Test func replayingAWholeBatchStoresNothingTwice() async throws {
        let server = try await IngestionServer.start()
        let batch = (0..<200).map { Fixtures.order("o-\($0)", customer: "c-\($0 % 20)", at: Fixtures.monday + Int64($0) * Fixtures.day) }
        let first = try await server.client.ingestOrders(batch)
        #expect(first.inserted == 200 && first.unchanged == 0 && first.rejections.isEmpty)
        let replay = try await server.client.ingestOrders(batch)
        #expect(replay.inserted == 0 && replay.unchanged == 200 && replay.rejections.isEmpty)
        #expect(try await server.count("SELECT count(*) FROM orders") == 200)
        #expect(try await server.count("SELECT sum(completed_orders) FROM customer_order_stats") == 200)
        #expect(try await server.count("SELECT count(*) FROM customers WHERE NOT described") == 20)
        try await server.stop()
    }

    @Test func aConflictingResendIsRejectedAndTheStoredOrderKept() async throws {
        let server = try await IngestionServer.start()
        _ = try await server.client.ingestOrders([Fixtures.order("o-1", cents: 1_000)])
        let resend = try await server.client.ingestOrders([Fixtures.order("o-1", cents: 1_200)])
        #expect(resend.inserted == 0 && resend.updated == 0)
        let rejection = try #require(resend.rejections.first)
        #expect(rejection.code == UInt32(RPCStatusCode.alreadyExists.rawValue))
        #expect(rejection.field == "amount.minor_units")
        #expect(rejection.recordID == "o-1")
        #expect(try await server.count("SELECT amount_minor FROM orders WHERE order_id = 'o-1'") == 1_000)
        try await server.stop()
    }

    @Test func aRefundAfterCompletionUpdatesTheOrderAndTheStatistics() async throws {
        let server = try await IngestionServer.start()
        _ = try await server.client.ingestOrders([
            Fixtures.order("o-1", at: Fixtures.monday, cents: 1_000),
            Fixtures.order("o-2", at: Fixtures.monday + 3 * Fixtures.day, cents: 3_000),
        ])
        let refund = try await server.client.ingestOrders([
            Fixtures.order("o-2", at: Fixtures.monday + 3 * Fixtures.day, cents: 3_000, status: .refunded)
        ])
        #expect(refund.updated == 1 && refund.rejections.isEmpty)
        let stats = try await server.rows(
            """
            SELECT completed_orders, revenue_base_minor, purchase_days, refunded_orders, refunded_base_minor,
                   last_purchase_at = first_purchase_at
            FROM customer_order_stats WHERE customer_id = 'c-1'
            """)
        #expect(stats == [["1", "1000", "1", "1", "3000", "t"]])
        // A refunded order cannot become completed again.
        let back = try await server.client.ingestOrders([
            Fixtures.order("o-2", at: Fixtures.monday + 3 * Fixtures.day, cents: 3_000, status: .completed)
        ])
        #expect(back.rejections.first?.field == "status")
        #expect(back.rejections.first?.code == UInt32(RPCStatusCode.alreadyExists.rawValue))
        try await server.stop()
    }

    @Test func theFirstPurchaseDaysRevenueFollowsLateOrdersAndRefunds() async throws {
        let server = try await IngestionServer.start()
        let firstDayRevenue = "SELECT first_day_revenue_base_minor FROM customer_order_stats WHERE customer_id = 'c-1'"
        _ = try await server.client.ingestOrders([
            Fixtures.order("o-later", at: Fixtures.monday + 5 * Fixtures.day, cents: 5_000),
            Fixtures.order("o-first", at: Fixtures.monday + 2 * Fixtures.day, cents: 1_000),
        ])
        #expect(try await server.count(firstDayRevenue) == 1_000)
        // Another order on the first day adds to it; one on a later day does not.
        _ = try await server.client.ingestOrders([
            Fixtures.order("o-same", at: Fixtures.monday + 2 * Fixtures.day + 3_600_000, cents: 300),
            Fixtures.order("o-mid", at: Fixtures.monday + 3 * Fixtures.day, cents: 700),
        ])
        #expect(try await server.count(firstDayRevenue) == 1_300)
        // An order arriving late on an earlier day makes that day the first.
        _ = try await server.client.ingestOrders([Fixtures.order("o-early", at: Fixtures.monday, cents: 250)])
        #expect(try await server.count(firstDayRevenue) == 250)
        // Refunding it moves the first day back.
        _ = try await server.client.ingestOrders([Fixtures.order("o-early", at: Fixtures.monday, cents: 250, status: .refunded)])
        #expect(try await server.count(firstDayRevenue) == 1_300)
        try await server.stop()
    }

    @Test func anOrderWithoutItsRateIsRejectedNamingCurrencyAndDate() async throws {
        let server = try await IngestionServer.start()
        let response = try await server.client.ingestOrders([
            Fixtures.order("o-usd", currency: "USD"), Fixtures.order("o-eur"),
        ])
        #expect(response.inserted == 1)
        let rejection = try #require(response.rejections.first)
        #expect(rejection.index == 0)
        #expect(rejection.code == UInt32(RPCStatusCode.failedPrecondition.rawValue))
        #expect(rejection.reason.contains("USD") && rejection.reason.contains("2026-03-02"))

        _ = try await server.client.upsertExchangeRates([ExchangeRate(currency: "USD", date: "2026-03-02", rate: "0.9215")])
        let retried = try await server.client.ingestOrders([Fixtures.order("o-usd", cents: 1_234, currency: "USD")])
        #expect(retried.inserted == 1)
        #expect(try await server.count("SELECT amount_base_minor FROM orders WHERE order_id = 'o-usd'") == 1_137)
        try await server.stop()
    }

    @Test func theValidHalfOfABatchIsStoredAndEachRejectionNamesItsRecord() async throws {
        let server = try await IngestionServer.start()
        var batch: [Order] = []
        for index in 0..<10 {
            var order = Fixtures.order("o-\(index)")
            if index.isMultiple(of: 2) { order.amount?.minorUnits = -1 }
            batch.append(order)
        }
        let response = try await server.client.ingestOrders(batch)
        #expect(response.received == 10 && response.inserted == 5)
        #expect(response.rejections.map(\.index) == [0, 2, 4, 6, 8])
        #expect(response.rejections.allSatisfy { $0.field == "amount.minor_units" })
        #expect(try await server.count("SELECT count(*) FROM orders") == 5)
        try await server.stop()
    }
}
