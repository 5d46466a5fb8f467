import CLVProto
import Ingestion
import RPC
import Testing

/// Amounts, costs and margins are bounded (±10^15 minor units per record, ±10^18 per customer's
/// totals): a record beyond is rejected alone, never its batch, and nothing ever answers INTERNAL.
@Suite struct MoneyBoundsTests {
    static let maximum: Int64 = 1_000_000_000_000_000
    static let customerMaximum: Int64 = 1_000_000_000_000_000_000
    static let outOfRange = UInt32(RPCStatusCode.outOfRange.rawValue)

    static func order(_ id: String, customer: String = "c-1", cents: Int64 = 1_000, margin: Int64? = nil, cost: Int64? = nil) -> Order {
        var order = Fixtures.order(id, customer: customer, cents: cents)
        order.grossMargin = margin.map { Money(minorUnits: $0, currency: "EUR") }
        order.cost = cost.map { Money(minorUnits: $0, currency: "EUR") }
        return order
    }

    /// Reproduced: an order of 2^63−1 was stored, and every later batch with an order of that
    /// customer then failed whole with INTERNAL ("bigint out of range").
    @Test func anOrderOfTheLargestInt64IsRejectedAloneAndTheCustomerKeepsIngesting() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        let first = try await server.client.ingestOrders([Self.order("o-huge", cents: Int64.max), Self.order("o-1")])
        #expect(first.inserted == 1)
        #expect(first.rejections.map(\.index) == [0])
        #expect(first.rejections.map(\.field) == ["amount.minor_units"])
        #expect(first.rejections.map(\.code) == [RejectionCode.invalidArgument])
        for round in 0..<3 {
            let later = try await server.client.ingestOrders([Self.order("o-later-\(round)", cents: Int64.max / 2 + 1)] + [Self.order("o-next-\(round)")])
            #expect(later.inserted == 1 && later.rejections.map(\.index) == [0])
        }
        #expect(try await server.rows("SELECT completed_orders, revenue_base_minor FROM customer_order_stats") == [["4", "4000"]])
        try await server.stop()
    }

    /// Reproduced: gross margins of −2^63 and −5 for one customer answered INTERNAL.
    @Test func aMarginOfMinusTwoToThe63IsRejectedAloneBesideAMarginOfMinusFive() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        let response = try await server.client.ingestOrders([
            Self.order("o-min", margin: Int64.min), Self.order("o-minus-5", margin: -5),
        ])
        #expect(response.inserted == 1)
        #expect(response.rejections.map(\.field) == ["gross_margin.minor_units"])
        #expect(response.rejections.map(\.recordID) == ["o-min"])
        #expect(try await server.rows("SELECT margin_base_minor FROM customer_order_stats") == [["-5"]])
        try await server.stop()
    }

    @Test func everyAmountCostAndMarginIsBoundedAtTenToTheFifteenth() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        _ = try await server.client.upsertExchangeRates([ExchangeRate(currency: "USD", date: "2026-03-02", rate: "2")])
        var usd = Self.order("o-usd-double", cents: Self.maximum)
        usd.amount = Money(minorUnits: Self.maximum, currency: "USD")
        let orders = [
            Self.order("o-at-max", cents: Self.maximum, margin: -Self.maximum),
            Self.order("o-amount", cents: Self.maximum + 1),
            Self.order("o-margin", margin: -Self.maximum - 1),
            Self.order("o-cost", cents: Self.maximum, cost: Self.maximum + 1),
            Self.order("o-cost-far-above", cents: 0, cost: Self.maximum),
            Self.order("o-margin-max", cents: Int64.max, margin: Int64.max),
            usd,
        ]
        let response = try await server.client.ingestOrders(orders)
        // An amount of 0 with a cost of 10^15 is a margin of exactly −10^15: within bounds.
        #expect(response.inserted == 2)
        #expect(response.rejections.map(\.recordID) == ["o-amount", "o-margin", "o-cost", "o-margin-max", "o-usd-double"])
        #expect(response.rejections.map(\.field) == [
            "amount.minor_units", "gross_margin.minor_units", "cost.minor_units", "amount.minor_units",
            "amount.currency",
        ])
        #expect(response.rejections.allSatisfy { $0.code == RejectionCode.invalidArgument })
        #expect(try await server.rows("SELECT order_id FROM orders ORDER BY order_id") == [["o-at-max"], ["o-cost-far-above"]])

        let customers = try await server.client.upsertCustomers([
            Customer(customerID: "c-at-max", acquisitionCost: Money(minorUnits: Self.maximum, currency: "EUR"), acquiredOn: "2026-03-02"),
            Customer(customerID: "c-beyond", acquisitionCost: Money(minorUnits: Self.maximum + 1, currency: "EUR"), acquiredOn: "2026-03-02"),
            Customer(customerID: "c-int-max", acquisitionCost: Money(minorUnits: Int64.max, currency: "EUR"), acquiredOn: "2026-03-02"),
        ])
        #expect(customers.inserted == 1)
        #expect(customers.rejections.map(\.recordID) == ["c-beyond", "c-int-max"])
        #expect(customers.rejections.allSatisfy { $0.field == "acquisition_cost.minor_units" })

        var surveys: [Event] = []
        for (index, score) in [1e9, -1e9, 1e9 + 1, -Double.greatestFiniteMagnitude].enumerated() {
            var event = Fixtures.event("e-\(index)", type: .surveyAnswered)
            event.score = SurveyScore(value: score)
            surveys.append(event)
        }
        let events = try await server.client.ingestEvents(surveys)
        #expect(events.inserted == 2)
        #expect(events.rejections.map(\.recordID) == ["e-2", "e-3"])
        #expect(events.rejections.allSatisfy { $0.field == "score.value" })
        try await server.stop()
    }

    /// The maximum amount times ten thousand orders of one customer is 10^19, beyond bigint: the
    /// first thousand (10^18, the per-customer bound) are stored, the rest rejected alone, and the
    /// customer's later orders, refunds and other customers' orders go on working.
    @Test func aCustomersTotalsStopAtTheBoundAndOrdersBeyondAreRejectedAlone() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        let big = (0..<10_000).map { Self.order("o-big-\($0)", customer: "c-big", cents: Self.maximum) }
        let response = try await server.client.ingestOrders(big + [Self.order("o-other", customer: "c-other")])
        #expect(response.inserted == 1_001)
        #expect(response.rejections.count == 9_000)
        #expect(response.rejections.first?.recordID == "o-big-1000")
        #expect(response.rejections.allSatisfy { $0.code == Self.outOfRange && $0.field == "customer_id" })
        #expect(try await server.rows("SELECT customer_id, completed_orders, revenue_base_minor FROM customer_order_stats ORDER BY 1") == [
            ["c-big", "1000", "\(Self.customerMaximum)"], ["c-other", "1", "1000"],
        ])

        // At the bound: one more cent is beyond, a replay changes nothing, a cancelled order weighs nothing.
        var cancelled = Self.order("o-big-cancelled", customer: "c-big", cents: Self.maximum)
        cancelled.status = .cancelled
        let next = try await server.client.ingestOrders([
            Self.order("o-big-cent", customer: "c-big", cents: 1), big[0], cancelled, Self.order("o-other-2", customer: "c-other"),
        ])
        #expect(next.inserted == 2 && next.unchanged == 1)
        #expect(next.rejections.map(\.recordID) == ["o-big-cent"])

        // Refunding every stored order moves the whole total to the refunded value: in range.
        let refunds = big.prefix(1_000).map { order in
            var refunded = order
            refunded.status = .refunded
            return refunded
        }
        let refunded = try await server.client.ingestOrders(refunds)
        #expect(refunded.updated == 1_000 && refunded.rejections.isEmpty)
        #expect(try await server.rows("SELECT revenue_base_minor, refunded_base_minor FROM customer_order_stats WHERE customer_id = 'c-big'") == [
            ["0", "\(Self.customerMaximum)"],
        ])
        // Refunded orders still count: the customer's total stays at the bound.
        let after = try await server.client.ingestOrders([Self.order("o-big-after", customer: "c-big", cents: 1)])
        #expect(after.inserted == 0 && after.rejections.map(\.code) == [Self.outOfRange])
        try await server.stop()
    }

    /// A store that took an order of 2^63−1 before the bounds existed: that customer's new orders
    /// are rejected alone, the others' stored, and nothing answers INTERNAL.
    @Test func aCustomerStoredBeyondTheBoundBeforeItExistedIsRejectedAlone() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        _ = try await server.client.ingestOrders([Self.order("o-old", customer: "c-old")])
        _ = try await server.pool.execute(
            "UPDATE customer_order_stats SET revenue_base_minor = $1, refunded_base_minor = $1", [.int(Int64.max)])
        let response = try await server.client.ingestOrders([
            Self.order("o-old-2", customer: "c-old"), Self.order("o-new", customer: "c-new"),
        ])
        #expect(response.inserted == 1)
        #expect(response.rejections.map(\.recordID) == ["o-old-2"])
        #expect(response.rejections.map(\.code) == [Self.outOfRange])
        try await server.stop()
    }

    @Test func negativeMarginsOfOneCustomerStopAtMinusTheBound() async throws {
        let server = try await IngestionServer.start(prefix: "bounds")
        let losses = (0..<1_001).map { Self.order("o-loss-\($0)", customer: "c-loss", cents: 0, margin: -Self.maximum) }
        let response = try await server.client.ingestOrders(losses)
        #expect(response.inserted == 1_000)
        #expect(response.rejections.map(\.recordID) == ["o-loss-1000"])
        #expect(response.rejections.map(\.code) == [Self.outOfRange])
        let gain = try await server.client.ingestOrders([
            Self.order("o-gain", customer: "c-loss", cents: 5, margin: 5),
            Self.order("o-loss-more", customer: "c-loss", cents: 0, margin: -6),
        ])
        #expect(gain.inserted == 1 && gain.rejections.map(\.recordID) == ["o-loss-more"])
        #expect(try await server.rows("SELECT margin_base_minor FROM customer_order_stats") == [["\(-Self.customerMaximum + 5)"]])
        try await server.stop()
    }
}
