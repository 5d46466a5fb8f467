import CLVProto
import Valuation

/// A value card as `clv value` prints it; money in minor units of the base currency. Each figure
/// says whether it is revenue or margin and over what span.
struct CustomerValueReport: Encodable {
    let customerId: String
    let market: String
    let acquisitionChannel: String
    @NullWhenUnknown var acquisitionCostBaseMinor: Int64?
    let baseCurrency: String
    let completedOrders: UInt64
    let revenueBaseMinor: Int64
    let averageOrderBaseMinor: Double
    let firstPurchase: String?
    let lastPurchase: String?
    let repeatPurchaseDays: UInt32
    let recency: Double
    let age: Double
    let runId: Int64
    let timeUnit: String
    /// In `timeUnit`; `terms.horizonDays` in days.
    let horizon: Double
    /// The model figures' horizon, discount and margin.
    let terms: TermsReport
    let probabilityAlive: Double
    /// Why P(alive) is 1, when BG/NBD makes it so.
    @NullWhenUnknown var probabilityAliveNote: String?
    let expectedPurchases: Double
    let expectedAverageOrderBaseMinor: Double
    let marginRate: Double
    /// Margin (revenue when `terms.basis` says so), discounted, over the horizon.
    let clvBaseMinor: Double
    let annualRetentionRate: Double
    let lifespanYears: Double
    /// Revenue over the lifespan, undiscounted.
    let historicalClvBaseMinor: Double
    /// Margin over `retentionDiscountedYears`, discounted.
    let retentionDiscountedClvBaseMinor: Double
    let retentionDiscountedYears: UInt32
    /// Revenue over the lifespan less the acquisition cost; null when that cost is unknown.
    @NullWhenUnknown var netClvBaseMinor: Double?
    @NullWhenUnknown var storedClvBaseMinor: Double?
    @NullWhenUnknown var storedScoringId: Int64?
    @NullWhenUnknown var storedTerms: TermsReport?

    static let oneTimeBuyerNote =
        "BG/NBD gives every one-time buyer 100 % by construction (it lets a customer drop out only just after a repeat purchase), however long they have been silent"

    init(_ card: CustomerValue) {
        customerId = card.customerID
        market = card.market
        acquisitionChannel = card.acquisitionChannel
        acquisitionCostBaseMinor = card.hasAcquisitionCost ? card.acquisitionCostBaseMinor : nil
        baseCurrency = card.baseCurrency
        completedOrders = card.completedOrders
        revenueBaseMinor = card.revenueBaseMinor
        averageOrderBaseMinor = card.averageOrderBaseMinor
        firstPurchase = card.firstPurchase.isEmpty ? nil : card.firstPurchase
        lastPurchase = card.lastPurchase.isEmpty ? nil : card.lastPurchase
        repeatPurchaseDays = card.repeatPurchaseDays
        recency = card.recency
        age = card.age
        runId = card.runID
        timeUnit = card.timeUnit.name
        horizon = card.horizon
        terms = TermsReport(card.terms)
        probabilityAlive = card.probabilityAlive
        // Pareto/NBD gives a one-time buyer less than 1; only BG/NBD gives exactly 1 to x = 0.
        probabilityAliveNote = card.completedOrders > 0 && card.repeatPurchaseDays == 0 && card.probabilityAlive == 1 ? Self.oneTimeBuyerNote : nil
        expectedPurchases = card.expectedPurchases
        expectedAverageOrderBaseMinor = card.expectedAverageOrderBaseMinor
        marginRate = card.marginRate
        clvBaseMinor = card.clvBaseMinor
        annualRetentionRate = card.annualRetentionRate
        lifespanYears = card.lifespanYears
        historicalClvBaseMinor = card.historicalCLVBaseMinor
        retentionDiscountedClvBaseMinor = card.retentionDiscountedCLVBaseMinor
        retentionDiscountedYears = card.retentionDiscountedYears
        netClvBaseMinor = card.hasNetCLV ? card.netCLVBaseMinor : nil
        storedClvBaseMinor = card.hasStoredScore ? card.storedCLVBaseMinor : nil
        storedScoringId = card.hasStoredScore ? card.storedScoringID : nil
        storedTerms = card.hasStoredScore ? card.storedTerms.map(TermsReport.init) : nil
    }

    var rows: [(String, String)] {
        let money = { (minor: Double) in Format.money(minor, currency: baseCurrency) }
        let basis = terms.basis ?? "margin"
        let horizonText = terms.horizon ?? "\(Format.number(horizon, significant: 4)) \(Format.plural(timeUnit))"
        let lifespan = "a \(Format.number(lifespanYears, significant: 3))-year lifespan"
        let years = Format.count(Int(retentionDiscountedYears), "year")
        return [
            ("customer", customerId),
            ("market / channel", "\(market.isEmpty ? "—" : market) / \(acquisitionChannel.isEmpty ? "—" : acquisitionChannel)"),
            ("acquisition cost", acquisitionCostBaseMinor.map { money(Double($0)) } ?? "unknown"),
            ("orders", "\(Format.count(Int(completedOrders), "completed order")), revenue \(money(Double(revenueBaseMinor))), average \(money(averageOrderBaseMinor))"),
            ("purchases", firstPurchase.map { "first \($0), last \(lastPurchase ?? $0), \(Format.count(Int(repeatPurchaseDays), "repeat day"))" } ?? "none"),
            ("model (run \(runId))", "x = \(repeatPurchaseDays), t_x = \(Format.number(recency, significant: 4)), T = \(Format.number(age, significant: 4)) \(Format.plural(timeUnit))"),
            ("terms", terms.text),
            ("P(alive)", Format.percent(probabilityAlive) + (probabilityAliveNote.map { " — \($0)" } ?? "")),
            ("expected purchases", "\(Format.number(expectedPurchases, significant: 4)) in \(horizonText)"),
            ("expected order value", money(expectedAverageOrderBaseMinor) + " (revenue)"),
            ("CLV (\(basis), \(horizonText))", "\(money(clvBaseMinor)): expected \(basis) over \(horizonText), \(terms.annualDiscountRate == 0 ? "undiscounted" : "discounted")"),
            ("classic: historical (revenue)", "\(money(historicalClvBaseMinor)): revenue over \(lifespan), undiscounted (annual retention \(Format.percent(annualRetentionRate)))"),
            ("classic: retention-discounted (\(basis))", "\(money(retentionDiscountedClvBaseMinor)): \(basis) over \(years), discounted"),
            ("classic: net CLTV (revenue)", netClvBaseMinor.map { "\(money($0)): revenue over \(lifespan) less acquisition cost" } ?? "unknown: acquisition cost unknown"),
            ("last stored score", storedClvBaseMinor.map { score in
                "\(money(score)) (scoring \(storedScoringId ?? 0)\(storedTerms.map { ": \($0.text)" } ?? ""))"
            } ?? "not scored"),
        ]
    }
}
