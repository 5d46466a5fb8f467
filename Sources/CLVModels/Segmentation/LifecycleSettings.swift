/// The windows and P(alive) thresholds of the lifecycle rules (`LifecycleStage.init`).
public struct LifecycleSettings: Sendable, Hashable, Codable {
    /// A first purchase this recent makes a customer new; a comeback this recent keeps them reactivated.
    public var newWindowDays = 90
    /// Tenure (days since the first purchase) from which a repeat buyer is mature.
    public var matureTenureDays = 365
    /// Days without a purchase after which a customer without a P(alive) is dormant…
    public var dormantDays = 180
    /// …and churned.
    public var churnedDays = 365
    /// With a P(alive) (and more than one purchase day): dormant below this…
    public var dormantBelowProbabilityAlive = 0.5
    /// …and churned below this.
    public var churnedBelowProbabilityAlive = 0.2

    /// The defaults above.
    public static let standard = LifecycleSettings()

    /// The defaults.
    public init() {}

    /// Every field, each defaulted to its standard value.
    public init(
        newWindowDays: Int = 90, matureTenureDays: Int = 365, dormantDays: Int = 180,
        churnedDays: Int = 365, dormantBelowProbabilityAlive: Double = 0.5,
        churnedBelowProbabilityAlive: Double = 0.2
    ) {
        self.newWindowDays = newWindowDays
        self.matureTenureDays = matureTenureDays
        self.dormantDays = dormantDays
        self.churnedDays = churnedDays
        self.dormantBelowProbabilityAlive = dormantBelowProbabilityAlive
        self.churnedBelowProbabilityAlive = churnedBelowProbabilityAlive
    }

    /// A human message naming the first inconsistent setting, or nil when fine.
    public var problem: String? {
        for (name, days) in [("newWindowDays", newWindowDays), ("matureTenureDays", matureTenureDays),
                             ("dormantDays", dormantDays), ("churnedDays", churnedDays)] where days <= 0 {
            return "\(name) must be positive; got \(days)"
        }
        if churnedDays <= dormantDays {
            return "churnedDays (\(churnedDays)) must exceed dormantDays (\(dormantDays))"
        }
        for (name, p) in [("dormantBelowProbabilityAlive", dormantBelowProbabilityAlive),
                          ("churnedBelowProbabilityAlive", churnedBelowProbabilityAlive)] where !(p > 0 && p < 1) {
            return "\(name) must be in (0, 1); got \(p)"
        }
        if churnedBelowProbabilityAlive >= dormantBelowProbabilityAlive {
            return "churnedBelowProbabilityAlive (\(churnedBelowProbabilityAlive)) must be below "
                + "dormantBelowProbabilityAlive (\(dormantBelowProbabilityAlive))"
        }
        return nil
    }
}
