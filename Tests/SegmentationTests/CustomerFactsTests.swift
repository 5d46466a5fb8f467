import CLVModels
import CLVProto
import Ingestion
@testable import Segmentation
import Store
import Testing

/// The facts read as of a past day see nothing after it: the latest engagement is the latest
/// open, click or visit on or before that day.
@Suite struct CustomerFactsTests {
    @Test func theLatestEngagementIsTheLastOneOnOrBeforeTheDay() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_facts_engagement")
        // The late open falls in the month of the day before it (not on the 1st), so that month's
        // bucket holds an event after the day; the early visit is months before.
        let today = ShopHistory.today
        let late = CalendarDay(daysSinceEpoch: today - 10).text.hasSuffix("-01") ? 11 : 10
        try await server.store(
            customers: [ShopHistory.customer("engaged"), ShopHistory.customer("silent")],
            orders: ShopHistory.orders("engaged", daysAgo: [200, 100]) + ShopHistory.orders("silent", daysAgo: [200, 100]),
            events: [
                ShopHistory.event("engaged", .siteVisit, daysAgo: 70), ShopHistory.event("engaged", .emailOpened, daysAgo: late),
                ShopHistory.event("engaged", .cartAbandoned, daysAgo: 40), ShopHistory.event("silent", .cartAbandoned, daysAgo: 40),
            ])
        func latest(asOf day: Int32) async throws -> [String: Int32?] {
            let query = CustomerFacts.Query(asOfDay: day, warnings: CLVModels.WarningSettings(), includeProspects: false)
            return try await server.pool.withTransaction { connection in
                var found: [String: Int32?] = [:]
                try CustomerFacts.read(query, on: connection) { found[$0.customerID] = $0.lastEngagementDay }
                return found
            }
        }
        #expect(try await latest(asOf: today - Int32(late) - 1) == ["engaged": today - 70, "silent": nil])
        #expect(try await latest(asOf: today) == ["engaged": today - Int32(late), "silent": nil])
        try await server.stop()
    }
}
