import CLVModels
import Ingestion
import Store

/// What segmentation knows of one customer as of a day: purchases from the purchase days,
/// behaviour from the monthly event buckets, value from the current scoring, and where the
/// customer stood at the last refresh. Computed from the customer's stored rows (HistoryRows),
/// the same way for everyone at once and for one customer.
struct CustomerFacts: Sendable {
    var customerID: String
    var market: String
    var channel: String
    var firstPurchaseDay: Int32?
    var lastPurchaseDay: Int32?
    var purchaseDays = 0
    var completedOrders = 0
    var revenue: Int64 = 0
    var recentPurchaseDays = 0
    var recentOrders = 0
    var recentRevenue: Int64 = 0
    var recentEngagement = 0
    var previousEngagement = 0
    var recentIssues = 0
    var previousIssues = 0
    var recentPaymentFailures = 0
    var recentCancellations = 0
    var lastCartAbandonedDay: Int32?
    /// The day of the latest e-mail open, click or site visit on or before the as-of day, in the
    /// months the event windows reach (the as-of month counts only when its latest such event is
    /// on or before the day); nil when there is none there.
    var lastEngagementDay: Int32?
    /// Events whose reason points to a driver (issues, cancellations, failed payments, abandoned
    /// carts, surveys), from six months before the last purchase on.
    var reasonCounts: [CLVModels.ChurnDriver: Int] = [:]
    /// The current scoring's CLV, when the customer was scored.
    var clv: Double?
    /// The last refresh's assignment, when the customer was in it.
    var previous: PreviousPlace?
    /// Whether the customer bought in the query's following days; nil when it named none.
    var boughtInFollowingDays: Bool?

    struct PreviousPlace: Sendable {
        var segment: String
        var stage: CLVModels.LifecycleStage?
        var tier: String
    }

    /// The drivers a reason can name, in the order cards show them (disengagement has no reason keywords).
    static let reasonDrivers: [CLVModels.ChurnDriver] = [.logistics, .productQuality, .price, .service, .payment]

    struct Query: Sendable {
        var asOfDay: Int32
        var warnings: CLVModels.WarningSettings
        var customerID: String?
        var scoringID: Int64?
        var previousRefreshID: Int64?
        var includeProspects: Bool
        /// When set, the facts say whether the customer bought in this many days after the as-of
        /// day (a churn label).
        var followingDays: Int? = nil

        /// The first day of the month of (as-of − 2 · window): the previous event window lies after it.
        var previousWindowMonth: CalendarDay { CalendarDay(daysSinceEpoch: asOfDay - 2 * Int32(warnings.windowDays)).monthStart }

        /// The first month whose event buckets a window counts: the months after those before the
        /// previous event window and the payment window, and an abandoned cart's month itself.
        var earliestEventMonth: CalendarDay {
            let monthOf = { (day: Int32) in CalendarDay(daysSinceEpoch: day).monthStart }
            return min(
                previousWindowMonth.addingMonths(1), paymentWindowMonth.addingMonths(1),
                monthOf(asOfDay - Int32(warnings.abandonedCartDays)))
        }

        /// The first day of the month of (as-of − the payment window): the payment window counts the months after it.
        var paymentWindowMonth: CalendarDay { CalendarDay(daysSinceEpoch: asOfDay - Int32(warnings.paymentWindowDays)).monthStart }

        /// The first day of the month of (as-of − window): the recent event window counts the months after it.
        var recentWindowMonth: CalendarDay { CalendarDay(daysSinceEpoch: asOfDay - Int32(warnings.windowDays)).monthStart }

        /// The query's days, computed once rather than per customer.
        struct Bounds: Sendable {
            var asOf: Int32, recentFrom: Int32, followingThrough: Int32?
            var earliestMonth: Int32, recentMonth: Int32, previousMonth: Int32, paymentMonth: Int32
            var includeProspects: Bool

            init(_ query: Query) {
                asOf = query.asOfDay
                recentFrom = query.asOfDay - Int32(query.warnings.windowDays)
                followingThrough = query.followingDays.map { query.asOfDay + Int32($0) }
                earliestMonth = query.earliestEventMonth.daysSinceEpoch
                recentMonth = query.recentWindowMonth.daysSinceEpoch
                previousMonth = query.previousWindowMonth.daysSinceEpoch
                paymentMonth = query.paymentWindowMonth.daysSinceEpoch
                includeProspects = query.includeProspects
            }
        }
    }

    /// Calls `body` with the facts of each customer `query` selects, in bytewise order of
    /// customer ids, read on `connection` alone. In a transaction: the rows are read through
    /// cursors. For one customer, or a few; FactsScan reads everyone on two connections.
    static func read(_ query: Query, on connection: PGConnection, _ body: (CustomerFacts) throws -> Void) throws {
        let request = HistoryRows.Request([query])
        var rows = try HistoryRows(request, on: connection)
        for part in HistoryRows.Part.allCases { try rows.read(part, request, on: connection) }
        let bounds = Query.Bounds(query)
        for index in rows.customers.indices {
            if let facts = CustomerFacts(rows.history(index), bounds) { try body(facts) }
        }
    }

    /// The customer's facts as of the query's day, computed from its stored rows as the
    /// definitions in docs/segmentation.md say; nil for a customer without a purchase on or
    /// before the day when the query leaves those out.
    init?(_ history: CustomerHistory, _ bounds: Query.Bounds) {
        let asOf = bounds.asOf, recentFrom = bounds.recentFrom
        customerID = history.customer.id
        market = history.customer.market
        channel = history.customer.channel
        let followingThrough = bounds.followingThrough ?? asOf
        var boughtAfter = false
        for purchase in history.purchases {
            guard purchase.day <= asOf else {
                if purchase.day <= followingThrough { boughtAfter = true }
                continue
            }
            firstPurchaseDay = min(firstPurchaseDay ?? purchase.day, purchase.day)
            lastPurchaseDay = max(lastPurchaseDay ?? purchase.day, purchase.day)
            purchaseDays += 1
            completedOrders += Int(purchase.orders)
            revenue += purchase.revenue
            if purchase.day > recentFrom {
                recentPurchaseDays += 1
                recentOrders += Int(purchase.orders)
                recentRevenue += purchase.revenue
            }
        }
        guard bounds.includeProspects || purchaseDays > 0 else { return nil }
        if bounds.followingThrough != nil { boughtInFollowingDays = boughtAfter }

        let earliest = bounds.earliestMonth, recentMonth = bounds.recentMonth, previousMonth = bounds.previousMonth
        let paymentMonth = bounds.paymentMonth
        // Reasons count from six months before the last purchase's month, or from the previous
        // window's start when that is earlier.
        let lastMonth = lastPurchaseDay.map { CalendarDay(daysSinceEpoch: $0).monthStart.addingMonths(-6).daysSinceEpoch }
        let reasonsFrom = min(previousMonth, lastMonth ?? previousMonth)
        func count(_ bucket: HistoryRows.EventMonth) {
            guard bucket.month <= asOf else { return }
            let events = Int(bucket.events)
            if bucket.kind != .engagement, bucket.month >= reasonsFrom, let driver = bucket.driver {
                reasonCounts[driver, default: 0] += events
            }
            guard bucket.month >= earliest else { return }
            let recent = bucket.month > recentMonth, previous = !recent && bucket.month > previousMonth
            switch bucket.kind {
            case .engagement:
                if recent { recentEngagement += events } else if previous { previousEngagement += events }
                // Buckets hold only their latest event: one after the as-of day hides its month.
                if bucket.lastDay <= asOf { lastEngagementDay = max(lastEngagementDay ?? bucket.lastDay, bucket.lastDay) }
            case .issue:
                if recent { recentIssues += events } else if previous { previousIssues += events }
            case .paymentFailed:
                if bucket.month > paymentMonth { recentPaymentFailures += events }
            case .orderCancelled:
                if bucket.month > paymentMonth { recentCancellations += events }
            case .cartAbandoned:
                lastCartAbandonedDay = max(lastCartAbandonedDay ?? bucket.lastDay, bucket.lastDay)
            case .other:
                break
            }
        }
        for bucket in history.months { count(bucket) }
        for bucket in history.laterMonths { count(bucket) }
        clv = history.clv
        previous = history.previous
    }
}
