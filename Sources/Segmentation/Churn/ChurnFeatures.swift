import CLVModels
import Foundation

/// The churn model's features of one customer as of a cut-off, from the facts segmentation
/// reads anyway. Documented in docs/segmentation.md; the order is the model's.
enum ChurnFeatures {
    /// Name and description (with unit) of each feature, in order: the raw facts, then the
    /// shaped ones (`ChurnFeatures+Shaped.swift`).
    static let all: [(name: String, description: String)] = [
        ("recency_days", "days since the last purchase"),
        ("frequency", "distinct purchase days"),
        ("tenure_days", "days since the first purchase"),
        ("log_average_order", "ln(1 + average order value in base minor units)"),
        ("log_revenue", "ln(1 + revenue of completed orders in base minor units)"),
        ("recent_purchase_days", "purchase days in the warning window"),
        ("recency_score", "RFM recency score 1-5 at the cut-off"),
        ("frequency_score", "RFM frequency score 1-5 at the cut-off"),
        ("monetary_score", "RFM monetary score 1-5 at the cut-off"),
        ("probability_alive", "P(alive) from the valuation run (0.5 without one)"),
        ("expected_purchases", "expected purchases in the label window from the valuation run (0 without one)"),
        ("engagement_recent", "e-mail opens, clicks and site visits in the warning window"),
        ("engagement_previous", "the same in the window before"),
        ("issues_recent", "complaints, return requests and negative reviews in the warning window"),
        ("payment_trouble", "failed payments and cancelled orders in the payment window"),
        ("reason_events", "issue events whose reason names a driver"),
    ] + WarningCode.allCases.map { ("warning_\($0.rawValue)", "1 when the \($0.rawValue) warning is raised") } + shaped

    static var count: Int { all.count }

    /// The feature row of `facts` as of the assigner's day; `windowDays` is the label window and
    /// `probabilityAlive` the valuation's figure for the customer, computed once by the caller.
    static func row(
        _ facts: CustomerFacts, assigner: Assigner, cuts: Assigner.CutPoints, windowDays: Int, probabilityAlive: Double?,
        into row: inout [Double]
    ) {
        row.removeAll(keepingCapacity: true)
        let day = assigner.asOfDay
        let measured = assigner.measures(facts)
        let recency = Double(day - (facts.lastPurchaseDay ?? day))
        let averageOrder = facts.completedOrders > 0 ? Double(facts.revenue) / Double(facts.completedOrders) : 0
        // The warnings' count is left out: it is the sum of the indicators below.
        let codes = Set(ChurnWarning.evaluate(assigner.warningFacts(facts), settings: assigner.rules.warnings).map(\.code))
        row.append(recency)
        row.append(Double(facts.purchaseDays))
        row.append(Double(day - (facts.firstPurchaseDay ?? day)))
        row.append(log1p(max(0, averageOrder)))
        row.append(log1p(max(0, Double(facts.revenue))))
        row.append(Double(facts.recentPurchaseDays))
        row.append(measured.map { Double(RFMBinning.score($0.recency, cutPoints: cuts.recency)) } ?? 1)
        row.append(measured.map { Double(RFMBinning.score($0.frequency, cutPoints: cuts.frequency)) } ?? 1)
        row.append(measured.map { Double(RFMBinning.score($0.monetary, cutPoints: cuts.monetary)) } ?? 1)
        row.append(probabilityAlive ?? 0.5)
        row.append(assigner.valuation?.expectedPurchases(facts, asOf: day, days: windowDays) ?? 0)
        row.append(Double(facts.recentEngagement))
        row.append(Double(facts.previousEngagement))
        row.append(Double(facts.recentIssues))
        row.append(Double(facts.recentPaymentFailures + facts.recentCancellations))
        row.append(Double(facts.reasonCounts.values.reduce(0, +)))
        for code in WarningCode.allCases { row.append(codes.contains(code) ? 1 : 0) }
        appendShaped(
            facts, asOf: day, warningWindowDays: assigner.rules.warnings.windowDays, probabilityAlive: probabilityAlive ?? 0.5,
            into: &row)
    }
}
