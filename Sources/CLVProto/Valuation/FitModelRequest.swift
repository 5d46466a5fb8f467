/// `clv.valuation.v1.FitModelRequest`.
public struct FitModelRequest: Sendable, Hashable {
    public var purchaseModel: PurchaseModel
    public var spendModel: SpendModel
    /// Last day of the calibration period (inclusive), YYYY-MM-DD; empty for today (UTC).
    public var calibrationEnd: String
    public var timeUnit: ProtoTimeUnit

    public init(
        purchaseModel: PurchaseModel = .unspecified, spendModel: SpendModel = .unspecified,
        calibrationEnd: String = "", timeUnit: ProtoTimeUnit = .unspecified
    ) {
        self.purchaseModel = purchaseModel
        self.spendModel = spendModel
        self.calibrationEnd = calibrationEnd
        self.timeUnit = timeUnit
    }
}
