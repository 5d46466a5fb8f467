import CLVProto
import RPC
import Store

/// ValueReport: the current scores by market or acquisition channel, with CLV:CAC.
struct ValueReporter: Sendable {
    let pool: PGPool
    /// CLV:CAC below this is unhealthy: acquisition costs more than a third of what it brings.
    static let healthyRatio = 3.0

    func report(_ request: ValueReportRequest) async throws -> ValueReportResponse {
        guard request.top <= 1_000 else { throw RPCError.invalidArgument(field: "top", "must be at most 1000") }
        if case .unrecognized(let number) = request.by {
            throw RPCError.invalidArgument(field: "by", "\(number) is no grouping: 1 market or 2 channel")
        }
        let column = request.by == .channel ? "acquisition_channel" : "market"
        return try await pool.withConnection { connection in
            guard let current = try connection.query(
                """
                SELECT c.scoring_id, g.run_id, r.base_currency, \(ScoringTerms.columns) FROM valuation_current_scoring c
                JOIN valuation_scorings g USING (scoring_id) JOIN valuation_runs r USING (run_id)
                """
            ).first else {
                throw RPCError(code: .failedPrecondition, message: "no scores yet: call ScoreCustomers (clv score) first")
            }
            let scoringID = try current.int("scoring_id")
            // `column` is one of two fixed names, never input.
            let groups = try connection.query(
                """
                SELECT coalesce(c.\(column), '') AS key, count(*) AS customers, sum(s.clv) AS total, avg(s.clv) AS average,
                       count(c.acquisition_cost_base_minor) AS with_cac,
                       avg(c.acquisition_cost_base_minor)::float8 AS average_cac,
                       avg(s.clv) FILTER (WHERE c.acquisition_cost_base_minor IS NOT NULL) AS average_clv_with_cac
                FROM customer_scores s JOIN customers c USING (customer_id)
                WHERE s.scoring_id = $1
                GROUP BY 1 ORDER BY total DESC, key
                """, [.int(scoringID)]
            ).map { row in
                // Both sides of the ratio are the customers with a known CAC, and are reported.
                let withCAC = try row.isNull("average_cac") ? nil : (clv: try row.double("average_clv_with_cac"), cac: try row.double("average_cac"))
                let ratio = withCAC.flatMap { $0.cac > 0 ? $0.clv / $0.cac : nil }
                return ValueGroup(
                    key: try row.string("key"), customers: UInt64(try row.int("customers")), totalCLVBaseMinor: try row.double("total"),
                    averageCLVBaseMinor: try row.double("average"), customersWithCAC: UInt64(try row.int("with_cac")),
                    averageCLVWithCACBaseMinor: withCAC?.clv ?? 0, averageCACBaseMinor: withCAC?.cac ?? 0, clvToCAC: ratio ?? 0, hasCLVToCAC: ratio != nil,
                    belowHealthyRatio: ratio.map { $0 < Self.healthyRatio } ?? false)
            }
            let totals = try connection.query(
                """
                SELECT count(*) AS customers, coalesce(sum(clv), 0) AS total,
                       coalesce(sum(clv) FILTER (WHERE rank <= ceil(0.2 * n)), 0) AS top
                FROM (SELECT clv, row_number() OVER (ORDER BY clv DESC) AS rank, count(*) OVER () AS n
                      FROM customer_scores WHERE scoring_id = $1) ranked
                """, [.int(scoringID)])[0]
            let total = try totals.double("total")
            let top = try connection.query(
                """
                SELECT s.customer_id, coalesce(c.market, '') AS market, coalesce(c.acquisition_channel, '') AS channel,
                       s.clv, s.probability_alive, s.expected_purchases
                FROM customer_scores s JOIN customers c USING (customer_id)
                WHERE s.scoring_id = $1 ORDER BY s.clv DESC, s.customer_id LIMIT $2
                """, [.int(scoringID), .int(Int64(request.top))]
            ).map { row in
                TopCustomer(
                    customerID: try row.string("customer_id"), market: try row.string("market"), acquisitionChannel: try row.string("channel"),
                    clvBaseMinor: try row.double("clv"), probabilityAlive: try row.double("probability_alive"),
                    expectedPurchases: try row.double("expected_purchases"))
            }
            return ValueReportResponse(
                scoringID: scoringID, runID: try current.int("run_id"), by: request.by == .channel ? .channel : .market,
                baseCurrency: try current.string("base_currency"), groups: groups, customers: UInt64(try totals.int("customers")),
                totalCLVBaseMinor: total, top20PercentShare: total > 0 ? try totals.double("top") / total : 0, topCustomers: top,
                terms: try ScoringTerms.read(current))
        }
    }
}
