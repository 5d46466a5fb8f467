/// `clv.valuation.v1.ValueReportRequest`.
public struct ValueReportRequest: Sendable, Hashable {
    public var by: Grouping

    public init(by: Grouping = .unspecified) {
        self.by = by
    }
}
