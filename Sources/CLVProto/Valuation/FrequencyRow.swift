/// `clv.valuation.v1.FrequencyRow`: the customers with one calibration frequency, predicted against
/// actual repeat purchase days in the holdout.
public struct FrequencyRow: Sendable, Hashable {
    public var calibrationFrequency: UInt32
    /// The row holds `calibrationFrequency` and above.
    public var andAbove: Bool
    public var customers: UInt64
    public var meanPredicted: Double
    public var meanActual: Double

    public init(
        calibrationFrequency: UInt32 = 0, andAbove: Bool = false, customers: UInt64 = 0, meanPredicted: Double = 0,
        meanActual: Double = 0
    ) {
        self.calibrationFrequency = calibrationFrequency
        self.andAbove = andAbove
        self.customers = customers
        self.meanPredicted = meanPredicted
        self.meanActual = meanActual
    }
}
