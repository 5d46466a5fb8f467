import CLVModels
import CLVProto
import Testing

/// Customers crafted to land on every RFM triple, every named segment and every lifecycle stage,
/// placed by a real refresh over their stored orders.
@Suite struct CraftedCustomerTests {
    /// Days since the last purchase for recency scores 1…5: five levels, 25 customers each.
    static let recencyDays = [400, 200, 90, 30, 5]

    /// One customer per (R, F, M) triple: each measure takes five levels equally often, so the
    /// quintile cuts fall on the first four levels and a customer on level k scores k.
    static func grid() -> (customers: [Customer], orders: [Order]) {
        var customers: [Customer] = []
        var orders: [Order] = []
        for scores in RFMScores.all {
            let id = "g\(scores.recency)\(scores.frequency)\(scores.monetary)"
            customers.append(ShopHistory.customer(id))
            let last = recencyDays[scores.recency - 1]
            orders += ShopHistory.orders(
                id, daysAgo: (0..<scores.frequency).map { last + 3 * $0 }, amount: Int64(scores.monetary) * 2_000)
        }
        return (customers, orders)
    }

    @Test func everyTripleAndEverySegmentIsPlacedAsTheRuleTableSays() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_grid")
        let grid = Self.grid()
        try await server.store(customers: grid.customers, orders: grid.orders)
        let refresh = try await server.refresh()
        #expect(refresh.cutPoints?.recencyDays == [400, 200, 90, 30])
        #expect(refresh.cutPoints?.frequency == [1, 2, 3, 4])
        #expect(refresh.cutPoints?.monetary == [2_000, 4_000, 6_000, 8_000])

        let members = try await server.members().flatMap(\.members)
        #expect(members.count == 125)
        for member in members {
            let digits = member.customerID.dropFirst().compactMap { UInt32(String($0)) }
            #expect(member.rfm.map { [$0.recency, $0.frequency, $0.monetary] } == digits, "\(member.customerID)")
            let expected = RFMSegment(RFMScores(recency: Int(digits[0]), frequency: Int(digits[1]), monetary: Int(digits[2])))
            #expect(member.segment.name == expected.rawValue, "\(member.customerID)")
        }
        #expect(Set(members.map(\.segment.name)) == Set(RFMSegment.allCases.map(\.rawValue)))
        try await server.stop()
    }

    @Test func everyLifecycleStageIsReached() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_stages")
        try await server.store(
            customers: ["prospect", "new", "developing", "mature", "dormant", "churned", "reactivated"].map { ShopHistory.customer($0) },
            orders: ShopHistory.orders("new", daysAgo: [20]) + ShopHistory.orders("developing", daysAgo: [10, 60, 150])
                + ShopHistory.orders("mature", daysAgo: [15, 200, 500]) + ShopHistory.orders("dormant", daysAgo: [200, 260])
                + ShopHistory.orders("churned", daysAgo: [400, 700]) + ShopHistory.orders("reactivated", daysAgo: [250, 300]))
        _ = try await server.refresh()
        try await server.store(orders: ShopHistory.orders("reactivated", daysAgo: [2]))
        _ = try await server.refresh()
        let stages = Dictionary(uniqueKeysWithValues: try await server.members().flatMap(\.members).map { ($0.customerID, $0.stage.name) })
        for (customer, stage) in stages { #expect(customer == stage) }
        #expect(stages.count == CLVModels.LifecycleStage.allCases.count)
        try await server.stop()
    }

    /// Each customer's recent history carries the traces of one cause; the refresh names it.
    @Test func theDominantDriverNamesEachCause() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_drivers")
        let causes: [(String, [Event])] = [
            ("logistics", [("parcel arrived two weeks late", EventType.returnRequested), ("package lost by courier", .complaint)]),
            ("product_quality", [("stopped working after a week", .negativeReview), ("defective zipper", .returnRequested)]),
            ("price", [("price too high", .cartAbandoned), ("found it cheaper elsewhere", .cartAbandoned)]),
            ("service", [("no response from support", .complaint), ("support agent was rude", .supportTicket)]),
            ("payment", [("card declined", .paymentFailed), ("payment failed", .orderCancelled)]),
            ("disengagement", []),
        ].map { cause, traces in
            (cause, traces.enumerated().map { index, trace in
                ShopHistory.event(cause, trace.1, daysAgo: 20 + index, reason: trace.0, index: index)
            })
        }
        // Every 20 days for a year, then silence: the frequency drops for everyone; the traces differ.
        let orders = causes.flatMap { cause, _ in ShopHistory.orders(cause, daysAgo: Array(stride(from: 60, through: 420, by: 20))) }
        try await server.store(customers: causes.map { ShopHistory.customer($0.0) }, orders: orders, events: causes.flatMap(\.1))
        _ = try await server.refresh()
        for (cause, _) in causes {
            let card = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: cause))
            #expect(card.stored?.driver.name == cause, "\(card.stored?.warnings ?? [])")
            #expect(card.current?.driver.name == cause)
            #expect(card.stored?.warnings.contains { $0.code == .frequencyDrop } == true, "\(cause)")
        }
        try await server.stop()
    }
}
