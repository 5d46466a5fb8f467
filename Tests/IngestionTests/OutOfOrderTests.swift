import CLVProto
import Ingestion
import Testing

/// The derived statistics do not depend on the order records arrive in, how they are batched,
/// replays, or whether a refund arrives before or after the order it refunds.
@Suite struct OutOfOrderTests {
    static let orderStats = """
        SELECT customer_id, first_purchase_at, last_purchase_at, purchase_days, completed_orders, revenue_base_minor,
               margin_base_minor, margin_orders, cancelled_orders, refunded_orders, returned_orders, refunded_base_minor,
               first_day_revenue_base_minor, margin_revenue_base_minor
        FROM customer_order_stats ORDER BY customer_id
        """
    static let purchaseDays = "SELECT customer_id, day, orders, revenue_base_minor FROM customer_purchase_days ORDER BY customer_id, day"
    static let eventDays = """
        SELECT customer_id, type, day, events, score_sum, scored, last_at FROM customer_event_days ORDER BY customer_id, type, day
        """
    static let eventMonths = """
        SELECT customer_id, month, type, driver, events, last_at FROM customer_event_months ORDER BY 1, 2, 3, 4
        """
    static let storedOrders = """
        SELECT order_id, customer_id, placed_at, amount_minor, currency, amount_base_minor, gross_margin_minor, cost_minor,
               margin_base_minor, platform, item_count, status
        FROM orders ORDER BY order_id
        """
    static let storedEvents = "SELECT event_id, customer_id, occurred_at, type, score, attributes FROM events ORDER BY event_id"

    @Test func shuffledSmallBatchesGiveTheSameStatisticsAsOneBatchInDateOrder() async throws {
        let history = ShopHistory.make()
        let inOrder = try await IngestionServer.start(prefix: "ooo_sorted")
        let shuffled = try await IngestionServer.start(prefix: "ooo_shuffled")

        // (a) Each kind in one batch, in date order; status changes after their orders.
        _ = try await inOrder.client.upsertExchangeRates(history.rates)
        let sorted = try await inOrder.client.ingestOrders(history.orders + history.statusChanges)
        #expect(sorted.inserted == UInt32(history.orders.count))
        #expect(sorted.updated == UInt32(history.statusChanges.count))
        #expect(sorted.rejections.isEmpty)
        let sortedEvents = try await inOrder.client.ingestEvents(history.events)
        #expect(sortedEvents.inserted == UInt32(history.events.count) && sortedEvents.rejections.isEmpty)

        // (b) Shuffled into batches of 1 to 7, with replays, half the changes arriving first.
        _ = try await shuffled.client.upsertExchangeRates(history.rates.reversed())
        var random = SeededGenerator(seed: 0xB47C4)
        let plan = ShuffledDelivery(history: history, random: &random)
        var totals = (inserted: 0, updated: 0, unchanged: 0)
        var rejections: [RecordRejection] = []
        for batch in plan.orderBatches {
            let response = try await shuffled.client.ingestOrders(batch)
            totals.inserted += Int(response.inserted)
            totals.updated += Int(response.updated)
            totals.unchanged += Int(response.unchanged)
            rejections += response.rejections
        }
        #expect(plan.orderBatches.count > 20)
        #expect(totals.inserted == history.orders.count)
        #expect(totals.updated == plan.changesAfterOrder)
        #expect(totals.unchanged == plan.replays)
        // A completed order arriving after its refund cannot undo it.
        #expect(rejections.count == history.statusChanges.count - plan.changesAfterOrder)
        #expect(rejections.allSatisfy { $0.field == "status" && $0.code == RejectionCode.alreadyExists })
        var eventsInserted = 0
        var eventsUnchanged = 0
        for batch in plan.eventBatches {
            let response = try await shuffled.client.ingestEvents(batch)
            #expect(response.rejections.isEmpty)
            eventsInserted += Int(response.inserted)
            eventsUnchanged += Int(response.unchanged)
        }
        #expect(eventsInserted == history.events.count && eventsUnchanged == plan.eventReplays)

        for query in [Self.storedOrders, Self.orderStats, Self.purchaseDays, Self.storedEvents, Self.eventDays, Self.eventMonths] {
            let expected = try await inOrder.rows(query)
            #expect(!expected.isEmpty)
            #expect(try await shuffled.rows(query) == expected, "differs: \(query)")
        }
        try await expectTheHistoryIsCovered(inOrder)
        try await inOrder.stop()

        // The incremental statistics equal statistics recomputed from the stored records.
        #expect(try await shuffled.rows(Self.orderStats) == shuffled.rows(RecomputedStatistics.orderStats))
        #expect(try await shuffled.rows(Self.purchaseDays) == shuffled.rows(RecomputedStatistics.purchaseDays))
        #expect(try await shuffled.rows(Self.eventDays) == shuffled.rows(RecomputedStatistics.eventDays))
        #expect(try await shuffled.rows(Self.eventMonths) == shuffled.rows(RecomputedStatistics.eventMonths))
        try await shuffled.stop()
    }

    /// The data exercises what it is meant to: without these, equal tables would prove little.
    private func expectTheHistoryIsCovered(_ server: IngestionServer) async throws {
        #expect(try await server.count("SELECT count(*) FROM orders WHERE currency = 'USD'") > 5)
        #expect(try await server.count("SELECT count(*) FROM orders WHERE status = 'cancelled'") > 2)
        #expect(try await server.count("SELECT count(*) FROM orders WHERE status_changed_at IS NOT NULL AND status = 'returned'") > 1)
        #expect(try await server.count("SELECT count(*) FROM customer_purchase_days WHERE orders > 1") > 0)
        #expect(try await server.count("SELECT count(*) FROM customer_event_days WHERE scored > 0") > 2)
        #expect(try await server.count("SELECT count(DISTINCT month) FROM customer_event_months") == 3)
        #expect(try await server.count("SELECT count(DISTINCT driver) FROM customer_event_months") == 6)
        let refundedAll = try await server.rows(
            """
            SELECT first_purchase_at, completed_orders, refunded_orders + returned_orders
            FROM customer_order_stats WHERE customer_id = 'c-refund-all'
            """)
        #expect(refundedAll == [[nil, "0", "1"]])
        let cancelledOnly = try await server.rows(
            """
            SELECT completed_orders, cancelled_orders, purchase_days
            FROM customer_order_stats WHERE customer_id = 'c-cancel-only'
            """)
        #expect(cancelledOnly == [["0", "2", "0"]])
    }
}
