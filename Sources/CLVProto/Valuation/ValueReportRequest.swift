/// `clv.valuation.v1.ValueReportRequest`.
public struct ValueReportRequest: Sendable, Hashable {
    public var by: Grouping
    /// How many of the most valuable customers to list (at most 1,000); 0 for none.
    public var top: UInt32

    public init(by: Grouping = .unspecified, top: UInt32 = 0) {
        self.by = by
        self.top = top
    }
}
