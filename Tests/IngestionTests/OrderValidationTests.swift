import CLVProto
import CLVStubs
import Ingestion
import RPC
import Testing

@Suite struct OrderValidationTests {
    @Test(arguments: OrderValidationCase.all)
    func anInvalidOrderIsRejectedNamingItsFieldAndNotStored(_ invalid: OrderValidationCase) async throws {
        let server = try await IngestionServer.start(prefix: "order_rule")
        let response = try await server.client.ingestOrders([Fixtures.order("o-good", customer: "c-good"), invalid.order])
        #expect(response.received == 2 && response.inserted == 1)
        let rejection = try #require(response.rejections.first)
        #expect(response.rejections.count == 1)
        #expect(rejection.index == 1)
        #expect(rejection.recordID == invalid.order.orderID)
        #expect(rejection.field == invalid.field)
        #expect(rejection.code == RejectionCode.invalidArgument)
        #expect(!rejection.reason.isEmpty)
        #expect(try await server.rows("SELECT order_id FROM orders") == [["o-good"]])
        #expect(try await server.rows("SELECT customer_id FROM customers") == [["c-good"]])
        #expect(try await server.rows("SELECT customer_id FROM customer_order_stats") == [["c-good"]])
        try await server.stop()
    }

    @Test func anOrderWithinTheClockSkewToleranceIsAccepted() async throws {
        let server = try await IngestionServer.start(prefix: "order_rule")
        let response = try await server.client.ingestOrders([
            Fixtures.order("o-soon", at: WallClock.nowMilliseconds + 20 * WallClock.hour),
            Fixtures.order("o-free", cents: 0),
        ])
        #expect(response.inserted == 2 && response.rejections.isEmpty)
        try await server.stop()
    }

    @Test func aBatchOfMoreThan50000OrdersIsRefusedWhole() async throws {
        let server = try await IngestionServer.start(prefix: "order_rule")
        let batch = (0...50_000).map { Fixtures.order("o-\($0)", customer: "c-\($0 % 100)") }
        let error = await #expect(throws: RPCError.self) { try await server.client.ingestOrders(batch) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.fieldViolations.map(\.field) == ["orders"])
        #expect(try await server.count("SELECT count(*) FROM orders") == 0)
        #expect(try await server.count("SELECT count(*) FROM customers") == 0)
        try await server.stop()
    }

    @Test func aMalformedPayloadIsRefusedAndTheServerKeepsServing() async throws {
        let server = try await IngestionServer.start(prefix: "order_rule")
        let answer = try await server.rpc.rawUnary(method: IngestionRPC.Method.ingestOrders.fullName, payload: [0xFF, 0xFF, 0xFF])
        #expect(answer.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        let response = try await server.client.ingestOrders([Fixtures.order("o-after")])
        #expect(response.inserted == 1)
        #expect(try await server.count("SELECT count(*) FROM orders") == 1)
        try await server.stop()
    }

    @Test func ordersBeforeTheBaseCurrencyIsSetAreRefused() async throws {
        let server = try await IngestionServer.start(prefix: "order_rule", baseCurrency: nil)
        let error = await #expect(throws: RPCError.self) { try await server.client.ingestOrders([Fixtures.order("o-1")]) }
        #expect(error?.code == .failedPrecondition)
        #expect(try await server.count("SELECT count(*) FROM orders") == 0)
        #expect(try await server.count("SELECT count(*) FROM customers") == 0)
        try await server.stop()
    }
}
