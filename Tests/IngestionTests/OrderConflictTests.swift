import CLVProto
import Ingestion
import Testing

/// A resent order that differs from the stored one in anything but a legal status change.
@Suite struct OrderConflictTests {
    static let stored = """
        SELECT order_id, customer_id, placed_at, amount_minor, currency, amount_base_minor, gross_margin_minor, cost_minor,
               margin_base_minor, platform, item_count, status
        FROM orders
        """

    @Test(arguments: OrderConflictCase.all)
    func aConflictingResendIsRejectedAndChangesNothing(_ conflict: OrderConflictCase) async throws {
        let server = try await IngestionServer.start(prefix: "order_conflict")
        _ = try await server.client.upsertExchangeRates([ExchangeRate(currency: "GBP", date: "2026-03-02", rate: "1.17")])
        _ = try await server.client.ingestOrders([OrderConflictCase.stored])
        let order = try await server.rows(Self.stored)
        let statistics = try await server.rows("SELECT * FROM customer_order_stats")

        let response = try await server.client.ingestOrders([conflict.resent])
        #expect(response.inserted == 0 && response.updated == 0 && response.unchanged == 0)
        let rejection = try #require(response.rejections.first)
        #expect(rejection.field == conflict.field)
        #expect(rejection.code == RejectionCode.alreadyExists)
        #expect(try await server.rows(Self.stored) == order)
        #expect(try await server.rows("SELECT * FROM customer_order_stats") == statistics)
        // A rejected order leaves nothing behind, not even the customer it named.
        #expect(try await server.rows("SELECT customer_id FROM customers") == [["c-1"]])
        try await server.stop()
    }
}
