import CLVProto
import Ingestion
import RPC
import Testing

@Suite struct ExchangeRateTests {
    static let usd = ExchangeRate(currency: "USD", date: "2026-03-02", rate: "1.5")

    @Test func aRateIsStoredAndAnEqualResendIsUnchanged() async throws {
        let server = try await IngestionServer.start(prefix: "rates")
        let first = try await server.client.upsertExchangeRates([
            Self.usd, ExchangeRate(currency: "JPY", date: "2026-03-02", rate: "0.0061"),
        ])
        #expect(first.inserted == 2 && first.rejections.isEmpty)
        #expect(try await server.rows("SELECT currency, day, rate FROM exchange_rates ORDER BY currency") == [
            ["JPY", "2026-03-02", "0.0061"], ["USD", "2026-03-02", "1.5"],
        ])
        let replay = try await server.client.upsertExchangeRates([Self.usd])
        #expect(replay.inserted == 0 && replay.unchanged == 1 && replay.rejections.isEmpty)
        // The same number written differently is the same rate.
        let padded = try await server.client.upsertExchangeRates([ExchangeRate(currency: "USD", date: "2026-03-02", rate: "1.50")])
        #expect(padded.unchanged == 1 && padded.rejections.isEmpty)
        let leadingZero = try await server.client.upsertExchangeRates([
            ExchangeRate(currency: "USD", date: "2026-03-02", rate: "01.500000")
        ])
        #expect(leadingZero.unchanged == 1 && leadingZero.rejections.isEmpty)
        try await server.stop()
    }

    @Test func aDifferentRateForAStoredDayIsAConflictAndTheStoredRateStays() async throws {
        let server = try await IngestionServer.start(prefix: "rates")
        _ = try await server.client.upsertExchangeRates([Self.usd])
        let changed = try await server.client.upsertExchangeRates([
            ExchangeRate(currency: "USD", date: "2026-03-02", rate: "1.51"),
            ExchangeRate(currency: "USD", date: "2026-03-03", rate: "1.51"),
        ])
        #expect(changed.inserted == 1 && changed.unchanged == 0)
        let rejection = try #require(changed.rejections.first)
        #expect(changed.rejections.count == 1)
        #expect(rejection.index == 0 && rejection.recordID == "USD/2026-03-02")
        #expect(rejection.field == "rate" && rejection.code == RejectionCode.alreadyExists)
        #expect(rejection.reason.contains("1.5"))
        #expect(try await server.rows("SELECT day, rate FROM exchange_rates ORDER BY day") == [
            ["2026-03-02", "1.5"], ["2026-03-03", "1.51"],
        ])
        try await server.stop()
    }

    @Test(arguments: RateValidationCase.all)
    func anInvalidRateIsRejectedNamingItsField(_ invalid: RateValidationCase) async throws {
        let server = try await IngestionServer.start(prefix: "rate_rule")
        let response = try await server.client.upsertExchangeRates([
            ExchangeRate(currency: "GBP", date: "2026-03-02", rate: "1.17"), invalid.rate,
        ])
        #expect(response.received == 2 && response.inserted == 1)
        let rejection = try #require(response.rejections.first)
        #expect(response.rejections.count == 1)
        #expect(rejection.index == 1)
        #expect(rejection.recordID == "\(invalid.rate.currency)/\(invalid.rate.date)")
        #expect(rejection.field == invalid.field)
        #expect(rejection.code == RejectionCode.invalidArgument)
        #expect(try await server.rows("SELECT currency FROM exchange_rates") == [["GBP"]])
        try await server.stop()
    }

    @Test func theBaseCurrencyIsSetOnce() async throws {
        let server = try await IngestionServer.start(prefix: "rates", baseCurrency: nil)
        #expect(try await server.client.getStats().baseCurrency == "")
        let first = try await server.client.setBaseCurrency("EUR")
        #expect(first.currency == "EUR" && first.changed)
        let again = try await server.client.setBaseCurrency("EUR")
        #expect(again.currency == "EUR" && !again.changed)
        let other = await #expect(throws: RPCError.self) { try await server.client.setBaseCurrency("USD") }
        #expect(other?.code == .failedPrecondition)
        #expect(other?.message.contains("EUR") == true)
        let invalid = await #expect(throws: RPCError.self) { try await server.client.setBaseCurrency("eur") }
        #expect(invalid?.code == .invalidArgument)
        #expect(invalid?.fieldViolations.map(\.field) == ["currency"])
        #expect(try await server.client.getStats().baseCurrency == "EUR")
        try await server.stop()
    }

    @Test func ratesBeforeTheBaseCurrencyIsSetAreRefused() async throws {
        let server = try await IngestionServer.start(prefix: "rates", baseCurrency: nil)
        let error = await #expect(throws: RPCError.self) { try await server.client.upsertExchangeRates([Self.usd]) }
        #expect(error?.code == .failedPrecondition)
        #expect(try await server.count("SELECT count(*) FROM exchange_rates") == 0)
        try await server.stop()
    }
}
