/// `clv.ingestion.v1.Money`: exact money as integer minor units of an ISO 4217 currency.
public struct Money: Sendable, Hashable {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }
}
