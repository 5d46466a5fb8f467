extension FitSummary {
    /// The fit in the caller's units, when it was made with times or values multiplied by a
    /// scale: the parameters named in `scales` (and their standard errors) divided by theirs,
    /// and the log-likelihood shifted by `logLikelihoodShift` (the densities' Jacobian).
    func rescaled(dividing scales: [String: Double], logLikelihoodShift: Double) -> FitSummary {
        FitSummary(
            parameters: parameters.map { parameter in
                guard let scale = scales[parameter.name] else { return parameter }
                return FittedParameter(name: parameter.name, value: parameter.value / scale, standardError: parameter.standardError.map { $0 / scale })
            },
            logLikelihood: logLikelihood + logLikelihoodShift, iterations: iterations, status: status, customers: customers,
            distinctInputs: distinctInputs)
    }
}
