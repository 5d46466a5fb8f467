import CLVProto

/// A fit as `--json` prints it.
struct ModelFitReport: Encodable {
    struct ParameterReport: Encodable {
        let name: String
        let value: Double
        let standardError: Double?
    }
    let model: String
    let parameters: [ParameterReport]
    let logLikelihood: Double
    let iterations: UInt32
    let converged: Bool
    let status: String
    let customers: UInt64
    let distinctInputs: UInt64

    init(_ fit: ModelFit) {
        model = fit.model
        parameters = fit.parameters.map { ParameterReport(name: $0.name, value: $0.value, standardError: $0.standardError) }
        logLikelihood = fit.logLikelihood
        iterations = fit.iterations
        converged = fit.converged
        status = fit.status
        customers = fit.customers
        distinctInputs = fit.distinctInputs
    }

    /// Table rows: one per parameter, then the fit's figures.
    var rows: [(String, String)] {
        parameters.map { parameter in
            ("  \(parameter.name)", Format.number(parameter.value) + (parameter.standardError.map { " ± " + Format.number($0) } ?? ""))
        } + [
            ("  log-likelihood", Format.number(logLikelihood)),
            ("  iterations", "\(iterations) (\(status))"),
            ("  customers", "\(customers) (\(distinctInputs) distinct inputs)"),
        ]
    }
}
