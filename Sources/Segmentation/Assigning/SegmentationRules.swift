import CLVModels
import CLVProto
import RPC

/// Every setting of a refresh, defaults filled in: stored with the refresh (as JSON) so that
/// GetCustomerSegments measures current statistics by the same rules.
struct SegmentationRules: Sendable, Hashable, Codable {
    enum MonetaryBasis: String, Sendable, Codable { case averageOrder = "average_order", total }

    var quantiles = RFMBinning.quintiles
    var monetaryBasis = MonetaryBasis.averageOrder
    var weights = RFMWeights.standard
    var lifecycle = CLVModels.LifecycleSettings.standard
    var useProbabilityAlive = true
    var tiers = ValueTierCuts()
    var warnings = CLVModels.WarningSettings()

    static let standard = SegmentationRules()

    /// The rules a request asks for: each figure given replaces the default, a figure of 0
    /// keeps it. INVALID_ARGUMENT names the first field out of range.
    init(_ settings: SegmentationSettings) throws(RPCError) {
        if let rfm = settings.rfm {
            if !rfm.quantiles.isEmpty {
                if let problem = RFMBinning.problem(quantiles: rfm.quantiles) {
                    throw .invalidArgument(field: "settings.rfm.quantiles", problem)
                }
                quantiles = rfm.quantiles
            }
            switch rfm.monetaryBasis {
            case .unspecified, .averageOrder: monetaryBasis = .averageOrder
            case .total: monetaryBasis = .total
            case .unrecognized(let number): throw .invalidArgument(field: "settings.rfm.monetary_basis", "unknown basis \(number)")
            }
            if rfm.hasWeights {
                weights = RFMWeights(recency: rfm.recencyWeight, frequency: rfm.frequencyWeight, monetary: rfm.monetaryWeight)
                if let problem = weights.problem { throw .invalidArgument(field: "settings.rfm.weights", problem) }
            }
        }
        if let stage = settings.lifecycle {
            try Self.take(stage.newWindowDays, into: &lifecycle.newWindowDays, field: "settings.lifecycle.new_window_days")
            try Self.take(stage.matureTenureDays, into: &lifecycle.matureTenureDays, field: "settings.lifecycle.mature_tenure_days")
            try Self.take(stage.dormantDays, into: &lifecycle.dormantDays, field: "settings.lifecycle.dormant_days")
            try Self.take(stage.churnedDays, into: &lifecycle.churnedDays, field: "settings.lifecycle.churned_days")
            try Self.take(stage.dormantBelowProbabilityAlive, into: &lifecycle.dormantBelowProbabilityAlive, field: "settings.lifecycle.dormant_below_probability_alive")
            try Self.take(stage.churnedBelowProbabilityAlive, into: &lifecycle.churnedBelowProbabilityAlive, field: "settings.lifecycle.churned_below_probability_alive")
            useProbabilityAlive = !stage.ignoreProbabilityAlive
            if let problem = lifecycle.problem { throw Self.violation(problem, section: "lifecycle") }
        }
        if let tier = settings.tiers {
            try Self.take(tier.highShare, into: &tiers.highShare, field: "settings.tiers.high_share")
            try Self.take(tier.mediumShare, into: &tiers.mediumShare, field: "settings.tiers.medium_share")
            if let problem = tiers.problem { throw Self.violation(problem, section: "tiers") }
        }
        if let warning = settings.warnings {
            try Self.take(warning.windowDays, into: &warnings.windowDays, field: "settings.warnings.window_days")
            try Self.take(warning.frequencyDrop, into: &warnings.frequencyDrop, field: "settings.warnings.frequency_drop")
            try Self.take(warning.orderValueDrop, into: &warnings.orderValueDrop, field: "settings.warnings.order_value_drop")
            try Self.take(warning.engagementRatio, into: &warnings.engagementRatio, field: "settings.warnings.engagement_ratio")
            try Self.take(warning.minimumBaselineEngagement, into: &warnings.minimumBaselineEngagement, field: "settings.warnings.minimum_baseline_engagement")
            try Self.take(warning.paymentWindowDays, into: &warnings.paymentWindowDays, field: "settings.warnings.payment_window_days")
            try Self.take(warning.abandonedCartDays, into: &warnings.abandonedCartDays, field: "settings.warnings.abandoned_cart_days")
            if let problem = warnings.problem { throw Self.violation(problem, section: "warnings") }
        }
    }

    private init() {}

    /// The rules' problem in the wire's words: their Swift names (`churnedDays`) become the
    /// fields' (`churned_days`), and the field named first is the one at fault.
    static func violation(_ problem: String, section: String) -> RPCError {
        let words = problem.replacing(/[a-z]+(?:[A-Z][a-z]*)+/) { match in
            match.output.replacing(/[A-Z]/) { "_" + $0.output.lowercased() }
        }
        let first = words.prefix { $0.isLetter || $0 == "_" }
        return .invalidArgument(field: "settings.\(section)" + (first.contains("_") ? ".\(first)" : ""), words)
    }

    /// Day counts and event counts beyond a century are typing mistakes, and beyond PostgreSQL's dates.
    private static func take(_ value: UInt32, into setting: inout Int, field: String) throws(RPCError) {
        guard value <= 36_500 else { throw .invalidArgument(field: field, "\(value) is beyond 36,500 (a century of days)") }
        if value != 0 { setting = Int(value) }
    }

    private static func take(_ value: Double, into setting: inout Double, field: String) throws(RPCError) {
        guard value.isFinite, value >= 0 else { throw .invalidArgument(field: field, "must be a finite number, 0 or more") }
        if value != 0 { setting = value }
    }

    /// The rules as the wire states them, every figure filled in.
    var proto: SegmentationSettings {
        SegmentationSettings(
            rfm: RFMSettings(
                quantiles: quantiles, monetaryBasis: monetaryBasis == .total ? .total : .averageOrder,
                recencyWeight: weights.recency, frequencyWeight: weights.frequency, monetaryWeight: weights.monetary, hasWeights: true),
            lifecycle: CLVProto.LifecycleSettings(
                newWindowDays: UInt32(lifecycle.newWindowDays), matureTenureDays: UInt32(lifecycle.matureTenureDays),
                dormantDays: UInt32(lifecycle.dormantDays), churnedDays: UInt32(lifecycle.churnedDays),
                dormantBelowProbabilityAlive: lifecycle.dormantBelowProbabilityAlive,
                churnedBelowProbabilityAlive: lifecycle.churnedBelowProbabilityAlive, ignoreProbabilityAlive: !useProbabilityAlive),
            tiers: ValueTierSettings(highShare: tiers.highShare, mediumShare: tiers.mediumShare),
            warnings: CLVProto.WarningSettings(
                windowDays: UInt32(warnings.windowDays), frequencyDrop: warnings.frequencyDrop, orderValueDrop: warnings.orderValueDrop,
                engagementRatio: warnings.engagementRatio, minimumBaselineEngagement: UInt32(warnings.minimumBaselineEngagement),
                paymentWindowDays: UInt32(warnings.paymentWindowDays), abandonedCartDays: UInt32(warnings.abandonedCartDays)))
    }
}
