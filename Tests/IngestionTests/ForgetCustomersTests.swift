import CLVProto
import Ingestion
import RPC
import Testing

/// `ForgetCustomers` and `ListCustomerIds`: erasing many customers, one transaction per chunk.
@Suite struct ForgetCustomersTests {
    /// Stores `count` customers `prefix-N`, each with two orders and one event.
    static func store(_ count: Int, prefix: String, on server: IngestionServer) async throws {
        let ids = (0..<count).map { "\(prefix)-\($0)" }
        let orders = ids.flatMap { id in
            [Fixtures.order("\(id)-o1", customer: id), Fixtures.order("\(id)-o2", customer: id, at: Fixtures.monday + Fixtures.day)]
        }
        let stored = try await server.client.ingestOrders(orders)
        #expect(stored.inserted == UInt32(orders.count))
        let events = try await server.client.ingestEvents(ids.map { Fixtures.event("\($0)-e1", customer: $0) })
        #expect(events.inserted == UInt32(count))
    }

    @Test func manyCustomersAreErasedInChunksWithWhatEachLost() async throws {
        let server = try await IngestionServer.start(prefix: "forget_many")
        try await Self.store(2_500, prefix: "gone", on: server)
        try await Self.store(3, prefix: "kept", on: server)
        let ids = (0..<2_500).map { "gone-\($0)" }
        let sent = ["never-seen"] + ids + ["gone-7", "also-never-seen"]

        let response = try await server.client.forgetCustomers(sent)
        #expect(response.chunks == 3)
        #expect(response.customers.map(\.customerID) == ["never-seen"] + ids + ["also-never-seen"])
        // Per customer: a customers row, 2 orders, 1 event, 2 purchase days, 1 stats row, 1 event day, 1 event month.
        #expect(response.customers.dropFirst().dropLast().allSatisfy { $0.rows == 9 })
        #expect(response.notFoundIDs == ["never-seen", "also-never-seen"])
        #expect(response.erasedCustomers == 2_500 && response.notFoundCustomers == 2)
        #expect(Dictionary(uniqueKeysWithValues: response.removed.map { ($0.table, $0.rows) }) == [
            "customers": 2_500, "orders": 5_000, "events": 2_500, "customer_purchase_days": 5_000,
            "customer_order_stats": 2_500, "customer_event_days": 2_500, "customer_event_months": 2_500,
        ])
        #expect(response.totalRows == 22_500)
        for table in [
            "customers", "orders", "events", "customer_purchase_days", "customer_order_stats", "customer_event_days",
            "customer_event_months",
        ] {
            #expect(try await server.count("SELECT count(*) FROM \(table) WHERE customer_id LIKE 'gone-%'") == 0, "\(table)")
            #expect(try await server.count("SELECT count(*) FROM \(table) WHERE customer_id LIKE 'kept-%'") > 0, "\(table)")
        }

        // Erasing again finds nothing, and says so per id.
        let again = try await server.client.forgetCustomers(Array(ids.prefix(10)))
        #expect(again.erasedCustomers == 0 && again.notFoundCustomers == 10 && again.totalRows == 0 && again.removed.isEmpty)
        try await server.stop()
    }

    @Test func aBadIdOrTooManyIdsRefuseTheCallAndEraseNothing() async throws {
        let server = try await IngestionServer.start(prefix: "forget_many")
        try await Self.store(2, prefix: "c", on: server)
        let cases: [([String], String)] = [
            ([], "customer_ids"),
            (["c-0", " c-1"], "customer_ids[1]"),
            (["c-0", ""], "customer_ids[1]"),
            (["c-0", String(repeating: "x", count: 201)], "customer_ids[1]"),
            (["c-0"] + (0..<10_000).map { "x-\($0)" }, "customer_ids"),
        ]
        for (ids, field) in cases {
            let error = await #expect(throws: RPCError.self) { try await server.client.forgetCustomers(ids) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.fieldViolations.map(\.field) == [field])
        }
        #expect(try await server.count("SELECT count(*) FROM customers") == 2)
        try await server.stop()
    }

    @Test func customerIdsArePagedInByteOrderAndMatchAPrefixLiterally() async throws {
        let server = try await IngestionServer.start(prefix: "forget_many")
        _ = try await server.client.upsertCustomers(
            ["test-b", "test-a", "test_x", "test%y", "tesT-c", "prod-1", "test-C"].map { Customer(customerID: $0) })
        var pages: [[String]] = []
        var after = ""
        while true {
            let page = try await server.client.listCustomerIDs(prefix: "test-", after: after, limit: 2).customerIDs
            if page.isEmpty { break }
            pages.append(page)
            after = page.last!
        }
        #expect(pages == [["test-C", "test-a"], ["test-b"]])
        #expect(try await server.client.listCustomerIDs(prefix: "test_").customerIDs == ["test_x"])
        #expect(try await server.client.listCustomerIDs(prefix: "test%").customerIDs == ["test%y"])
        #expect(try await server.client.listCustomerIDs().customerIDs.count == 7)
        let tooMany = await #expect(throws: RPCError.self) { try await server.client.listCustomerIDs(limit: 10_001) }
        #expect(tooMany?.fieldViolations.map(\.field) == ["limit"])
        let longPrefix = await #expect(throws: RPCError.self) {
            try await server.client.listCustomerIDs(prefix: String(repeating: "p", count: 201))
        }
        #expect(longPrefix?.fieldViolations.map(\.field) == ["prefix"])
        try await server.stop()
    }
}
