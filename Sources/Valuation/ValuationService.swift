import CLVProto
import CLVStubs
import Logging
import RPC
import Store

/// `clv.valuation.v1.Valuation`: what each customer is worth, from models fitted on the store's
/// orders. Fits are kept as runs; scoring applies a run to every customer; the value card and
/// the evaluation compute from the current data at the call.
public struct ValuationService: ValuationRPC.ServiceProtocol {
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

    public func fitModel(_ request: FitModelRequest, context: ServerCallContext) async throws -> ModelRun {
        try await runner.fit(request)
    }

    public func scoreCustomers(
        _ request: ScoreCustomersRequest, responses: ResponseStreamWriter<ScoreProgress>, context: ServerCallContext
    ) async throws {
        try await scorer.score(request, progress: responses)
    }

    public func getCustomerValue(_ request: GetCustomerValueRequest, context: ServerCallContext) async throws -> CustomerValue {
        try await values.value(request)
    }

    public func valueReport(_ request: ValueReportRequest, context: ServerCallContext) async throws -> ValueReportResponse {
        try await reporter.report(request)
    }

    public func evaluateModel(_ request: EvaluateModelRequest, context: ServerCallContext) async throws -> ModelEvaluation {
        try await evaluator.evaluate(request)
    }
}
