import CLVModels
import CLVProto
import Foundation
import Ingestion
import RPC
import Store

/// GetCustomerValue: one customer's value card, computed from their history as it is now.
struct CustomerValueReader: Sendable {
    let pool: PGPool

    func value(_ request: GetCustomerValueRequest) async throws -> CustomerValue {
        let customerID = request.customerID
        guard !customerID.isEmpty, customerID.utf8.count <= 200 else {
            throw RPCError.invalidArgument(field: "customer_id", "must be 1 to 200 characters")
        }
        guard request.runID >= 0 else { throw RPCError.invalidArgument(field: "run_id", "must not be negative") }
        let run = try await RunLookup.run(request.runID, pool: pool)
        let options = try ValueOptions(request.terms, run: run)
        let today = CalendarDay.today
        let (profile, history, stored) = try await pool.withConnection { connection in
            let profile = try connection.query(
                """
                SELECT coalesce(market, '') AS market, coalesce(acquisition_channel, '') AS channel, acquisition_cost_base_minor
                FROM customers WHERE customer_id = $1
                """, [.text(customerID)]
            ).first.map { row in
                (market: try row.string("market"), channel: try row.string("channel"),
                 cost: try row.isNull("acquisition_cost_base_minor") ? nil : try row.int("acquisition_cost_base_minor"))
            }
            let history = try CurrentHistory.read(asOf: today.text, customerID: customerID, on: connection)
            let stored = try connection.query(
                """
                SELECT s.scoring_id, s.clv, \(ScoringTerms.columns) FROM customer_scores s
                JOIN valuation_current_scoring c ON c.scoring_id = s.scoring_id
                JOIN valuation_scorings g ON g.scoring_id = s.scoring_id JOIN valuation_runs r ON r.run_id = g.run_id
                WHERE s.customer_id = $1
                """, [.text(customerID)]
            ).first.map { row in (scoringID: try row.int("scoring_id"), clv: try row.double("clv"), terms: try ScoringTerms.read(row)) }
            return (profile, history, stored)
        }
        guard let profile else { throw RPCError(code: .notFound, message: "no customer \(customerID)") }

        var card = CustomerValue(
            customerID: customerID, market: profile.market, acquisitionChannel: profile.channel,
            acquisitionCostBaseMinor: profile.cost ?? 0, hasAcquisitionCost: profile.cost != nil, baseCurrency: run.baseCurrency,
            runID: run.runID, timeUnit: FitOptions.protoTimeUnit(run.timeUnit), horizon: options.horizon,
            marginRate: options.marginRate, annualRetentionRate: run.annualRetentionRate,
            retentionDiscountedYears: UInt32(options.horizonYears), terms: options.terms)
        if let stored {
            card.hasStoredScore = true
            card.storedScoringID = stored.scoringID
            card.storedCLVBaseMinor = stored.clv
            card.storedTerms = stored.terms
        }
        guard let history else { return card }  // no completed order: nothing to value
        let valuation = ValueCalculator(run: run, options: options).valuation(history)
        let purchaseHistory = history.purchaseHistory(in: run.timeUnit)
        card.completedOrders = UInt64(history.completedOrders)
        card.revenueBaseMinor = history.revenue
        card.averageOrderBaseMinor = Double(history.revenue) / Double(max(history.completedOrders, 1))
        card.firstPurchase = CalendarDay(daysSinceEpoch: today.daysSinceEpoch - Int32(history.ageDays)).text
        card.lastPurchase = CalendarDay(daysSinceEpoch: today.daysSinceEpoch - Int32(history.ageDays - history.recencyDays)).text
        card.repeatPurchaseDays = UInt32(history.frequency)
        card.recency = purchaseHistory.recency
        card.age = purchaseHistory.age
        card.probabilityAlive = valuation.probabilityAlive
        card.expectedPurchases = valuation.expectedPurchases
        card.expectedAverageOrderBaseMinor = valuation.expectedAverageOrder
        card.clvBaseMinor = valuation.clv
        let classic = ClassicFigures(history: history, run: run, options: options, acquisitionCost: profile.cost.map(Double.init))
        card.lifespanYears = classic.lifespanYears
        card.historicalCLVBaseMinor = classic.historical
        card.retentionDiscountedCLVBaseMinor = classic.retentionDiscounted
        card.netCLVBaseMinor = classic.net ?? 0
        card.hasNetCLV = classic.net != nil
        return card
    }
}
