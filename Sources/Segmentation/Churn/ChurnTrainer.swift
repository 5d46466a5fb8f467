import CLVModels
import CLVProto
import CLVService
import Foundation
import Ingestion
import Logging
import RPC
import Store

/// TrainChurnModel and ChurnModelReport. The label is "no purchase in the W days after a
/// cut-off". The model trains at t0 with labels from (t0, t0 + W] and is validated on a later
/// split, at t1 with labels from (t1, t1 + W], next to the two baselines; it then scores every
/// customer as of today, and the model, its report and the scores are stored as a new version.
struct ChurnTrainer: Sendable {
    let pool: PGPool
    let logger: Logger

    static let defaultWindowDays = 180

    /// The cut-offs and settings of a training, checked and defaulted.
    struct Plan: Sendable {
        var windowDays: Int
        var trainCutoff: Int32
        var validateCutoff: Int32
        var l2: Double
        var threshold: Double?
    }

    func train(_ request: TrainChurnModelRequest) async throws -> ChurnModel {
        let clock = ContinuousClock()
        let start = clock.now
        let today = CalendarDay.today.daysSinceEpoch
        let (plan, rules, valuation) = try await pool.withConnection { connection in
            let lastDay = try connection.query("SELECT max(day) - date '1970-01-01' AS last FROM customer_purchase_days")[0]
            guard !(try lastDay.isNull("last")) else {
                throw RPCError(code: .failedPrecondition, message: "no completed orders yet: a churn model learns from purchases")
            }
            let plan = try Self.plan(request, lastDataDay: Int32(try lastDay.int("last")))
            let rules = try RefreshRecord.current(on: connection)?.rules ?? .standard
            return (plan, rules, try ValuationSource.current(on: connection))
        }
        // The two splits and today from one read of the stored rows.
        let samples = try await ChurnSample.read(
            [.init(day: plan.trainCutoff, labelled: true), .init(day: plan.validateCutoff, labelled: true), .init(day: today, labelled: false)],
            windowDays: plan.windowDays, rules: rules, valuation: valuation, pool: pool)
        let (train, validate, current) = (samples[0], samples[1], samples[2])
        let trainChurn = train.churned.isEmpty ? 0 : Double(train.churned.lazy.filter { $0 }.count) / Double(train.churned.count)
        guard train.churned.contains(true), train.churned.contains(false) else {
            throw RPCError(
                code: .failedPrecondition,
                message: "at the training cut-off \(CalendarDay(daysSinceEpoch: plan.trainCutoff).text) \(train.churned.count) customers "
                    + "had bought and \(train.churned.filter { $0 }.count) of them bought nothing in the \(plan.windowDays) days after: "
                    + "a churn model needs both outcomes (a longer history, an earlier train_cutoff or a shorter window_days helps)")
        }
        guard validate.churned.contains(true), validate.churned.contains(false) else {
            throw RPCError(
                code: .failedPrecondition,
                message: "at the validation cut-off \(CalendarDay(daysSinceEpoch: plan.validateCutoff).text) \(validate.churned.count) "
                    + "customers had bought and \(validate.churned.filter { $0 }.count) of them bought nothing in the \(plan.windowDays) "
                    + "days after: validating needs both outcomes")
        }

        let fitStart = clock.now
        let options = ChurnFeatures.scorecardOptions(l2: plan.l2)
        let model = try await ComputeOffLoop.run {
            try ScorecardRegression.fit(train.features, labels: train.churned, options: options)
        }
        let trainSeconds = (clock.now - fitStart).inSeconds
        let threshold = plan.threshold ?? trainChurn
        let risks = try await ComputeOffLoop.run { model.probabilities(validate.features) }
        var metrics = [ClassifierMetrics(ClassifierEvaluation(scores: risks, labels: validate.churned, threshold: threshold), scorer: "churn_model")]
        if valuation != nil {
            metrics.append(
                ClassifierMetrics(
                    ClassifierEvaluation(scores: validate.oneMinusProbabilityAlive, labels: validate.churned, threshold: 1 - 0.5),
                    scorer: "one_minus_p_alive"))
        }
        metrics.append(
            ClassifierMetrics(
                ClassifierEvaluation(scores: validate.recencyDays, labels: validate.churned, threshold: Double(plan.windowDays)),
                scorer: "recency"))

        let scores = try await ComputeOffLoop.run { model.probabilities(current.features) }
        var report = ChurnModel(
            windowDays: UInt32(plan.windowDays), trainCutoff: CalendarDay(daysSinceEpoch: plan.trainCutoff).text,
            validateCutoff: CalendarDay(daysSinceEpoch: plan.validateCutoff).text, l2: plan.l2,
            trainCustomers: UInt64(train.churned.count), validateCustomers: UInt64(validate.churned.count), trainChurnRate: trainChurn,
            validateChurnRate: Double(validate.churned.lazy.filter { $0 }.count) / Double(validate.churned.count),
            coefficients: ChurnFeatures.coefficients(model),
            intercept: model.intercept, iterations: UInt32(model.iterations), converged: model.converged, metrics: metrics,
            valuationRunID: valuation?.runID ?? 0, scoredCustomers: UInt64(current.customerIDs.count),
            scoredAsOf: CalendarDay(daysSinceEpoch: today).text, trainSeconds: trainSeconds)
        report.seconds = (clock.now - start).inSeconds
        let finished = report
        let modelJSON = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
        let modelID = try await pool.withTransaction { connection in
            try ChurnModelStore.store(finished, model: modelJSON, plan: plan, customers: current.customerIDs, risks: scores, on: connection)
        }
        _ = try await pool.execute("DELETE FROM customer_churn_risks WHERE model_id <> $1", [.int(modelID)])
        // As after a refresh: fresh statistics, so member pages join the risks by their keys.
        _ = try await pool.execute("ANALYZE customer_churn_risks")
        logger.info("churn model trained", metadata: ["model_id": "\(modelID)", "seconds": "\(finished.seconds)"])
        var stored = finished
        stored.modelID = UInt64(modelID)
        return stored
    }

    func report(_ request: ChurnModelReportRequest) async throws -> ChurnModel {
        guard request.modelID <= UInt64(Int64.max) else { throw RPCError.invalidArgument(field: "model_id", "is out of range") }
        return try await pool.withConnection { connection in
            guard let model = try ChurnModelStore.read(Int64(request.modelID), on: connection) else {
                throw request.modelID == 0
                    ? RPCError(code: .notFound, message: "no churn model yet: call TrainChurnModel (clv churn train) first")
                    : RPCError(code: .notFound, message: "no churn model \(request.modelID)")
            }
            return model
        }
    }

    /// Defaults: t1 = the last purchase day − W (the latest cut-off whose labels are complete),
    /// t0 = t1 − W. Labels must lie in the data: t1 + W at most the last purchase day.
    static func plan(_ request: TrainChurnModelRequest, lastDataDay: Int32) throws(RPCError) -> Plan {
        let window = request.windowDays == 0 ? defaultWindowDays : Int(request.windowDays)
        guard (7...1_095).contains(window) else { throw .invalidArgument(field: "window_days", "must be 7 to 1,095 days (0 for 180)") }
        func day(_ text: String, field: String) throws(RPCError) -> Int32? {
            guard !text.isEmpty else { return nil }
            guard let day = CalendarDay(parsing: text) else { throw .invalidArgument(field: field, "must be a date YYYY-MM-DD") }
            return day.daysSinceEpoch
        }
        let validate = try day(request.validateCutoff, field: "validate_cutoff") ?? lastDataDay - Int32(window)
        let train = try day(request.trainCutoff, field: "train_cutoff") ?? validate - Int32(window)
        guard train < validate else { throw .invalidArgument(field: "train_cutoff", "must be before validate_cutoff") }
        guard validate + Int32(window) <= lastDataDay else {
            throw RPCError(
                code: .failedPrecondition,
                message: "validation labels need \(window) days after \(CalendarDay(daysSinceEpoch: validate).text) but the data ends "
                    + "\(CalendarDay(daysSinceEpoch: lastDataDay).text): choose an earlier validate_cutoff or a shorter window_days")
        }
        var l2 = 1.0
        if request.hasL2 {
            // Above 0: each feature's bins sum to the intercept, and only the penalty picks one optimum.
            guard request.l2.isFinite, request.l2 > 0, request.l2 <= 1e6 else {
                throw .invalidArgument(field: "l2", "must be above 0 and at most 10^6")
            }
            l2 = request.l2
        }
        var threshold: Double?
        if request.hasThreshold {
            guard request.threshold.isFinite, request.threshold > 0, request.threshold < 1 else {
                throw .invalidArgument(field: "threshold", "must be between 0 and 1")
            }
            threshold = request.threshold
        }
        return Plan(windowDays: window, trainCutoff: train, validateCutoff: validate, l2: l2, threshold: threshold)
    }
}

extension ClassifierMetrics {
    init(_ evaluation: ClassifierEvaluation, scorer: String) {
        self.init(
            scorer: scorer, auc: evaluation.auc, prAUC: evaluation.prAUC, threshold: evaluation.threshold,
            precision: evaluation.confusion.precision, recall: evaluation.confusion.recall,
            confusion: CLVProto.ConfusionMatrix(
                truePositives: UInt64(evaluation.confusion.truePositives), falsePositives: UInt64(evaluation.confusion.falsePositives),
                trueNegatives: UInt64(evaluation.confusion.trueNegatives), falseNegatives: UInt64(evaluation.confusion.falseNegatives)),
            deciles: evaluation.deciles.map {
                Decile(
                    decile: UInt32($0.decile), customers: UInt64($0.customers), meanPredicted: $0.meanPredicted,
                    observedRate: $0.observedRate, lift: $0.lift)
            })
    }
}
