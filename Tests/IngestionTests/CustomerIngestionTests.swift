import CLVProto
import Ingestion
import Testing

@Suite struct CustomerIngestionTests {
    static let jane = Customer(
        customerID: "c-1", market: "DE", acquisitionChannel: "paid_search",
        acquisitionCost: Money(minorUnits: 2_500, currency: "EUR"), acquiredOn: "2026-03-02",
        attributes: ["tier": "gold", "newsletter": "yes"])

    @Test func anUpsertInsertsThenAReplayIsUnchangedAndNewContentUpdates() async throws {
        let server = try await IngestionServer.start(prefix: "customers")
        let first = try await server.client.upsertCustomers([Self.jane])
        #expect(first.received == 1 && first.inserted == 1 && first.rejections.isEmpty)
        let stored = """
            SELECT customer_id, described, market, acquisition_channel, acquisition_cost_minor, acquisition_cost_currency,
                   acquisition_cost_base_minor, acquired_on, attributes, updated_at
            FROM customers
            """
        let afterInsert = try await server.rows(stored)
        #expect(afterInsert.map { Array($0.dropLast()) } == [
            ["c-1", "t", "DE", "paid_search", "2500", "EUR", "2500", "2026-03-02", #"{"tier": "gold", "newsletter": "yes"}"#]
        ])

        let replay = try await server.client.upsertCustomers([Self.jane])
        #expect(replay.inserted == 0 && replay.updated == 0 && replay.unchanged == 1)
        #expect(try await server.rows(stored) == afterInsert, "a replay must not touch the row, not even updated_at")

        var moved = Self.jane
        moved.market = "FR"
        moved.attributes["tier"] = "silver"
        let update = try await server.client.upsertCustomers([moved])
        #expect(update.inserted == 0 && update.updated == 1 && update.unchanged == 0)
        #expect(try await server.rows("SELECT market, attributes->>'tier' FROM customers") == [["FR", "silver"]])
        try await server.stop()
    }

    @Test func aReplayedBatchNamingACustomerTwiceIsUnchanged() async throws {
        let server = try await IngestionServer.start(prefix: "customers")
        var older = Self.jane
        older.market = "AT"
        let first = try await server.client.upsertCustomers([older, Self.jane])
        #expect(first.received == 2 && first.inserted + first.updated + first.unchanged == 2)
        #expect(try await server.rows("SELECT market FROM customers") == [["DE"]], "the last description wins")
        let replay = try await server.client.upsertCustomers([Self.jane, Self.jane])
        #expect(replay.inserted == 0 && replay.updated == 0 && replay.unchanged == 2)
        try await server.stop()
    }

    @Test func aCustomerCreatedByAnOrderIsUndescribedUntilUpserted() async throws {
        let server = try await IngestionServer.start(prefix: "customers")
        _ = try await server.client.ingestOrders([Fixtures.order("o-1", customer: "c-1")])
        #expect(try await server.rows("SELECT described, market FROM customers") == [["f", nil]])
        #expect(try await server.client.getStats().undescribedCustomers == 1)

        let upsert = try await server.client.upsertCustomers([Self.jane])
        #expect(upsert.inserted + upsert.updated == 1 && upsert.rejections.isEmpty)
        #expect(try await server.rows("SELECT described, market FROM customers") == [["t", "DE"]])
        #expect(try await server.client.getStats().undescribedCustomers == 0)
        // Describing the customer keeps what their orders made.
        #expect(try await server.count("SELECT completed_orders FROM customer_order_stats WHERE customer_id = 'c-1'") == 1)
        try await server.stop()
    }

    @Test func eMailAndPhoneAreStoredOnlyAsHashes() async throws {
        let server = try await IngestionServer.start(prefix: "customers")
        let response = try await server.client.upsertCustomers([
            Customer(customerID: "c-1", email: "Jane.Doe@Example.com", phone: "+44 (20) 7946-0018"),
            Customer(customerID: "c-2", email: "  jane.doe@EXAMPLE.COM ", phone: "+442079460018"),
            Customer(customerID: "c-3", email: "john.roe@example.com"),
        ])
        #expect(response.inserted == 3 && response.rejections.isEmpty)
        for clear in ["%jane%", "%john%", "%example%", "%2079460018%", "%7946-0018%", "%7946 0018%"] {
            #expect(try await server.count("SELECT count(*) FROM customers c WHERE c::text ILIKE $1", [.text(clear)]) == 0, "\(clear)")
        }
        let hashes = try await server.rows("SELECT customer_id, email_hash, phone_hash FROM customers ORDER BY customer_id")
        let hasher = PIIHasher(key: IngestionServer.piiKey)
        let janeHash = try #require(hasher.hashEmail("jane.doe@example.com"))
        let phoneHash = try #require(hasher.hashPhone("+442079460018"))
        #expect(hashes == [
            ["c-1", janeHash, phoneHash],
            ["c-2", janeHash, phoneHash],
            ["c-3", hasher.hashEmail("john.roe@example.com"), nil],
        ])
        #expect(janeHash.count == 64 && janeHash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(janeHash != hasher.hashEmail("john.roe@example.com"))
        try await server.stop()
    }

    @Test func anAcquisitionCostInAnotherCurrencyConvertsWithTheRateOfItsDay() async throws {
        let server = try await IngestionServer.start(prefix: "customers")
        var american = Customer(customerID: "c-us", acquisitionCost: Money(minorUnits: 10_000, currency: "USD"), acquiredOn: "2026-03-02")
        let japanese = Customer(customerID: "c-jp", acquisitionCost: Money(minorUnits: 1_000, currency: "JPY"), acquiredOn: "2026-03-02")
        // A rate of another day does not do.
        _ = try await server.client.upsertExchangeRates([ExchangeRate(currency: "USD", date: "2026-03-01", rate: "0.5")])
        let missing = try await server.client.upsertCustomers([american])
        #expect(missing.inserted == 0)
        let rejection = try #require(missing.rejections.first)
        #expect(rejection.code == RejectionCode.failedPrecondition)
        #expect(rejection.field == "acquisition_cost.currency")
        #expect(rejection.reason.contains("USD") && rejection.reason.contains("2026-03-02"))
        #expect(try await server.count("SELECT count(*) FROM customers") == 0)

        _ = try await server.client.upsertExchangeRates([
            ExchangeRate(currency: "USD", date: "2026-03-02", rate: "0.9215"),
            ExchangeRate(currency: "JPY", date: "2026-03-02", rate: "0.0061"),
        ])
        american.market = "US"
        let stored = try await server.client.upsertCustomers([american, japanese])
        #expect(stored.inserted == 2 && stored.rejections.isEmpty)
        #expect(try await server.rows(
            "SELECT customer_id, acquisition_cost_minor, acquisition_cost_currency, acquisition_cost_base_minor FROM customers ORDER BY 1"
        ) == [["c-jp", "1000", "JPY", "610"], ["c-us", "10000", "USD", "9215"]])
        try await server.stop()
    }

    @Test(arguments: CustomerValidationCase.all)
    func anInvalidCustomerIsRejectedNamingItsFieldAndNotStored(_ invalid: CustomerValidationCase) async throws {
        let server = try await IngestionServer.start(prefix: "customer_rule")
        let response = try await server.client.upsertCustomers([Customer(customerID: "c-good"), invalid.customer])
        #expect(response.received == 2 && response.inserted == 1)
        let rejection = try #require(response.rejections.first)
        #expect(response.rejections.count == 1)
        #expect(rejection.index == 1)
        #expect(rejection.recordID == invalid.customer.customerID)
        #expect(rejection.field == invalid.field)
        #expect(rejection.code == RejectionCode.invalidArgument)
        #expect(try await server.rows("SELECT customer_id FROM customers") == [["c-good"]])
        try await server.stop()
    }
}
