extension ChurnWarning {
    /// The warnings that fire, in WarningCode order (docs/segmentation.md lists each rule with
    /// its evidence):
    /// - frequency_drop: purchase-day rate per day in the recent window vs the baseline rate
    ///   (baseline span = window start - first purchase day, at least windowDays long, and at least
    ///   2 baseline purchase days); fires when recent < (1 - frequencyDrop) * baseline.
    ///   baseline/current are purchase days per 30 days.
    /// - order_value_drop: recent average order value vs baseline average (both need >= 1 order);
    ///   fires when recent < (1 - orderValueDrop) * baseline. Units: base-currency minor units.
    /// - engagement_drop: recent < engagementRatio * previous, previous >= minimumBaselineEngagement.
    /// - issues_rising: recent > previous and recent >= 1.
    /// - payment_trouble: recentPaymentFailures + recentCancellations >= 1.
    /// - abandoned_cart: lastCartAbandonedDay within abandonedCartDays of asOf and after the last
    ///   purchase day (or no purchase).
    ///
    /// Severity: for the three drops, by the shortfall s = 1 − current / baseline against the
    /// rule's threshold t (frequencyDrop, orderValueDrop, 1 − engagementRatio): high when
    /// s ≥ min(2t, 1), medium when s ≥ min(1.5t, 1), else low. For issues and payment trouble,
    /// by the count: 3+ high, 2 medium, 1 low. An abandoned cart is always low.
    ///
    /// Each warning's `detail` is written from its numbers when read, not here.
    public static func evaluate(_ facts: WarningFacts, settings: WarningSettings) -> [ChurnWarning] {
        var warnings: [ChurnWarning] = []
        // One allocation, and only for customers with a warning: most have none.
        func add(_ warning: ChurnWarning) {
            if warnings.isEmpty { warnings.reserveCapacity(6) }  // every code at most once
            warnings.append(warning)
        }
        let window = settings.windowDays

        if let first = facts.firstPurchaseDay, facts.baselinePurchaseDays >= 2 {
            let span = Int(facts.asOfDay) - window - Int(first)
            // Cross-multiplied so that a rate exactly at the threshold does not fire by rounding.
            if span >= window,
               Double(facts.recentPurchaseDays) * Double(span)
                < (1 - settings.frequencyDrop) * Double(facts.baselinePurchaseDays) * Double(window) {
                let baseline = 30 * Double(facts.baselinePurchaseDays) / Double(span)
                let current = 30 * Double(facts.recentPurchaseDays) / Double(window)
                add(ChurnWarning(
                    code: .frequencyDrop, severity: dropSeverity(baseline, current, threshold: settings.frequencyDrop),
                    baseline: baseline, current: current, windowDays: window))
            }
        }

        if facts.recentOrders >= 1, facts.baselineOrders >= 1,
           facts.recentRevenue * Double(facts.baselineOrders)
            < (1 - settings.orderValueDrop) * facts.baselineRevenue * Double(facts.recentOrders) {
            let baseline = facts.baselineRevenue / Double(facts.baselineOrders)
            let current = facts.recentRevenue / Double(facts.recentOrders)
            add(ChurnWarning(
                code: .orderValueDrop, severity: dropSeverity(baseline, current, threshold: settings.orderValueDrop),
                baseline: baseline, current: current, windowDays: window))
        }

        if facts.previousEngagement >= settings.minimumBaselineEngagement,
           Double(facts.recentEngagement) < settings.engagementRatio * Double(facts.previousEngagement) {
            let baseline = Double(facts.previousEngagement), current = Double(facts.recentEngagement)
            add(ChurnWarning(
                code: .engagementDrop, severity: dropSeverity(baseline, current, threshold: 1 - settings.engagementRatio),
                baseline: baseline, current: current, windowDays: window))
        }

        if facts.recentIssues >= 1, facts.recentIssues > facts.previousIssues {
            add(ChurnWarning(
                code: .issuesRising, severity: countSeverity(facts.recentIssues),
                baseline: Double(facts.previousIssues), current: Double(facts.recentIssues), windowDays: window))
        }

        let paymentTrouble = facts.recentPaymentFailures + facts.recentCancellations
        if paymentTrouble >= 1 {
            add(ChurnWarning(
                code: .paymentTrouble, severity: countSeverity(paymentTrouble),
                baseline: 0, current: Double(paymentTrouble), windowDays: settings.paymentWindowDays))
        }

        if let abandoned = facts.lastCartAbandonedDay {
            let ago = Int(facts.asOfDay) - Int(abandoned)
            let noOrderSince = facts.lastPurchaseDay.map { abandoned > $0 } ?? true
            if ago >= 0, ago < settings.abandonedCartDays, noOrderSince {
                add(ChurnWarning(
                    code: .abandonedCart, severity: .low, baseline: 0, current: Double(ago),
                    windowDays: settings.abandonedCartDays))
            }
        }
        return warnings
    }

    private static func dropSeverity(_ baseline: Double, _ current: Double, threshold: Double) -> WarningSeverity {
        let shortfall = baseline > 0 ? 1 - current / baseline : 0
        if shortfall >= min(2 * threshold, 1) { return .high }
        return shortfall >= min(1.5 * threshold, 1) ? .medium : .low
    }

    private static func countSeverity(_ count: Int) -> WarningSeverity {
        count >= 3 ? .high : count == 2 ? .medium : .low
    }
}
