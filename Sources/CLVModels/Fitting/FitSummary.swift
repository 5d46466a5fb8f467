/// What a maximum-likelihood fit reports besides the model's parameters.
public struct FitSummary: Equatable, Sendable, Codable {
    /// The parameters, in the model's order, with standard errors.
    public let parameters: [FittedParameter]
    /// Total log-likelihood over all customers at the optimum.
    public let logLikelihood: Double
    public let iterations: Int
    public let status: ConvergenceStatus
    /// Customers the fit used.
    public let customers: Int
    /// Distinct inputs the likelihood was evaluated on (triples or spend groups).
    public let distinctInputs: Int

    public var converged: Bool { status.isConverged }
}
