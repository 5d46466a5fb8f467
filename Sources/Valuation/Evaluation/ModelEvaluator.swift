import CLVModels
import CLVProto
import CLVService
import Foundation
import Ingestion
import RPC
import Store

/// EvaluateModel: fits on a calibration period, predicts each customer's repeat purchase days
/// in the holdout period that follows, and compares with what they did.
struct ModelEvaluator: Sendable {
    let pool: PGPool

    func evaluate(_ request: EvaluateModelRequest) async throws -> ModelEvaluation {
        let today = CalendarDay.today
        guard !request.calibrationEnd.isEmpty else { throw RPCError.invalidArgument(field: "calibration_end", "is required") }
        guard !request.holdoutEnd.isEmpty else { throw RPCError.invalidArgument(field: "holdout_end", "is required") }
        let calibrationEnd = try FitOptions.day(request.calibrationEnd, field: "calibration_end", today: today)
        let holdoutEnd = try FitOptions.day(request.holdoutEnd, field: "holdout_end", today: today)
        guard holdoutEnd > calibrationEnd else {
            throw RPCError.invalidArgument(field: "holdout_end", "must be after calibration_end \(calibrationEnd.text)")
        }
        let options = FitOptions(
            purchaseModel: try FitOptions.purchaseModel(request.purchaseModel), spendModel: "none",
            calibrationEnd: calibrationEnd, timeUnit: try FitOptions.timeUnit(request.timeUnit))
        let unit = options.timeUnit
        // One aggregation of the calibration period serves the fit (summed over `actual`) and
        // the comparison.
        let (holdout, perPeriod) = try await pool.withConnection { connection in
            let holdout = try connection.query(
                """
                WITH calibration AS (
                    SELECT customer_id, \(PurchaseDayAggregates.counts)
                    FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id),
                holdout AS (
                    SELECT customer_id, count(*) AS actual FROM customer_purchase_days
                    WHERE day > $1::date AND day <= $2::date GROUP BY customer_id)
                SELECT x, recency_days, age_days, coalesce(actual, 0) AS actual, count(*) AS customers
                FROM calibration LEFT JOIN holdout USING (customer_id) GROUP BY 1, 2, 3, 4
                """, [.text(calibrationEnd.text), .text(holdoutEnd.text)]
            ).map { row in
                (history: PurchaseHistory(
                    frequency: Int(try row.int(at: 0)), recency: unit.fromDays(Double(try row.int(at: 1))),
                    age: unit.fromDays(Double(try row.int(at: 2)))),
                 actual: Double(try row.int(at: 3)), customers: Int(try row.int(at: 4)))
            }
            // Holdout purchase days of calibration customers, by period of the time unit.
            let perPeriod = try connection.query(
                """
                SELECT floor((day - $1::date - 1) / $3::float8)::int AS period, count(*) AS purchases
                FROM customer_purchase_days d
                WHERE day > $1::date AND day <= $2::date
                  AND EXISTS (SELECT 1 FROM customer_purchase_days f WHERE f.customer_id = d.customer_id AND f.day <= $1::date)
                GROUP BY 1 ORDER BY 1
                """, [.text(calibrationEnd.text), .text(holdoutEnd.text), .double(unit.days)]
            ).map { row in (period: Int(try row.int("period")), purchases: Double(try row.int("purchases"))) }
            return (holdout, perPeriod)
        }
        let length = unit.fromDays(Double(holdoutEnd.daysSinceEpoch - calibrationEnd.daysSinceEpoch))
        let (fit, evaluation) = try await ComputeOffLoop.run {
            var customers: [PurchaseHistory: Double] = [:]
            for group in holdout { customers[group.history, default: 0] += Double(group.customers) }
            let histories = GroupedHistories(counts: customers)
            let (model, fit) = try ModelFitting.fitPurchases(options, histories: histories)
            return (fit, Self.compare(model: model, histories: histories, holdout: holdout, perPeriod: perPeriod, length: length))
        }
        return ModelEvaluation(
            fit: ModelFit(NamedFit(model: options.purchaseModel, summary: fit), baseCurrency: ""), timeUnit: FitOptions.protoTimeUnit(unit),
            calibrationEnd: calibrationEnd.text,
            holdoutEnd: holdoutEnd.text, holdoutLength: length, customers: UInt64(evaluation.customers),
            meanAbsoluteError: evaluation.meanAbsoluteError, rootMeanSquaredError: evaluation.rootMeanSquaredError,
            totalPredicted: evaluation.totalPredicted, totalActual: evaluation.totalActual,
            rows: evaluation.byCalibrationFrequency.map {
                FrequencyRow(
                    calibrationFrequency: UInt32($0.calibrationFrequency), andAbove: $0.andAbove, customers: UInt64($0.customers),
                    meanPredicted: $0.meanPredicted, meanActual: $0.meanActual)
            },
            aggregateMAPE: evaluation.aggregateMAPE ?? 0)
    }

    static func compare(
        model: PurchaseCountModel, histories: GroupedHistories, holdout: [(history: PurchaseHistory, actual: Double, customers: Int)],
        perPeriod: [(period: Int, purchases: Double)], length: Double
    ) -> HoldoutEvaluation {
        var predicted: [Double] = []
        var actual: [Double] = []
        var frequencies: [Int] = []
        var cache: [PurchaseHistory: Double] = [:]
        for group in holdout {
            let expected = cache[group.history] ?? model.expectedPurchases(group.history, horizon: length)
            cache[group.history] = expected
            predicted.append(contentsOf: repeatElement(expected, count: group.customers))
            actual.append(contentsOf: repeatElement(group.actual, count: group.customers))
            frequencies.append(contentsOf: repeatElement(group.history.frequency, count: group.customers))
        }
        // The tracking curve: cumulative purchases at the end of each period.
        let periods = Int(length.rounded(.up))
        var cumulativeActual = Array(repeating: 0.0, count: periods)
        for entry in perPeriod where entry.period >= 0 && entry.period < periods { cumulativeActual[entry.period] += entry.purchases }
        for index in cumulativeActual.indices.dropFirst() { cumulativeActual[index] += cumulativeActual[index - 1] }
        let cumulativePredicted = (0..<periods).map { period in
            let time = min(Double(period + 1), length)
            return zip(histories.histories, histories.weights).reduce(0.0) { $0 + $1.1 * model.expectedPurchases($1.0, horizon: time) }
        }
        return HoldoutEvaluation(
            predicted: predicted, actual: actual, calibrationFrequency: frequencies,
            cumulativePredicted: cumulativePredicted, cumulativeActual: cumulativeActual)
    }
}
