import CLVProto
import Store
import Testing

/// Member listings stream every member once, in customer-id order, and resume from any page
/// token without gaps or repeats.
@Suite struct MemberPagingTests {
    @Test func pagesResumeWithoutGapsOrRepeats() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_paging")
        // Ids whose bytewise order differs from a locale's: upper case, digits, non-ASCII.
        let ids = (0..<53).map { "c\($0 % 7 == 0 ? "Z" : "a")\($0)" } + ["é1", "Ω2", "A3"]
        try await server.store(
            customers: ids.map { ShopHistory.customer($0) },
            orders: ids.enumerated().flatMap { ShopHistory.orders($1, daysAgo: [5 + $0 * 7]) })
        let refresh = try await server.refresh()
        #expect(refresh.customers == UInt64(ids.count))

        let all = try await server.members(ListSegmentMembersRequest(pageSize: 10))
        #expect(all.count == 6)
        #expect(all.dropLast().allSatisfy { $0.members.count == 10 && !$0.nextPageToken.isEmpty })
        #expect(all.last?.nextPageToken.isEmpty == true)
        let listed = all.flatMap(\.members).map(\.customerID)
        #expect(listed == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })

        // Stop after the second page, then resume from its token.
        let resumed = try await server.members(ListSegmentMembersRequest(pageSize: 10, pageToken: all[1].nextPageToken))
        #expect(resumed.flatMap(\.members).map(\.customerID) == Array(listed.dropFirst(20)))
        #expect(Set(resumed.map(\.refreshID)) == [refresh.refreshID])

        // A token outlives one more refresh (the previous assignment is kept), not two.
        _ = try await server.refresh()
        let later = try await server.members(ListSegmentMembersRequest(pageSize: 10, pageToken: all[4].nextPageToken))
        #expect(later.flatMap(\.members).map(\.customerID) == Array(listed.dropFirst(50)))
        _ = try await server.refresh()
        await expectCode(.failedPrecondition, contains: "without a page token") {
            _ = try await server.members(ListSegmentMembersRequest(pageSize: 10, pageToken: all[4].nextPageToken))
        }

        // A refresh still being stored (its assignments copied, its record not yet written) is
        // not listable, not even by a token naming it.
        let unfinished = try await server.count("SELECT max(refresh_id) + 1 FROM segment_refreshes")
        _ = try await server.pool.execute(
            """
            INSERT INTO segment_assignments
            SELECT $1, customer_id, market, acquisition_channel, recency, frequency, monetary, composite, segment, stage, tier, value,
                probability_alive, warnings, evidence, driver
            FROM segment_assignments WHERE refresh_id = (SELECT refresh_id FROM segment_current_refresh)
            """, [.int(unfinished)])
        let token = "m1.\(unfinished)." + "ca1".utf8.map { String($0, radix: 16) }.joined()
        await expectCode(.failedPrecondition, contains: "without a page token") {
            _ = try await server.members(ListSegmentMembersRequest(pageSize: 10, pageToken: token))
        }
        try await server.stop()
    }

    @Test func filtersCombineAndAnEmptyResultIsOneEmptyPage() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_filters")
        try await server.store(
            customers: [
                ShopHistory.customer("de-1", market: "DE", channel: "search"), ShopHistory.customer("de-2", market: "DE", channel: "social"),
                ShopHistory.customer("fr-1", market: "FR", channel: "search"), ShopHistory.customer("prospect", market: "FR"),
            ],
            orders: ShopHistory.orders("de-1", daysAgo: [3, 40]) + ShopHistory.orders("de-2", daysAgo: [300])
                + ShopHistory.orders("fr-1", daysAgo: [500]))
        _ = try await server.refresh()
        let german = try await server.members(ListSegmentMembersRequest(markets: ["DE"])).flatMap(\.members)
        #expect(german.map(\.customerID) == ["de-1", "de-2"])
        let search = try await server.members(ListSegmentMembersRequest(markets: ["DE"], acquisitionChannels: ["search"]))
        #expect(search.flatMap(\.members).map(\.customerID) == ["de-1"])
        let prospects = try await server.members(ListSegmentMembersRequest(stages: [.prospect])).flatMap(\.members)
        #expect(prospects.map(\.customerID) == ["prospect"])
        #expect(prospects.first?.rfm == nil)
        #expect(prospects.first?.segment == .unspecified)
        let none = try await server.members(ListSegmentMembersRequest(markets: ["JP"]))
        #expect(none.count == 1)
        #expect(none[0].members.isEmpty && none[0].nextPageToken.isEmpty)
        try await server.stop()
    }

    @Test func everyStoredColumnIsListedAsStored() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_columns")
        let ids = (0..<9).map { "k\($0)" }
        try await server.store(
            customers: ids.map { ShopHistory.customer($0) }
                + [ShopHistory.customer("prospect", market: "FR", channel: "a channel name longer than fifteen bytes")],
            orders: ids.enumerated().flatMap { ShopHistory.orders($1, daysAgo: [3 + $0 * 40, 200 + $0 * 9]) })
        let refresh = try await server.refresh()
        // Warning sets (one with a code this build does not know), a market never recorded and a
        // driver, written into the refresh as a later build could have stored them.
        for (id, warnings, driver) in [
            ("k1", "{frequency_drop,issues_rising}", "price"), ("k2", "{order_value_drop,not_a_code}", "payment"),
            ("k3", "{frequency_drop,issues_rising}", "price"), ("k4", "{}", "payment"),
        ] {
            _ = try await server.pool.execute(
                """
                UPDATE segment_assignments SET warnings = $3::text[], driver = $4, market = CASE WHEN $2 = 'k4' THEN NULL ELSE market END
                WHERE refresh_id = $1 AND customer_id = $2
                """,
                [.int(Int64(refresh.refreshID)), .text(id), .text(warnings), .text(driver)])
        }
        let listed = try await server.members(ListSegmentMembersRequest(pageSize: 3)).flatMap(\.members)
        let stored = try await server.pool.query(
            """
            SELECT customer_id, coalesce(market, '') AS market, acquisition_channel, recency, frequency, monetary, composite,
                   coalesce(segment, '') AS segment, stage, tier, value, array_to_string(warnings, ',') AS warnings,
                   coalesce(driver, '') AS driver, probability_alive
            FROM segment_assignments WHERE refresh_id = $1 ORDER BY customer_id
            """, [.int(Int64(refresh.refreshID))])
        #expect(listed.count == ids.count + 1 && listed.count == stored.count)
        for (member, row) in zip(listed, stored) {
            #expect(member.customerID == row["customer_id"])
            #expect(member.market == row["market"] && member.acquisitionChannel == row["acquisition_channel"])
            let rfm = try row.isNull("recency")
                ? nil
                : RFMScore(
                    recency: UInt32(try row.int("recency")), frequency: UInt32(try row.int("frequency")),
                    monetary: UInt32(try row.int("monetary")), composite: try row.double("composite"))
            #expect(member.rfm == rfm)
            #expect(member.segment.name == (row["segment"] == "" ? "unspecified" : row["segment"]))
            #expect(member.stage.name == row["stage"] && member.tier.name == row["tier"])
            #expect(member.value == (try row.double("value")))
            let codes = (row["warnings"] ?? "").split(separator: ",").map(String.init).filter { $0 != "not_a_code" }
            #expect(member.warnings.map(\.name) == codes)
            #expect(member.driver.name == (row["driver"] == "" ? "unspecified" : row["driver"]))
            #expect(member.hasProbabilityAlive == !(try row.isNull("probability_alive")))
            if member.hasProbabilityAlive { #expect(member.probabilityAlive == (try row.double("probability_alive"))) }
        }
        #expect(listed.first { $0.customerID == "k4" }?.market == "")
        #expect(listed.first { $0.customerID == "k2" }?.warnings == [.orderValueDrop])
        #expect(listed.first { $0.customerID == "k3" }?.warnings == [.frequencyDrop, .issuesRising])
        #expect(listed.last?.acquisitionChannel == "a channel name longer than fifteen bytes")
        try await server.stop()
    }
}
