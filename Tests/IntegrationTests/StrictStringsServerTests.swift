import CLVProto
import CLVService
import CLVStubs
import Foundation
import Ingestion
import Logging
import RPC
import Segmentation
import ServiceLifecycle
import Store
import TestSupport
import Testing
import Valuation

/// On the server as `clv-server` wires it: every string field of every request of every method,
/// with a NUL byte or invalid UTF-8, is INVALID_ARGUMENT naming that field, and stores nothing,
/// even beside a valid record in the same call. Methods and fields come from the generated
/// descriptors and tables, so a method added to proto/ is covered without touching this test.
@Suite struct StrictStringsServerTests {
    /// A valid request per write method, sent after the hostile ones to show that each would
    /// have stored something; a hostile record is put before its records.
    static let samples: [String: [UInt8]] = [
        IngestionRPC.Method.setBaseCurrency.fullName: SetBaseCurrencyRequest(currency: "EUR").serializedBytes(),
        IngestionRPC.Method.upsertCustomers.fullName: UpsertCustomersRequest(customers: [
            Customer(customerID: "strict-1", market: "DE", attributes: ["tier": "gold"])
        ]).serializedBytes(),
        IngestionRPC.Method.ingestOrders.fullName: IngestOrdersRequest(orders: [
            Order(
                orderID: "strict-o1", customerID: "strict-1", placedAtUnixMs: 1_735_689_600_000,
                amount: Money(minorUnits: 1_000, currency: "EUR"), platform: "web", itemCount: 1, status: .completed)
        ]).serializedBytes(),
        IngestionRPC.Method.ingestEvents.fullName: IngestEventsRequest(events: [
            Event(eventID: "strict-e1", customerID: "strict-1", occurredAtUnixMs: 1_735_689_600_000, type: .siteVisit)
        ]).serializedBytes(),
        IngestionRPC.Method.upsertExchangeRates.fullName: UpsertExchangeRatesRequest(rates: [
            ExchangeRate(currency: "USD", date: "2025-01-01", rate: "0.9")
        ]).serializedBytes(),
    ]

    static let methods = HealthRPC.methods + IngestionRPC.methods + ValuationRPC.methods + SegmentationRPC.methods

    @Test func everyStringOfEveryRequestIsRefusedByNameAndStoresNothing() async throws {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: "strict"), maximumConnections: 4)
        _ = try await Migrator.migrate(
            PlatformMigrations.all + IngestionMigrations.all + ValuationMigrations.all + SegmentationMigrations.all, pool: pool,
            logger: logger)
        let host = ServiceHost(
            providers: [IngestionServiceProvider(), ValuationServiceProvider(), SegmentationServiceProvider()],
            environment: ServiceEnvironment(pool: pool, logger: logger, piiKey: [UInt8](repeating: 7, count: 32)),
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: host.services, logger: logger))
        let running = Task { try await group.run() }
        let client = try await RPCClient.connect(host: "127.0.0.1", port: try await host.server.listeningPort)

        let before = try await Self.rowCounts(pool)
        var refused = 0
        for method in Self.methods {
            let sample = Self.samples[method.fullName] ?? []
            for field in WireEncoding.StringField.all(in: method.requestType.protoSchema) {
                for (bytes, reason) in WireEncoding.hostileStrings.prefix(2) {
                    let answer = try await client.rawUnary(method: method.fullName, payload: field.encode(bytes) + sample)
                    #expect(answer.outcome.code == RPCStatusCode.invalidArgument.rawValue, "\(method) \(field)")
                    #expect(answer.outcome.fieldViolations.map(\.field) == [field.path], "\(method)")
                    #expect(answer.outcome.message.contains("\(method.requestType.protoName).\(field.path) \(reason)"), "\(answer.outcome.message)")
                    refused += 1
                }
            }
        }
        #expect(refused > 40)
        #expect(try await Self.rowCounts(pool) == before, "a refused call stored something")

        // The samples alone are stored: the refusals above were the hostile strings' doing.
        for method in Self.methods {
            guard let sample = Self.samples[method.fullName] else { continue }
            let answer = try await client.rawUnary(method: method.fullName, payload: sample)
            #expect(answer.outcome.code == 0, "\(method): \(answer.outcome.message)")
        }
        #expect(try await Self.rowCounts(pool) != before)

        await client.close()
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }

    /// Rows per table of the public schema.
    static func rowCounts(_ pool: PGPool) async throws -> [String: Int64] {
        // The table names come from the catalogue; format's %I quotes them.
        let rows = try await pool.query("""
            SELECT string_agg(format('SELECT %L AS t, count(*) AS n FROM %I', table_name, table_name), ' UNION ALL ') AS sql
            FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            """)
        var counts: [String: Int64] = [:]
        for row in try await pool.query(try rows[0].string("sql")) {
            counts[try row.string("t")] = try row.int("n")
        }
        return counts
    }
}
