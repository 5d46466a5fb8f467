/// An acquisition channel of the demo shop and what a customer acquired through it costs.
public struct Channel: Sendable {
    public let name: String
    let share: Double
    /// Average acquisition cost in euro cents; 0 for channels without a direct cost.
    let averageCost: Double
    /// Multiplies the purchase rate of customers from this channel: loyal referrals buy more,
    /// discount hunters less.
    let rateFactor: Double

    static let all = [
        Channel(name: "organic", share: 0.22, averageCost: 0, rateFactor: 1.2),
        Channel(name: "paid_search", share: 0.28, averageCost: 2_800, rateFactor: 1.0),
        Channel(name: "social_ads", share: 0.2, averageCost: 3_600, rateFactor: 0.75),
        Channel(name: "marketplace", share: 0.18, averageCost: 1_500, rateFactor: 0.8),
        Channel(name: "referral", share: 0.12, averageCost: 1_000, rateFactor: 1.4),
    ]
}
