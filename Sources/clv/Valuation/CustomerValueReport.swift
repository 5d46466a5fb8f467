import CLVProto

/// A value card as `clv value` prints it; money in minor units of the base currency.
struct CustomerValueReport: Encodable {
    let customerId: String
    let market: String
    let acquisitionChannel: String
    let acquisitionCostBaseMinor: Int64?
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
    let horizon: Double
    let probabilityAlive: Double
    let expectedPurchases: Double
    let expectedAverageOrderBaseMinor: Double
    let marginRate: Double
    let clvBaseMinor: Double
    let annualRetentionRate: Double
    let historicalClvBaseMinor: Double
    let retentionDiscountedClvBaseMinor: Double
    let netClvBaseMinor: Double
    let storedClvBaseMinor: Double?

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
        probabilityAlive = card.probabilityAlive
        expectedPurchases = card.expectedPurchases
        expectedAverageOrderBaseMinor = card.expectedAverageOrderBaseMinor
        marginRate = card.marginRate
        clvBaseMinor = card.clvBaseMinor
        annualRetentionRate = card.annualRetentionRate
        historicalClvBaseMinor = card.historicalCLVBaseMinor
        retentionDiscountedClvBaseMinor = card.retentionDiscountedCLVBaseMinor
        netClvBaseMinor = card.netCLVBaseMinor
        storedClvBaseMinor = card.hasStoredScore ? card.storedCLVBaseMinor : nil
    }

    var rows: [(String, String)] {
        let money = { (minor: Double) in Format.money(minor, currency: baseCurrency) }
        return [
            ("customer", customerId),
            ("market / channel", "\(market.isEmpty ? "—" : market) / \(acquisitionChannel.isEmpty ? "—" : acquisitionChannel)"),
            ("acquisition cost", acquisitionCostBaseMinor.map { money(Double($0)) } ?? "unknown"),
            ("orders", "\(completedOrders) completed, \(money(Double(revenueBaseMinor))), average \(money(averageOrderBaseMinor))"),
            ("purchases", firstPurchase.map { "first \($0), last \(lastPurchase ?? $0), \(repeatPurchaseDays) repeat days" } ?? "none"),
            ("model (run \(runId))", "x = \(repeatPurchaseDays), t_x = \(Format.number(recency, significant: 4)), T = \(Format.number(age, significant: 4)) \(timeUnit)s"),
            ("P(alive)", Format.percent(probabilityAlive)),
            ("expected purchases", "\(Format.number(expectedPurchases, significant: 4)) in \(Format.number(horizon, significant: 4)) \(timeUnit)s"),
            ("expected order value", money(expectedAverageOrderBaseMinor)),
            ("CLV (discounted margin)", "\(money(clvBaseMinor)) at \(Format.percent(marginRate)) margin"),
            ("classic: historical", money(historicalClvBaseMinor) + " (annual retention \(Format.percent(annualRetentionRate)))"),
            ("classic: retention-discounted", money(retentionDiscountedClvBaseMinor)),
            ("classic: net CLTV", money(netClvBaseMinor)),
            ("last stored score", storedClvBaseMinor.map(money) ?? "not scored"),
        ]
    }
}
