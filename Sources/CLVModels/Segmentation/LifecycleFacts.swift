/// What the lifecycle rules know about one customer on the as-of day. Days are days since
/// 1970-01-01 (UTC).
public struct LifecycleFacts: Sendable {
    /// The as-of day.
    public var asOfDay: Int32
    /// nil: no purchase (prospect).
    public var firstPurchaseDay: Int32?
    public var lastPurchaseDay: Int32?
    /// Distinct purchase days.
    public var purchaseDays: Int
    /// From a fitted model, when one exists.
    public var probabilityAlive: Double?
    /// The stage stored at the last refresh, if any.
    public var previousStage: LifecycleStage?

    public init(
        asOfDay: Int32, firstPurchaseDay: Int32? = nil, lastPurchaseDay: Int32? = nil, purchaseDays: Int = 0,
        probabilityAlive: Double? = nil, previousStage: LifecycleStage? = nil
    ) {
        self.asOfDay = asOfDay
        self.firstPurchaseDay = firstPurchaseDay
        self.lastPurchaseDay = lastPurchaseDay
        self.purchaseDays = purchaseDays
        self.probabilityAlive = probabilityAlive
        self.previousStage = previousStage
    }
}
