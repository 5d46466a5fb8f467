/// `clv.valuation.v1.EvaluateModelRequest`: fit on the calibration period, compare with the holdout.
public struct EvaluateModelRequest: Sendable, Hashable {
    public var purchaseModel: PurchaseModel
    /// YYYY-MM-DD, inclusive; the holdout runs from the next day to `holdoutEnd` (inclusive).
    public var calibrationEnd: String
    public var holdoutEnd: String
    public var timeUnit: ProtoTimeUnit

    public init(
        purchaseModel: PurchaseModel = .unspecified, calibrationEnd: String = "", holdoutEnd: String = "",
        timeUnit: ProtoTimeUnit = .unspecified
    ) {
        self.purchaseModel = purchaseModel
        self.calibrationEnd = calibrationEnd
        self.holdoutEnd = holdoutEnd
        self.timeUnit = timeUnit
    }
}
