import CLVProto
import Logging
import RPC
import Store

/// `clv.valuation.v1.Valuation`: what each customer is worth, from models fitted on the store's
/// orders. Fits are kept as runs; scoring applies a run to every customer; the value card and
/// the evaluation compute from the current data at the call.
public struct ValuationService: Sendable {
    private let runner: ModelRunner
    private let scorer: CustomerScorer
    private let values: CustomerValueReader
    private let reporter: ValueReporter
    private let evaluator: ModelEvaluator

    public init(pool: PGPool, logger: Logger) {
        runner = ModelRunner(pool: pool, logger: logger)
        scorer = CustomerScorer(pool: pool)
        values = CustomerValueReader(pool: pool)
        reporter = ValueReporter(pool: pool)
        evaluator = ModelEvaluator(pool: pool)
    }

    public func register(into router: inout RPCRouter) {
        router.registerUnary(ValuationMethods.fitModel, scope: ValuationMethods.writeScope) { [runner] (request: FitModelRequest, _) in
            try await runner.fit(request)
        }
        router.registerServerStreaming(ValuationMethods.scoreCustomers, scope: ValuationMethods.writeScope) {
            [scorer] (request: ScoreCustomersRequest, progress: ResponseStreamWriter<ScoreProgress>, _) in
            try await scorer.score(request, progress: progress)
        }
        router.registerUnary(ValuationMethods.getCustomerValue, scope: ValuationMethods.readScope) {
            [values] (request: GetCustomerValueRequest, _) in
            try await values.value(request)
        }
        router.registerUnary(ValuationMethods.valueReport, scope: ValuationMethods.readScope) {
            [reporter] (request: ValueReportRequest, _) in
            try await reporter.report(request)
        }
        router.registerUnary(ValuationMethods.evaluateModel, scope: ValuationMethods.readScope) {
            [evaluator] (request: EvaluateModelRequest, _) in
            try await evaluator.evaluate(request)
        }
    }
}
