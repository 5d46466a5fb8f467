import Foundation

/// The raw facts shaped for a linear model: counts and days on a log scale, rates per day of
/// the customer's own tenure, recency against their own inter-purchase interval, indicators,
/// and products of the strongest terms. A logistic regression cannot bend a raw
/// count; these let it see what a tree would find by splitting.
extension ChurnFeatures {
    static let shaped: [(name: String, description: String)] = [
        ("log_recency", "ln(1 + days since the last purchase)"),
        ("log_tenure", "ln(1 + days since the first purchase)"),
        ("log_frequency", "ln(distinct purchase days)"),
        ("one_time_buyer", "1 when the customer bought on one day only"),
        ("log_recency_over_interval",
         "ln(1 + days since the last purchase / the customer's mean days between purchases, tenure / (frequency − 1)); 0 for one-time buyers"),
        ("log_purchase_rate", "ln(purchase days per year of tenure, 365 × frequency / (tenure days + 30))"),
        ("log_engagement_recent", "ln(1 + e-mail opens, clicks and site visits in the warning window)"),
        ("no_engagement_recent", "1 when there was no open, click or visit in the warning window"),
        ("engagement_recent_rate", "opens, clicks and visits per 30 days of the warning window the customer was known in"),
        ("engagement_trend", "ln(1 + engagement in the warning window) − ln(1 + engagement in the window before)"),
        ("log_recent_purchase_days", "ln(1 + purchase days in the warning window)"),
        ("no_recent_purchase", "1 when there was no purchase in the warning window"),
        ("recent_vs_usual_purchases",
         "ln(1 + purchase days in the warning window) − ln(1 + the days the customer's purchase rate would give in it)"),
        ("logit_probability_alive", "ln(P(alive) / (1 − P(alive))) from the valuation run (0 without one)"),
        ("log_recency_x_no_engagement", "log_recency × no_engagement_recent"),
        ("log_recency_x_one_time", "log_recency × one_time_buyer"),
        ("log_recency_over_interval_x_no_engagement", "log_recency_over_interval × no_engagement_recent"),
        ("log_engagement_recency", "ln(1 + days since the latest open, click or visit; since the first purchase when none)"),
        ("log_engagement_after_purchase", "ln(1 + days from the last purchase to the latest open, click or visit after it; 0 when none)"),
        ("never_engaged", "1 when the customer has no open, click or visit in the months the event windows reach"),
        ("engaged_after_purchase", "1 when the latest open, click or visit came after the last purchase day"),
        ("log_engagement_recency_over_interval",
         "ln(1 + days since the latest engagement / the customer's mean days between engagements in the two windows)"),
        ("log_engagement_recency_x_log_recency", "log_engagement_recency × log_recency"),
        ("log_engagement_recency_x_no_engagement", "log_engagement_recency × no_engagement_recent"),
        ("any_trouble", "1 when there was an issue in the warning window or payment trouble in the payment window"),
        ("log_issues_recent", "ln(1 + complaints, return requests and negative reviews in the warning window)"),
        ("any_trouble_x_log_recency", "any_trouble × log_recency"),
        ("log_reason_events", "ln(1 + issue events whose reason names a driver)"),
        ("log_reason_events_x_log_recency", "log_reason_events × log_recency"),
    ]

    /// Appends the `shaped` features of `facts` as of `day`.
    static func appendShaped(
        _ facts: CustomerFacts, asOf day: Int32, warningWindowDays: Int, probabilityAlive: Double, into row: inout [Double]
    ) {
        let recency = Double(max(0, day - (facts.lastPurchaseDay ?? day)))
        let tenure = Double(max(0, day - (facts.firstPurchaseDay ?? day)))
        let frequency = Double(max(1, facts.purchaseDays))
        let oneTime: Double = frequency <= 1 ? 1 : 0
        // Distinct purchase days lie at least a day apart, so the interval is at least one day.
        let overInterval = oneTime == 1 ? 0 : log1p(recency / max(1, tenure / (frequency - 1)))
        let engagement = Double(facts.recentEngagement)
        let noEngagement: Double = facts.recentEngagement == 0 ? 1 : 0
        // A customer known for less than the window could engage only in part of it.
        let knownDays = min(Double(warningWindowDays), tenure + 1)
        let usualRecentPurchases = frequency / (tenure + 30) * knownDays
        let alive = min(max(probabilityAlive, 1e-6), 1 - 1e-6)
        let logRecency = log1p(recency)
        row.append(logRecency)
        row.append(log1p(tenure))
        row.append(log(frequency))
        row.append(oneTime)
        row.append(overInterval)
        row.append(log(365 * frequency / (tenure + 30)))
        row.append(log1p(engagement))
        row.append(noEngagement)
        row.append(engagement / knownDays * 30)
        row.append(log1p(engagement) - log1p(Double(facts.previousEngagement)))
        row.append(log1p(Double(facts.recentPurchaseDays)))
        row.append(facts.recentPurchaseDays == 0 ? 1 : 0)
        row.append(log1p(Double(facts.recentPurchaseDays)) - log1p(usualRecentPurchases))
        row.append(log(alive / (1 - alive)))
        row.append(logRecency * noEngagement)
        row.append(logRecency * oneTime)
        row.append(overInterval * noEngagement)
        let engaged = facts.lastEngagementDay.map { min($0, day) }
        let sinceEngaged = engaged.map { Double(day - $0) } ?? tenure
        let logSinceEngaged = log1p(sinceEngaged)
        let afterPurchase = engaged.map { Double(max(0, $0 - (facts.lastPurchaseDay ?? $0))) } ?? 0
        row.append(logSinceEngaged)
        row.append(log1p(afterPurchase))
        row.append(engaged == nil ? 1 : 0)
        row.append(afterPurchase > 0 ? 1 : 0)
        // Engagements per day over the two windows, or the part of them the customer was known in.
        let engagementRate = Double(facts.recentEngagement + facts.previousEngagement) / min(2 * Double(warningWindowDays), tenure + 1)
        row.append(log1p(sinceEngaged * engagementRate))
        row.append(logSinceEngaged * logRecency)
        row.append(logSinceEngaged * noEngagement)
        let trouble: Double = facts.recentIssues + facts.recentPaymentFailures + facts.recentCancellations > 0 ? 1 : 0
        let logReasons = log1p(Double(facts.reasonCounts.values.reduce(0, +)))
        row.append(trouble)
        row.append(log1p(Double(facts.recentIssues)))
        row.append(trouble * logRecency)
        row.append(logReasons)
        row.append(logReasons * logRecency)
    }
}
