import ArgumentParser
import CLVProto
import Foundation

/// Every setting of `SegmentationSettings` as a flag of `clv segments refresh`. None given: no
/// settings are sent, and the server keeps the previous refresh's. Any given: a whole settings
/// message is sent, and the settings left out take their defaults.
struct SegmentationSettingsArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp("Four increasing quantiles in (0, 1) where R, F and M step up (default: 0.2,0.4,0.6,0.8).", valueName: "q,q,q,q"),
        transform: { try Self.numbers($0, count: 4, name: "--quantiles") })
    var quantiles: [Double]?

    @Option(help: ArgumentHelp("What M measures: average-order or total spend (default: average-order).", valueName: "basis"))
    var monetary: MonetaryName?

    @Option(
        help: ArgumentHelp("The composite's weights, normalised by their sum (default: 0.25,0.30,0.45).", valueName: "R,F,M"),
        transform: { try Self.numbers($0, count: 3, name: "--weights") })
    var weights: [Double]?

    @Option(help: ArgumentHelp("Days a first purchase counts as new (default: 90).", valueName: "days"))
    var newWindowDays: UInt32?

    @Option(help: ArgumentHelp("Tenure in days from which a repeat buyer is mature (default: 365).", valueName: "days"))
    var matureTenureDays: UInt32?

    @Option(help: ArgumentHelp("Days without a purchase from which a customer is dormant, without a model (default: 180).", valueName: "days"))
    var dormantDays: UInt32?

    @Option(help: ArgumentHelp("Days without a purchase from which a customer is churned, without a model (default: 365).", valueName: "days"))
    var churnedDays: UInt32?

    @Option(name: .customLong("dormant-below-p-alive"), help: ArgumentHelp("Dormant below this P(alive) (default: 0.5).", valueName: "p"))
    var dormantBelowProbabilityAlive: Double?

    @Option(name: .customLong("churned-below-p-alive"), help: ArgumentHelp("Churned below this P(alive) (default: 0.2).", valueName: "p"))
    var churnedBelowProbabilityAlive: Double?

    @Flag(name: .customLong("ignore-p-alive"), help: "Use the day thresholds even when a fitted model gives a P(alive).")
    var ignoreProbabilityAlive = false

    @Option(help: ArgumentHelp("Share of customers in the high value tier (default: 0.2).", valueName: "share"))
    var highShare: Double?

    @Option(help: ArgumentHelp("Share of customers in the medium value tier (default: 0.3).", valueName: "share"))
    var mediumShare: Double?

    @Option(help: ArgumentHelp("Days of the recent window the warnings compare with the baseline (default: 182).", valueName: "days"))
    var warningWindowDays: UInt32?

    @Option(help: ArgumentHelp("Frequency warning below (1 - this) times the baseline rate (default: 0.2).", valueName: "share"))
    var frequencyDrop: Double?

    @Option(help: ArgumentHelp("Order-value warning below (1 - this) times the baseline average (default: 0.3).", valueName: "share"))
    var orderValueDrop: Double?

    @Option(help: ArgumentHelp("Engagement warning below this share of the window before (default: 0.5).", valueName: "share"))
    var engagementRatio: Double?

    @Option(help: ArgumentHelp("Engagement events the window before must hold (default: 2).", valueName: "events"))
    var minimumBaselineEngagement: UInt32?

    @Option(help: ArgumentHelp("Days failed payments and cancellations count (default: 90).", valueName: "days"))
    var paymentWindowDays: UInt32?

    @Option(help: ArgumentHelp("Days an abandoned cart counts (default: 30).", valueName: "days"))
    var abandonedCartDays: UInt32?

    /// The settings to send: nil when no flag was given. A figure left out is 0 on the wire,
    /// which the server reads as its default.
    var settings: SegmentationSettings? {
        guard given else { return nil }
        let rfm = RFMSettings(
            quantiles: quantiles ?? [], monetaryBasis: monetary?.proto ?? .unspecified,
            recencyWeight: weights?[0] ?? 0, frequencyWeight: weights?[1] ?? 0, monetaryWeight: weights?[2] ?? 0,
            hasWeights: weights != nil)
        let lifecycle = LifecycleSettings(
            newWindowDays: newWindowDays ?? 0, matureTenureDays: matureTenureDays ?? 0, dormantDays: dormantDays ?? 0,
            churnedDays: churnedDays ?? 0, dormantBelowProbabilityAlive: dormantBelowProbabilityAlive ?? 0,
            churnedBelowProbabilityAlive: churnedBelowProbabilityAlive ?? 0, ignoreProbabilityAlive: ignoreProbabilityAlive)
        let tiers = ValueTierSettings(highShare: highShare ?? 0, mediumShare: mediumShare ?? 0)
        let warnings = WarningSettings(
            windowDays: warningWindowDays ?? 0, frequencyDrop: frequencyDrop ?? 0, orderValueDrop: orderValueDrop ?? 0,
            engagementRatio: engagementRatio ?? 0, minimumBaselineEngagement: minimumBaselineEngagement ?? 0,
            paymentWindowDays: paymentWindowDays ?? 0, abandonedCartDays: abandonedCartDays ?? 0)
        return SegmentationSettings(rfm: rfm, lifecycle: lifecycle, tiers: tiers, warnings: warnings)
    }

    /// Whether any flag was given (a flag given as 0 too: it asks for the default, not the previous value).
    var given: Bool {
        let options: [Any?] = [
            quantiles, monetary, weights, newWindowDays, matureTenureDays, dormantDays, churnedDays, dormantBelowProbabilityAlive,
            churnedBelowProbabilityAlive, highShare, mediumShare, warningWindowDays, frequencyDrop, orderValueDrop, engagementRatio,
            minimumBaselineEngagement, paymentWindowDays, abandonedCartDays,
        ]
        return ignoreProbabilityAlive || options.contains { $0 != nil }
    }

    /// "0.2,0.4,0.6,0.8" → exactly `count` finite numbers.
    static func numbers(_ text: String, count: Int, name: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard values.count == parts.count, values.count == count, values.allSatisfy(\.isFinite) else {
            throw ValidationError("\(name) takes \(count) comma-separated numbers, got '\(text)'")
        }
        return values
    }
}

/// `--monetary`.
enum MonetaryName: String, CaseIterable, ExpressibleByArgument {
    case averageOrder = "average-order"
    case total

    init?(argument: String) {
        switch SegmentationNames.normalized(argument) {
        case "average_order", "average": self = .averageOrder
        case "total": self = .total
        default: return nil
        }
    }

    var proto: MonetaryBasis { self == .total ? .total : .averageOrder }
}
