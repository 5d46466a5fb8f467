/// `clv.valuation.v1.ModelEvaluation`: calibration against holdout, customers grouped by their
/// calibration frequency.
public struct ModelEvaluation: Sendable, Hashable {
    /// The fit on the calibration period.
    public var fit: ModelFit?
    public var timeUnit: ProtoTimeUnit
    public var calibrationEnd: String
    public var holdoutEnd: String
    /// In `timeUnit`.
    public var holdoutLength: Double
    public var customers: UInt64
    /// Per customer, repeat purchase days in the holdout, predicted against actual.
    public var meanAbsoluteError: Double
    public var rootMeanSquaredError: Double
    public var totalPredicted: Double
    public var totalActual: Double
    public var rows: [FrequencyRow]
    /// Mean absolute percentage error of the cumulative total, period by period.
    public var aggregateMAPE: Double

    public init(
        fit: ModelFit? = nil, timeUnit: ProtoTimeUnit = .unspecified, calibrationEnd: String = "",
        holdoutEnd: String = "", holdoutLength: Double = 0, customers: UInt64 = 0, meanAbsoluteError: Double = 0,
        rootMeanSquaredError: Double = 0, totalPredicted: Double = 0, totalActual: Double = 0,
        rows: [FrequencyRow] = [], aggregateMAPE: Double = 0
    ) {
        self.fit = fit
        self.timeUnit = timeUnit
        self.calibrationEnd = calibrationEnd
        self.holdoutEnd = holdoutEnd
        self.holdoutLength = holdoutLength
        self.customers = customers
        self.meanAbsoluteError = meanAbsoluteError
        self.rootMeanSquaredError = rootMeanSquaredError
        self.totalPredicted = totalPredicted
        self.totalActual = totalActual
        self.rows = rows
        self.aggregateMAPE = aggregateMAPE
    }
}
