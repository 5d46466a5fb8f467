import CLVProto
import Store
import Testing

/// A refresh replaces the assignment at once, keeps stage changes and migration matrices, and a
/// customer's card is current without one.
@Suite struct RefreshTests {
    /// Forty customers with one to five orders spread over two years, and their ids.
    static func population(_ server: SegmentationServer) async throws -> [String] {
        let ids = (0..<40).map { "p\($0)" }
        try await server.store(
            customers: ids.map { ShopHistory.customer($0, market: $0.hasSuffix("1") ? "FR" : "DE") },
            orders: ids.enumerated().flatMap { index, id in
                ShopHistory.orders(id, daysAgo: (0...(index % 5)).map { 3 + index * 17 + $0 * 29 }, amount: Int64(1_000 + 250 * index))
            })
        return ids
    }

    @Test func anOrderShowsAtOnceWithoutARefresh() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_current")
        _ = try await Self.population(server)
        try await server.store(customers: [ShopHistory.customer("sleeper")], orders: ShopHistory.orders("sleeper", daysAgo: [400, 300]))
        let refresh = try await server.refresh()
        let before = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: "sleeper"))
        #expect(before.stored?.stage == .dormant)
        #expect(before.current?.stage == .dormant)
        #expect(before.facts?.recencyDays == 300)
        #expect(before.refresh?.refreshID == refresh.refreshID)

        try await server.store(orders: ShopHistory.orders("sleeper", daysAgo: [0], amount: 90_000))
        let after = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: "sleeper"))
        #expect(after.stored?.stage == .dormant, "the stored assignment is the refresh's")
        #expect(after.current?.stage == .reactivated)
        #expect(after.current?.rfm?.recency == 5)
        #expect(after.current?.rfm?.monetary ?? 0 > before.current?.rfm?.monetary ?? 5)
        #expect(after.facts?.recencyDays == 0)
        #expect(after.facts?.frequency == 3)
        try await server.stop()
    }

    /// A refresh reads the events on a second connection in the first one's snapshot and files
    /// them under their customers in Swift: every customer is placed exactly once, and where
    /// their card (read alone, on one connection) says they stand now.
    @Test func aRefreshReadOnTwoConnectionsPlacesEveryCustomerOnce() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_parts")
        let ids = try await Self.population(server)
        try await server.store(
            events: ids.enumerated().flatMap { index, id in
                (0..<(index % 4)).map { ShopHistory.event(id, index % 2 == 0 ? .emailOpened : .complaint, daysAgo: 10 + $0 * 40, index: $0) }
                    // A visit a month for a year: buckets enough for the event table to span blocks.
                    + (0..<12).map { ShopHistory.event(id, .siteVisit, daysAgo: 5 + $0 * 31, index: 10 + $0) }
            })
        let blocks = try await server.count("SELECT pg_relation_size('customer_event_months') / current_setting('block_size')::int")
        #expect(blocks >= 2, "with one block the first connection reads no events")
        let refresh = try await server.refresh()
        #expect(refresh.customers == UInt64(ids.count))
        let placed = try await server.count(
            "SELECT count(DISTINCT customer_id) FROM segment_assignments WHERE refresh_id = $1", [.int(Int64(refresh.refreshID))])
        #expect(placed == Int64(ids.count))
        for id in ids {
            let card = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: id))
            #expect(card.stored?.rfm == card.current?.rfm, "\(id)")
            #expect(card.stored?.segment == card.current?.segment, "\(id)")
            #expect(card.stored?.stage == card.current?.stage, "\(id)")
            #expect(card.stored?.tier == card.current?.tier, "\(id)")
            #expect(card.stored?.warnings.map(\.code) == card.current?.warnings.map(\.code), "\(id)")
            #expect(card.stored?.driver == card.current?.driver, "\(id)")
        }
        try await server.stop()
    }

    @Test func stageChangesAndMigrationMatricesAreKept() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_transitions")
        _ = try await Self.population(server)
        try await server.store(customers: [ShopHistory.customer("sleeper")], orders: ShopHistory.orders("sleeper", daysAgo: [400, 300]))
        let first = try await server.refresh()
        await expectCode(.failedPrecondition, contains: "transitions need two refreshes") {
            _ = try await server.segmentation.segmentTransitions(SegmentTransitionsRequest())
        }
        try await server.store(
            customers: [ShopHistory.customer("newcomer")], orders: ShopHistory.orders("sleeper", daysAgo: [1]))
        let second = try await server.refresh()
        #expect(second.previousRefreshID == first.refreshID)
        #expect(second.stageChanges >= 2)

        let transitions = try await server.segmentation.segmentTransitions(SegmentTransitionsRequest())
        #expect(transitions.fromRefresh?.refreshID == first.refreshID)
        #expect(transitions.toRefresh?.refreshID == second.refreshID)
        #expect(transitions.stages.contains { $0.from == "dormant" && $0.to == "reactivated" && $0.customers == 1 })
        #expect(transitions.stages.contains { $0.from == "" && $0.to == "prospect" && $0.customers == 1 })
        #expect(transitions.stages.reduce(0) { $0 + $1.customers } == second.customers)
        #expect(transitions.segments.reduce(0) { $0 + $1.customers } == second.customers)

        let card = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: "sleeper"))
        #expect(card.stageHistory.first?.fromStage == .dormant)
        #expect(card.stageHistory.first?.toStage == .reactivated)
        #expect(card.stageHistory.first?.refreshID == second.refreshID)
        try await server.stop()
    }

    /// Readers during a refresh see one refresh's assignment whole: the high tier's size under
    /// each refresh's own tier share, never a mix of the two.
    @Test func readersSeeTheOldOrTheNewAssignmentNeverAMix() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_atomic")
        _ = try await Self.population(server)
        let narrow = try await server.refresh(SegmentationSettings(tiers: ValueTierSettings(highShare: 0.1)))
        let narrowHigh = try await Self.highTier(server)
        #expect(narrowHigh.refresh == narrow.refreshID)

        let readers = Task {
            var seen: [(UInt64, UInt64)] = []
            for _ in 0..<40 { seen.append(try await Self.highTier(server)) }
            return seen
        }
        let wide = try await server.refresh(SegmentationSettings(tiers: ValueTierSettings(highShare: 0.5)))
        let wideHigh = try await Self.highTier(server)
        #expect(wideHigh.refresh == wide.refreshID)
        #expect(wideHigh.customers > narrowHigh.customers)
        for (refresh, customers) in try await readers.value {
            #expect((refresh, customers) == (narrowHigh.refresh, narrowHigh.customers) || (refresh, customers) == (wideHigh.refresh, wideHigh.customers))
        }
        try await server.stop()
    }

    static func highTier(_ server: SegmentationServer) async throws -> (refresh: UInt64, customers: UInt64) {
        let summary = try await server.segmentation.segmentSummary(SegmentSummaryRequest())
        let stages = summary.stages.filter { $0.group.isEmpty }.reduce(0) { $0 + $1.customers }
        #expect(stages == summary.refresh?.customers)
        return (summary.refresh?.refreshID ?? 0, summary.tiers.first { $0.name == "high" && $0.group.isEmpty }?.customers ?? 0)
    }
}
