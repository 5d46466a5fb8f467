/// `clv.ingestion.v1.ExchangeRate`: base-currency units per unit of `currency` on `date`.
public struct ExchangeRate: Sendable, Hashable {
    /// ISO 4217 code.
    public var currency: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// Decimal text, such as `"1.0842"`.
    public var rate: String

    public init(currency: String, date: String, rate: String) {
        self.currency = currency
        self.date = date
        self.rate = rate
    }
}
