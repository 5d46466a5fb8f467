import CLVProto
import Ingestion
import RPC
import Testing

@Suite struct ForgetCustomerTests {
    static let forgotten = "forget-me-7f3a"

    @Test func forgettingACustomerLeavesNoRowThatNamesThem() async throws {
        let server = try await IngestionServer.start(prefix: "forget")
        let id = Self.forgotten
        _ = try await server.client.upsertCustomers([
            Customer(customerID: id, market: "DE", email: "forget.me@example.com", phone: "+49 30 1234567"),
            Customer(customerID: "c-keep", market: "FR", email: "keep@example.com"),
        ])
        let orders = try await server.client.ingestOrders([
            Fixtures.order("\(id)-o1", customer: id, at: Fixtures.monday),
            Fixtures.order("\(id)-o2", customer: id, at: Fixtures.monday + Fixtures.day),
            Fixtures.order("\(id)-o3", customer: id, at: Fixtures.monday, status: .cancelled),
            Fixtures.order("keep-o1", customer: "c-keep"),
            Fixtures.order("keep-o2", customer: "c-keep", at: Fixtures.monday + Fixtures.day),
        ])
        #expect(orders.inserted == 5)
        var survey = Fixtures.event("\(id)-e3", customer: id, at: Fixtures.monday + Fixtures.day, type: .surveyAnswered)
        survey.score = SurveyScore(value: 9)
        let events = try await server.client.ingestEvents([
            Fixtures.event("\(id)-e1", customer: id, type: .siteVisit),
            Fixtures.event("\(id)-e2", customer: id, at: Fixtures.monday + 1, type: .siteVisit),
            survey,
            Fixtures.event("keep-e1", customer: "c-keep"),
        ])
        #expect(events.inserted == 4)

        let tables = try await server.rows(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema = current_schema() ORDER BY table_name
            """
        ).map { $0[0]! }
        let expectedRemoved: [String: UInt64] = [
            "customers": 1, "orders": 3, "events": 3, "customer_purchase_days": 2, "customer_order_stats": 1,
            "customer_event_days": 2, "customer_event_months": 2,
        ]
        #expect(Set(expectedRemoved.keys).isSubset(of: tables))
        var before: [String: Int64] = [:]
        for table in tables {
            before[table] = try await server.count("SELECT count(*) FROM \(quoted(table))")
            // The check below can fail: before erasure, the rows that name the customer are there.
            #expect(try await naming(id, in: table, server) == Int64(expectedRemoved[table] ?? 0), "\(table)")
        }

        let response = try await server.client.forgetCustomer(id)
        #expect(response.customerID == id)
        #expect(Dictionary(uniqueKeysWithValues: response.removed.map { ($0.table, $0.rows) }) == expectedRemoved)
        #expect(response.removed.count == expectedRemoved.count)
        #expect(response.totalRows == 14)

        for table in tables {
            #expect(try await naming(id, in: table, server) == 0, "\(table) still names the customer")
            let after = try await server.count("SELECT count(*) FROM \(quoted(table))")
            #expect(after == before[table]! - Int64(expectedRemoved[table] ?? 0), "\(table) lost rows of others")
        }
        #expect(try await server.rows("SELECT customer_id, completed_orders FROM customer_order_stats") == [["c-keep", "2"]])
        #expect(try await server.count("SELECT count(*) FROM customers WHERE customer_id = 'c-keep' AND email_hash IS NOT NULL") == 1)

        let again = await #expect(throws: RPCError.self) { try await server.client.forgetCustomer(id) }
        #expect(again?.code == .notFound)
        try await server.stop()
    }

    @Test func forgettingWithoutAnIdIsAnInvalidArgument() async throws {
        let server = try await IngestionServer.start(prefix: "forget")
        _ = try await server.client.ingestOrders([Fixtures.order("o-1")])
        let error = await #expect(throws: RPCError.self) { try await server.client.forgetCustomer("") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.fieldViolations.map(\.field) == ["customer_id"])
        let unknown = await #expect(throws: RPCError.self) { try await server.client.forgetCustomer("c-never-seen") }
        #expect(unknown?.code == .notFound)
        #expect(try await server.count("SELECT count(*) FROM orders") == 1)
        try await server.stop()
    }

    /// Rows of `table` whose whole text mentions `text`.
    private func naming(_ text: String, in table: String, _ server: IngestionServer) async throws -> Int64 {
        try await server.count("SELECT count(*) FROM \(quoted(table)) t WHERE t::text LIKE $1", [.text("%\(text)%")])
    }

    /// `name` as a quoted SQL identifier.
    private func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
