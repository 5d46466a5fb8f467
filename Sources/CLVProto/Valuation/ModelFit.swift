/// `clv.valuation.v1.ModelFit`: one model fitted by maximum likelihood.
public struct ModelFit: Sendable, Hashable {
    /// `bg_nbd`, `pareto_nbd` or `gamma_gamma`.
    public var model: String
    public var parameters: [Parameter]
    /// Total over the customers fitted.
    public var logLikelihood: Double
    public var iterations: UInt32
    public var converged: Bool
    /// `converged`, `iteration_limit`, `diverged` or `not_finite`.
    public var status: String
    /// Why the fit did not converge, when it did not.
    public var reason: String
    public var customers: UInt64
    /// Distinct inputs the likelihood was computed on: (x, t_x, T) triples, or spend groups.
    public var distinctInputs: UInt64

    public init(
        model: String = "", parameters: [Parameter] = [], logLikelihood: Double = 0, iterations: UInt32 = 0,
        converged: Bool = false, status: String = "", reason: String = "", customers: UInt64 = 0,
        distinctInputs: UInt64 = 0
    ) {
        self.model = model
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.converged = converged
        self.status = status
        self.reason = reason
        self.customers = customers
        self.distinctInputs = distinctInputs
    }
}
