/// `clv.ingestion.v1.SetBaseCurrencyResponse`.
public struct SetBaseCurrencyResponse: Sendable, Hashable {
    public var currency: String
    /// False when the base currency already was `currency`.
    public var changed: Bool

    public init(currency: String, changed: Bool) {
        self.currency = currency
        self.changed = changed
    }
}
