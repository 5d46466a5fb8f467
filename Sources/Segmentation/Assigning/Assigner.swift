import CLVModels

/// Applies a refresh's rules to customers' facts as of a day. A refresh first derives the cut
/// points and tier thresholds from every customer, then places each; the current path places
/// one customer against a stored refresh's cut points.
struct Assigner: Sendable {
    let rules: SegmentationRules
    let asOfDay: Int32
    /// The valuation giving P(alive) and value; nil before any scoring.
    let valuation: ValuationSource?

    /// The cut points of a refresh, in the binned orientation (higher is better): recency is
    /// minus the days since the last purchase.
    struct CutPoints: Sendable, Hashable, Codable {
        var recency: [Double]
        var frequency: [Double]
        var monetary: [Double]
    }

    /// Recency (minus days since the last purchase), frequency (distinct purchase days) and
    /// monetary value (average order or total, base minor units); nil without a purchase.
    func measures(_ facts: CustomerFacts) -> (recency: Double, frequency: Double, monetary: Double)? {
        guard let last = facts.lastPurchaseDay, facts.purchaseDays > 0 else { return nil }
        let monetary: Double =
            switch rules.monetaryBasis {
            case .averageOrder: facts.completedOrders > 0 ? Double(facts.revenue) / Double(facts.completedOrders) : 0
            case .total: Double(facts.revenue)
            }
        return (-Double(asOfDay - last), Double(facts.purchaseDays), monetary)
    }

    /// The value tiers rank: the scoring's CLV when there is a scoring (0 for a customer it did
    /// not score), revenue to date before any.
    func value(_ facts: CustomerFacts) -> Double {
        valuation == nil ? Double(facts.revenue) : facts.clv ?? 0
    }

    func cutPoints(_ facts: [CustomerFacts]) -> CutPoints {
        let measured = facts.compactMap(measures)
        // Recency and frequency are whole numbers of days: RFMScoring counts them as integers.
        let cuts = RFMScoring(
            recencyDays: measured.map { Int(-$0.recency) }, frequency: measured.map { Int($0.frequency) },
            monetary: measured.map(\.monetary), quantiles: rules.quantiles
        ).cutPoints
        return CutPoints(recency: cuts.recency, frequency: cuts.frequency, monetary: cuts.monetary)
    }

    /// Tier thresholds over the customers with a purchase: prospects are low by definition.
    func tierThresholds(_ facts: [CustomerFacts]) -> ValueTierThresholds {
        rules.tiers.thresholds(facts.lazy.filter { $0.purchaseDays > 0 }.map(value))
    }

    func assign(_ facts: CustomerFacts, cuts: CutPoints, tiers: ValueTierThresholds) -> CustomerAssignment {
        let scores = measures(facts).map { measured in
            RFMScores(
                recency: RFMBinning.score(measured.recency, cutPoints: cuts.recency),
                frequency: RFMBinning.score(measured.frequency, cutPoints: cuts.frequency),
                monetary: RFMBinning.score(measured.monetary, cutPoints: cuts.monetary))
        }
        let probabilityAlive = valuation?.probabilityAlive(facts, asOf: asOfDay)
        let stage = CLVModels.LifecycleStage(
            LifecycleFacts(
                asOfDay: asOfDay, firstPurchaseDay: facts.firstPurchaseDay, lastPurchaseDay: facts.lastPurchaseDay,
                purchaseDays: facts.purchaseDays, probabilityAlive: rules.useProbabilityAlive ? probabilityAlive : nil,
                previousStage: facts.previous?.stage),
            settings: rules.lifecycle)
        let warnings = ChurnWarning.evaluate(warningFacts(facts), settings: rules.warnings)
        let value = value(facts)
        return CustomerAssignment(
            customerID: facts.customerID, market: facts.market, channel: facts.channel, rfm: scores,
            composite: scores?.composite(rules.weights), segment: scores.map(RFMSegment.init), stage: stage,
            tier: facts.purchaseDays > 0 ? tiers.tier(value) : .low, value: value, probabilityAlive: probabilityAlive,
            warnings: warnings, driver: Self.driver(warnings: warnings, reasons: facts.reasonCounts, stage: stage))
    }

    /// The dominant driver of the evidence; a dormant or churned customer without any is
    /// disengaged: they drifted away without a complaint.
    static func driver(
        warnings: [ChurnWarning], reasons: [CLVModels.ChurnDriver: Int], stage: CLVModels.LifecycleStage
    ) -> CLVModels.ChurnDriver? {
        if let driver = CLVModels.ChurnDriver.dominant(warnings: warnings, reasonCounts: reasons) { return driver }
        return stage == .dormant || stage == .churned ? .disengagement : nil
    }

    func warningFacts(_ facts: CustomerFacts) -> WarningFacts {
        var warning = WarningFacts(asOfDay: asOfDay)
        warning.firstPurchaseDay = facts.firstPurchaseDay
        warning.lastPurchaseDay = facts.lastPurchaseDay
        warning.recentPurchaseDays = facts.recentPurchaseDays
        warning.baselinePurchaseDays = facts.purchaseDays - facts.recentPurchaseDays
        warning.recentOrders = facts.recentOrders
        warning.baselineOrders = facts.completedOrders - facts.recentOrders
        warning.recentRevenue = Double(facts.recentRevenue)
        warning.baselineRevenue = Double(facts.revenue - facts.recentRevenue)
        warning.recentEngagement = facts.recentEngagement
        warning.previousEngagement = facts.previousEngagement
        warning.recentIssues = facts.recentIssues
        warning.previousIssues = facts.previousIssues
        warning.recentPaymentFailures = facts.recentPaymentFailures
        warning.recentCancellations = facts.recentCancellations
        warning.lastCartAbandonedDay = facts.lastCartAbandonedDay
        return warning
    }
}
