/// `clv.ingestion.v1.UpsertExchangeRatesRequest`: a batch of exchange rates.
public struct UpsertExchangeRatesRequest: Sendable, Hashable {
    public var rates: [ExchangeRate]

    public init(_ rates: [ExchangeRate] = []) {
        self.rates = rates
    }
}
