/// Where a customer is in their relationship with the shop, from their purchase days, a
/// fitted P(alive) when there is one, and the stage stored at the previous refresh.
public enum LifecycleStage: String, CaseIterable, Sendable, Codable {
    /// No purchase yet.
    case prospect
    /// First purchase within the new-customer window, or only one purchase day.
    case new = "new"
    /// Buying again, tenure below `matureTenureDays`.
    case developing
    /// Buying again, tenure at least `matureTenureDays`.
    case mature
    /// Inactive: probably still alive, but quiet.
    case dormant
    /// Inactive long enough (or improbable enough) to count as gone.
    case churned
    /// Came back after being dormant or churned, and still within the new-customer window.
    case reactivated
}

extension LifecycleStage {
    /// The rules, in order (docs/segmentation.md has them with their defaults):
    /// 1. no purchase -> prospect
    /// 2. inactive: with a P(alive), churned below churnedBelow, dormant below dormantBelow —
    ///    EXCEPT one-time buyers (purchaseDays == 1), whose BG/NBD P(alive) is 1 by construction:
    ///    they use the day thresholds. Without a P(alive): days since last purchase >= churnedDays
    ///    -> churned, >= dormantDays -> dormant.
    /// 3. active and previousStage is dormant, churned, or reactivated, and the last purchase is
    ///    within newWindowDays of asOf -> reactivated (a reactivated customer stays so while
    ///    their latest purchase is within the new-customer window).
    ///    (previousStage reactivated but last purchase older than the window -> fall through.)
    /// 4. first purchase within newWindowDays, or only one purchase day -> new
    /// 5. tenure (asOf - first purchase) >= matureTenureDays -> mature, else developing.
    ///
    /// "Within N days" means fewer than N days before asOf: a purchase on asOf is 0 days ago.
    /// A missing last purchase day is taken to be the first purchase day.
    public init(_ facts: LifecycleFacts, settings: LifecycleSettings) {
        guard let first = facts.firstPurchaseDay, facts.purchaseDays > 0 else {
            self = .prospect
            return
        }
        let sinceLast = Int(facts.asOfDay) - Int(facts.lastPurchaseDay ?? first)
        if let alive = facts.probabilityAlive, facts.purchaseDays > 1 {
            if alive < settings.churnedBelowProbabilityAlive { self = .churned; return }
            if alive < settings.dormantBelowProbabilityAlive { self = .dormant; return }
        } else {
            if sinceLast >= settings.churnedDays { self = .churned; return }
            if sinceLast >= settings.dormantDays { self = .dormant; return }
        }
        switch facts.previousStage {
        case .dormant?, .churned?, .reactivated?:
            if sinceLast < settings.newWindowDays { self = .reactivated; return }
        default:
            break
        }
        let tenure = Int(facts.asOfDay) - Int(first)
        if tenure < settings.newWindowDays || facts.purchaseDays == 1 {
            self = .new
        } else {
            self = tenure >= settings.matureTenureDays ? .mature : .developing
        }
    }
}
