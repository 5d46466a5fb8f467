import CLVModels
import CLVProto

extension ModelFit {
    /// The wire form of a fit.
    init(_ fit: NamedFit) {
        let summary = fit.summary
        self.init(
            model: fit.model,
            parameters: summary.parameters.map { Parameter(name: $0.name, value: $0.value, standardError: $0.standardError) },
            logLikelihood: summary.logLikelihood, iterations: UInt32(clamping: summary.iterations), converged: summary.converged,
            status: summary.status.name, reason: summary.status.reason ?? "", customers: UInt64(summary.customers),
            distinctInputs: UInt64(summary.distinctInputs))
    }
}
