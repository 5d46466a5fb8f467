import CLVModels
import CLVProto
import Foundation
import Store
import Testing

/// The churn model learns from simulated customers whose churn depends on known features, and a
/// training is reproducible.
@Suite struct ChurnModelTests {
    /// 500 customers buying every 15 to 60 days for two years; a third stop at a random day, and
    /// in the three months before they stop they complain and stop opening e-mails.
    static func shop() -> (customers: [Customer], orders: [Order], events: [Event]) {
        var generator = SplitMix64(seed: 12)
        var customers: [Customer] = []
        var orders: [Order] = []
        var events: [Event] = []
        for index in 0..<500 {
            let id = "s\(index)"
            customers.append(ShopHistory.customer(id, market: index % 2 == 0 ? "DE" : "FR"))
            let gap = Int(generator.next() % 46) + 15
            let stop = generator.next() % 3 == 0 ? Int(generator.next() % 600) + 1 : 0
            var days: [Int] = []
            var day = 720 - Int(generator.next() % UInt64(gap))
            while day > stop {
                days.append(day)
                day -= gap
            }
            guard !days.isEmpty else { continue }
            orders += ShopHistory.orders(id, daysAgo: days, amount: Int64(2_000 + generator.next() % 8_000))
            for open in stride(from: 719, to: max(stop, 1), by: -14) where stop == 0 || open > stop + 90 {
                events.append(ShopHistory.event(id, .emailOpened, daysAgo: open))
            }
            if stop > 0 {
                events.append(ShopHistory.event(id, .complaint, daysAgo: stop + 20, reason: "parcel arrived late"))
                events.append(ShopHistory.event(id, .returnRequested, daysAgo: stop + 10, reason: "damaged in transit"))
            }
        }
        return (customers, orders, events)
    }

    @Test func theModelBeatsChanceAndTrainsReproducibly() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_churn")
        let shop = Self.shop()
        try await server.store(customers: shop.customers)
        for start in stride(from: 0, to: shop.orders.count, by: 5_000) {
            try await server.store(orders: Array(shop.orders[start..<min(start + 5_000, shop.orders.count)]))
        }
        for start in stride(from: 0, to: shop.events.count, by: 5_000) {
            try await server.store(events: Array(shop.events[start..<min(start + 5_000, shop.events.count)]))
        }
        let first = try await server.segmentation.trainChurnModel(TrainChurnModelRequest())
        #expect(first.windowDays == 180)
        #expect(first.trainCustomers > 300 && first.validateCustomers > first.trainCustomers / 2)
        #expect(first.trainChurnRate > 0.05 && first.trainChurnRate < 0.6)
        let model = try #require(first.metrics.first)
        #expect(model.scorer == "churn_model")
        #expect(model.auc > 0.8, "\(first.metrics.map { ($0.scorer, $0.auc) })")
        #expect(model.deciles.count == 10 && model.deciles.reduce(0) { $0 + $1.customers } == first.validateCustomers)
        #expect(model.deciles[0].lift > 1.5)
        // Scorecard terms, each named by its features and bins: "recency_days in [30, 60)". Without
        // a valuation run P(alive) is a constant 0.5, which gets no bins.
        let features = Set(first.coefficients.flatMap { $0.feature.components(separatedBy: " × ").map { String($0.prefix { $0 != " " }) } })
        #expect(features.isSuperset(of: ["recency_days", "frequency", "issues_recent"]), "\(features)")
        #expect(!features.contains("probability_alive"), "\(features)")
        #expect(first.coefficients.contains { $0.feature.contains(" × ") })
        #expect(first.scoredCustomers > 0)

        // The same data and request give the same model and the same validation.
        let second = try await server.segmentation.trainChurnModel(TrainChurnModelRequest())
        #expect(second.modelID == first.modelID + 1)
        #expect(second.coefficients == first.coefficients)
        #expect(second.metrics == first.metrics)
        #expect((second.trainCutoff, second.validateCutoff) == (first.trainCutoff, first.validateCutoff))

        // The report reads back as trained; the risks belong to the current model only.
        let report = try await server.segmentation.churnModelReport(ChurnModelReportRequest())
        #expect(report.modelID == second.modelID && report.metrics == second.metrics)
        #expect(try await server.count("SELECT count(DISTINCT model_id) FROM customer_churn_risks") == 1)
        _ = try await server.refresh()
        let risky = try await server.members(ListSegmentMembersRequest(minRisk: 0.5, maxRisk: 1, hasRiskRange: true)).flatMap(\.members)
        #expect(!risky.isEmpty && risky.allSatisfy { $0.hasChurnRisk && $0.churnRisk >= 0.5 })

        // Without a risk range, pages read the risks apart and merge them by id: every member
        // carries its stored risk, on every page, with other filters or without.
        var stored: [String: Double] = [:]
        for row in try await server.pool.query("SELECT customer_id, risk FROM customer_churn_risks") {
            stored[try row.string("customer_id")] = try row.double("risk")
        }
        for request in [ListSegmentMembersRequest(pageSize: 7), ListSegmentMembersRequest(tiers: [.low, .high], pageSize: 3)] {
            let members = try await server.members(request).flatMap(\.members)
            #expect(members.count > 3)
            #expect(members.allSatisfy { member in stored[member.customerID].map { member.hasChurnRisk && member.churnRisk == $0 } ?? !member.hasChurnRisk })
            #expect(members.filter(\.hasChurnRisk).count == members.filter { stored[$0.customerID] != nil }.count)
        }
        try await server.stop()
    }
}
