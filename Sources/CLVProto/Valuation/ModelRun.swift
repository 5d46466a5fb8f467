/// `clv.valuation.v1.ModelRun`: a stored fit. Runs are kept and never overwritten.
public struct ModelRun: Sendable, Hashable {
    public var runID: Int64
    public var purchaseModel: PurchaseModel
    public var spendModel: SpendModel
    /// YYYY-MM-DD.
    public var calibrationEnd: String
    public var timeUnit: ProtoTimeUnit
    /// The purchase model's fit, then the spend model's (if any).
    public var fits: [ModelFit]
    public var fitSeconds: Double
    /// Milliseconds since the Unix epoch.
    public var createdAtUnixMilliseconds: Int64
    /// The latest purchase day the fit saw (at most `calibrationEnd`).
    public var dataCutoff: String
    /// Customers with a purchase on or before `calibrationEnd`.
    public var customers: UInt64
    public var baseCurrency: String
    /// Share of customers who bought in the year before the last year of calibration and bought
    /// again in the last year: the retention rate of the classic formulas.
    public var annualRetentionRate: Double
    /// Gross margin over revenue of the completed orders whose margin is known; 0 when none is.
    public var observedMarginRate: Double

    public init(
        runID: Int64 = 0, purchaseModel: PurchaseModel = .unspecified, spendModel: SpendModel = .unspecified,
        calibrationEnd: String = "", timeUnit: ProtoTimeUnit = .unspecified, fits: [ModelFit] = [],
        fitSeconds: Double = 0, createdAtUnixMilliseconds: Int64 = 0, dataCutoff: String = "",
        customers: UInt64 = 0, baseCurrency: String = "", annualRetentionRate: Double = 0,
        observedMarginRate: Double = 0
    ) {
        self.runID = runID
        self.purchaseModel = purchaseModel
        self.spendModel = spendModel
        self.calibrationEnd = calibrationEnd
        self.timeUnit = timeUnit
        self.fits = fits
        self.fitSeconds = fitSeconds
        self.createdAtUnixMilliseconds = createdAtUnixMilliseconds
        self.dataCutoff = dataCutoff
        self.customers = customers
        self.baseCurrency = baseCurrency
        self.annualRetentionRate = annualRetentionRate
        self.observedMarginRate = observedMarginRate
    }
}
