/// `clv.ingestion.v1.IngestionStats`.
public struct IngestionStats: Sendable, Hashable {
    /// Empty until the base currency is set.
    public var baseCurrency: String
    public var kinds: [RecordKindStats]
    /// Customers created by an order or event and not described yet.
    public var undescribedCustomers: UInt64

    public init(baseCurrency: String, kinds: [RecordKindStats], undescribedCustomers: UInt64) {
        self.baseCurrency = baseCurrency
        self.kinds = kinds
        self.undescribedCustomers = undescribedCustomers
    }

    /// The figures of one kind, if reported.
    public subscript(kind: String) -> RecordKindStats? {
        kinds.first { $0.kind == kind }
    }
}
