import CLVProto

/// A segment refresh as `clv segments refresh` (and the summaries' headers) print it. Cut points
/// carry their units: recency in days since the last purchase, frequency in purchase days,
/// monetary in base-currency minor units.
struct RefreshReport: Encodable {
    struct CutPoints: Encodable {
        let recencyDays: [Double]
        let frequencyDays: [Double]
        let monetaryBaseMinor: [Double]
        /// "average_order" or "total": what monetary measures.
        let monetaryBasis: String
    }
    let refreshId: UInt64
    let previousRefreshId: UInt64
    let asOf: String
    let customers: UInt64
    let purchasers: UInt64
    let customersWithWarnings: UInt64
    let stageChanges: UInt64
    let cutPoints: CutPoints
    let highTierFromBaseMinor: Double
    let mediumTierFromBaseMinor: Double
    let valueBasis: ValueBasisReport
    /// The valuation run whose P(alive) the stages used; 0 for day thresholds.
    let valuationRunId: Int64
    let seconds: Double

    init(_ refresh: Refresh) {
        refreshId = refresh.refreshID
        previousRefreshId = refresh.previousRefreshID
        asOf = refresh.asOf
        customers = refresh.customers
        purchasers = refresh.purchasers
        customersWithWarnings = refresh.customersWithWarnings
        stageChanges = refresh.stageChanges
        let cuts = refresh.cutPoints ?? RFMCutPoints()
        let basis = refresh.settings?.rfm?.monetaryBasis ?? .unspecified
        cutPoints = CutPoints(
            recencyDays: cuts.recencyDays, frequencyDays: cuts.frequency, monetaryBaseMinor: cuts.monetary,
            monetaryBasis: basis == .total ? "total" : "average_order")
        highTierFromBaseMinor = refresh.highTierFrom
        mediumTierFromBaseMinor = refresh.mediumTierFrom
        valueBasis = ValueBasisReport(refresh.valueBasis)
        valuationRunId = refresh.valuationRunID
        seconds = refresh.seconds
    }

    /// "refresh 7 as of 2026-12-01".
    var title: String { "refresh \(refreshId) as of \(asOf.isEmpty ? "—" : asOf)" }

    var rows: [(String, String)] {
        let currency = valueBasis.baseCurrency.isEmpty ? "" : " \(valueBasis.baseCurrency)"
        let numbers = { (values: [Double]) in values.map { Format.number($0, significant: 6) }.joined(separator: ", ") }
        let spend = cutPoints.monetaryBasis == "total" ? "total spend" : "average order"
        return [
            ("refresh", "\(refreshId)" + (previousRefreshId == 0 ? " (the first)" : " (previous \(previousRefreshId))")),
            ("as of", asOf),
            ("customers", "\(customers): \(purchasers) with a purchase, \(customersWithWarnings) with warnings, \(stageChanges) changed stage"),
            ("recency cut points", "\(numbers(cutPoints.recencyDays)) days since the last purchase (R steps up below each)"),
            ("frequency cut points", "\(numbers(cutPoints.frequencyDays)) purchase days"),
            ("monetary cut points", cutPoints.monetaryBaseMinor.map(valueBasis.money).joined(separator: ", ") + "\(currency) (\(spend))"),
            ("value basis", valueBasis.text),
            ("high tier from", valueBasis.money(highTierFromBaseMinor) + currency),
            ("medium tier from", valueBasis.money(mediumTierFromBaseMinor) + currency),
            ("stages by", valuationRunId == 0 ? "days without a purchase (no valuation run)" : "P(alive) of valuation run \(valuationRunId)"),
            ("time", Format.seconds(seconds)),
        ]
    }
}
