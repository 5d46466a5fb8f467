/// What a run says one customer is worth.
struct CustomerValuation: Sendable {
    let probabilityAlive: Double
    /// Over the horizon.
    let expectedPurchases: Double
    /// Expected value of each future purchase (base-currency minor units).
    let expectedAverageOrder: Double
    /// Discounted expected margin over the horizon (base-currency minor units).
    let clv: Double
}
