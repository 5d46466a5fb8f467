/// `clv.valuation.v1.ScoreCustomersRequest`.
public struct ScoreCustomersRequest: Sendable, Hashable {
    /// 0 for the latest run.
    public var runID: Int64
    /// Horizon of the value, in the run's time unit; 0 for one year.
    public var horizon: Double
    /// 0 for 10 %.
    public var annualDiscountRate: Double
    /// Margin over revenue; 0 for the run's observed margin rate, or 1 (revenue) when none was observed.
    public var marginRate: Double

    public init(runID: Int64 = 0, horizon: Double = 0, annualDiscountRate: Double = 0, marginRate: Double = 0) {
        self.runID = runID
        self.horizon = horizon
        self.annualDiscountRate = annualDiscountRate
        self.marginRate = marginRate
    }
}
