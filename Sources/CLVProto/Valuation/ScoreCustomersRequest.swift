/// `clv.valuation.v1.ScoreCustomersRequest`.
public struct ScoreCustomersRequest: Sendable, Hashable {
    /// 0 for the latest run.
    public var runID: Int64
    /// Horizon, discount and margin; each left `nil` takes its default.
    public var terms: ValueTerms

    public init(runID: Int64 = 0, terms: ValueTerms = ValueTerms()) {
        self.runID = runID
        self.terms = terms
    }
}
