import CLVModels
import CLVProto
import Store

/// The valuation behind segmentation's figures: the current scoring, whose CLV is the value of
/// tiers and summaries, and its run, whose purchase model gives P(alive) and expected purchases
/// from any customer's history as of any day. Read from valuation's tables, never written.
struct ValuationSource: Sendable {
    let runID: Int64
    let model: PurchaseCountModel
    let unit: CLVModels.TimeUnit
    let scoringID: Int64
    let horizonDays: Double
    let annualDiscountRate: Double
    let marginRate: Double

    /// The current scoring and its run; nil before the first scoring.
    static func current(on connection: PGConnection) throws -> ValuationSource? {
        let rows = try connection.query(
            """
            SELECT r.run_id, r.purchase_model, r.time_unit, r.purchase_parameters[1] AS p1, r.purchase_parameters[2] AS p2,
                   r.purchase_parameters[3] AS p3, r.purchase_parameters[4] AS p4,
                   sc.scoring_id, sc.horizon, sc.annual_discount_rate, sc.margin_rate
            FROM valuation_current_scoring cs
            JOIN valuation_scorings sc USING (scoring_id)
            JOIN valuation_runs r ON r.run_id = sc.run_id
            """)
        guard let row = rows.first else { return nil }
        let values = try ["p1", "p2", "p3", "p4"].map { try row.double($0) }
        guard let model = PurchaseCountModel(name: try row.string("purchase_model"), values: values),
            let unit = CLVModels.TimeUnit(rawValue: try row.string("time_unit"))
        else { throw StoreError(.decoding, message: "valuation run \(try row.int("run_id")) is unreadable") }
        return ValuationSource(
            runID: try row.int("run_id"), model: model, unit: unit, scoringID: try row.int("scoring_id"),
            horizonDays: try row.double("horizon") * unit.days, annualDiscountRate: try row.double("annual_discount_rate"),
            marginRate: try row.double("margin_rate"))
    }

    /// The purchase history the model reads, as of `day`; nil without a purchase by then.
    func history(_ facts: CustomerFacts, asOf day: Int32) -> PurchaseHistory? {
        guard let first = facts.firstPurchaseDay, let last = facts.lastPurchaseDay, facts.purchaseDays > 0 else { return nil }
        return PurchaseHistory(
            frequency: facts.purchaseDays - 1, recency: unit.fromDays(Double(last - first)), age: unit.fromDays(Double(day - first)))
    }

    func probabilityAlive(_ facts: CustomerFacts, asOf day: Int32) -> Double? {
        history(facts, asOf: day).map { model.probabilityAlive($0) }
    }

    func expectedPurchases(_ facts: CustomerFacts, asOf day: Int32, days: Int) -> Double? {
        history(facts, asOf: day).map { model.expectedPurchases($0, horizon: unit.fromDays(Double(days))) }
    }

    func basis(baseCurrency: String) -> ValueBasis {
        let marginText = marginRate >= 1 ? "revenue basis" : "margin basis (margin rate \(Self.figure(marginRate)))"
        return ValueBasis(
            kind: "predicted_clv", scoringID: scoringID, horizonDays: horizonDays, annualDiscountRate: annualDiscountRate,
            marginRate: marginRate, baseCurrency: baseCurrency,
            description: "predicted CLV over \(Int(horizonDays.rounded())) days, discounted at \(Self.figure(annualDiscountRate)) a year, "
                + "\(marginText), \(baseCurrency) minor units (scoring \(scoringID))")
    }

    /// Before any scoring, value is revenue to date.
    static func historicalBasis(baseCurrency: String) -> ValueBasis {
        ValueBasis(
            kind: "historical_revenue", marginRate: 1, baseCurrency: baseCurrency,
            description: "revenue of completed orders to date (no valuation scoring yet), \(baseCurrency) minor units")
    }

    private static func figure(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return text.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
