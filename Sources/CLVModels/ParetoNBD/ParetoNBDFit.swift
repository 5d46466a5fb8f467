/// A fitted Pareto/NBD model.
public struct ParetoNBDFit: Sendable {
    public let parameters: ParetoNBDParameters
    public let summary: FitSummary
    public let timeUnit: TimeUnit

    public var model: ParetoNBDModel { ParetoNBDModel(parameters: parameters) }
}
