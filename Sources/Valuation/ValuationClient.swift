import CLVProto
import RPC

/// Typed stub for `clv.valuation.v1.Valuation`.
public struct ValuationClient: Sendable {
    public let client: RPCClient

    public init(client: RPCClient) {
        self.client = client
    }

    /// Fits and stores a model run; FAILED_PRECONDITION when the data cannot support the fit
    /// or it does not converge (the message says why).
    public func fitModel(_ request: FitModelRequest, options: CallOptions = CallOptions()) async throws(RPCError) -> ModelRun {
        try await client.unary(ValuationMethods.fitModel, request, options: options)
    }

    /// Scores every customer with a run; progress is streamed, the last message has `done`.
    public func scoreCustomers(_ request: ScoreCustomersRequest, options: CallOptions = CallOptions()) -> ServerStreamingCall<ScoreProgress> {
        client.serverStreaming(ValuationMethods.scoreCustomers, request, as: ScoreProgress.self, options: options)
    }

    public func customerValue(_ request: GetCustomerValueRequest, options: CallOptions = CallOptions()) async throws(RPCError) -> CustomerValue {
        try await client.unary(ValuationMethods.getCustomerValue, request, options: options)
    }

    public func valueReport(_ request: ValueReportRequest, options: CallOptions = CallOptions()) async throws(RPCError) -> ValueReportResponse {
        try await client.unary(ValuationMethods.valueReport, request, options: options)
    }

    public func evaluateModel(_ request: EvaluateModelRequest, options: CallOptions = CallOptions()) async throws(RPCError) -> ModelEvaluation {
        try await client.unary(ValuationMethods.evaluateModel, request, options: options)
    }
}
