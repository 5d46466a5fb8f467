import CLVModels
import CLVProto
import CLVService
import Ingestion
import RPC
import Store

/// ScoreCustomers: applies a run to every customer with a purchase and replaces the stored
/// scores with the new ones in one transaction.
struct CustomerScorer: Sendable {
    let pool: PGPool

    func score(_ request: ScoreCustomersRequest, progress: ResponseStreamWriter<ScoreProgress>) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double { (clock.now - start).inSeconds }

        guard request.runID >= 0 else { throw RPCError.invalidArgument(field: "run_id", "must not be negative") }
        let run = try await RunLookup.run(request.runID, pool: pool)
        let options = try ValueOptions(request.terms, run: run)
        let terms = options.terms
        try await progress.write(ScoreProgress(runID: run.runID, phase: "reading", seconds: seconds(), terms: terms))
        let today = CalendarDay.today.text
        let histories = try await pool.withConnection { connection in try CurrentHistory.readAll(asOf: today, on: connection) }
        try await progress.write(
            ScoreProgress(runID: run.runID, phase: "scoring", total: UInt64(histories.count), seconds: seconds(), terms: terms))

        let calculator = ValueCalculator(run: run, options: options)
        let valuations = try await Self.valuations(histories, calculator: calculator)
        try await progress.write(
            ScoreProgress(
                runID: run.runID, phase: "storing", scored: UInt64(valuations.count), total: UInt64(histories.count), seconds: seconds(),
                terms: terms))

        let scoringSeconds = seconds()
        let scoringID = try await pool.withTransaction { connection in
            let scoringID = try connection.query(
                """
                INSERT INTO valuation_scorings (run_id, horizon, annual_discount_rate, margin_rate, customers, seconds)
                VALUES ($1, $2, $3, $4, $5, $6) RETURNING scoring_id
                """,
                [
                    .int(run.runID), .double(options.horizon), .double(options.annualDiscountRate), .double(options.marginRate),
                    .int(Int64(histories.count)), .double(scoringSeconds),
                ])[0]
            let id = try scoringID.int("scoring_id")
            _ = try connection.copyIn(
                "COPY customer_scores (scoring_id, customer_id, probability_alive, expected_purchases, expected_average_order, clv) FROM STDIN",
                rows: zip(histories, valuations).lazy.map { history, value -> [PGValue] in
                    [
                        .int(id), .text(history.customerID), .double(value.probabilityAlive), .double(value.expectedPurchases),
                        .double(value.expectedAverageOrder), .double(value.clv),
                    ]
                })
            try connection.execute(
                """
                INSERT INTO valuation_current_scoring (singleton, scoring_id) VALUES (true, $1)
                ON CONFLICT (singleton) DO UPDATE SET scoring_id = excluded.scoring_id
                """, [.int(id)])
            return id
        }
        // The previous scores are no longer current: reclaim them after the switch is committed.
        _ = try await pool.execute("DELETE FROM customer_scores WHERE scoring_id <> $1", [.int(scoringID)])
        try await progress.write(
            ScoreProgress(
                scoringID: scoringID, runID: run.runID, phase: "done", scored: UInt64(valuations.count),
                total: UInt64(histories.count), seconds: seconds(), done: true, terms: terms))
    }

    /// Valuations of `histories`, in order. Customers sharing (x, t_x, T) share the count
    /// figures, computed once, in parallel over the cores.
    static func valuations(_ histories: [CurrentHistory], calculator: ValueCalculator) async throws -> [CustomerValuation] {
        try await ComputeOffLoop.run {
            let unit = calculator.run.timeUnit
            let distinct = Array(Set(histories.map { $0.purchaseHistory(in: unit) }))
            let parts = ComputeThreads.chunks(count: distinct.count) { range in
                distinct[range].map { ($0, calculator.countFigures($0)) }
            }
            var figures: [PurchaseHistory: ValueCalculator.CountFigures] = [:]
            figures.reserveCapacity(distinct.count)
            for part in parts {
                for (history, figure) in part { figures[history] = figure }
            }
            return histories.map { calculator.valuation($0, figures: figures[$0.purchaseHistory(in: unit)]!) }
        }
    }
}
