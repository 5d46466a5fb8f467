/// `clv.ingestion.v1.SetBaseCurrencyRequest`.
public struct SetBaseCurrencyRequest: Sendable, Hashable {
    /// ISO 4217 code.
    public var currency: String

    public init(currency: String) {
        self.currency = currency
    }
}
