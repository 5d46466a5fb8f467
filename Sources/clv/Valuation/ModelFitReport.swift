import CLVProto

/// A fit as `--json` prints it.
struct ModelFitReport: Encodable {
    struct ParameterReport: Encodable {
        let name: String
        let value: Double
        let standardError: Double?
        /// The currency of a money-scaled parameter (Gamma-Gamma's gamma, in major units); nil for the rest.
        let unit: String?
    }
    let model: String
    let parameters: [ParameterReport]
    let logLikelihood: Double
    let iterations: UInt32
    let converged: Bool
    let status: String
    let customers: UInt64
    let distinctInputs: UInt64

    /// `currency` names the unit of Gamma-Gamma's gamma, which the service reports in its major units.
    init(_ fit: ModelFit, currency: String = "") {
        model = fit.model
        parameters = fit.parameters.map {
            let isMoney = fit.model == "gamma_gamma" && $0.name == "gamma" && !currency.isEmpty
            return ParameterReport(name: $0.name, value: $0.value, standardError: $0.hasStandardError ? $0.standardError : nil, unit: isMoney ? currency : nil)
        }
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
            ("  \(parameter.name)\(parameter.unit.map { " (\($0))" } ?? "")", Format.number(parameter.value) + (parameter.standardError.map { " ± " + Format.number($0) } ?? ""))
        } + [
            ("  log-likelihood", Format.number(logLikelihood)),
            ("  iterations", "\(iterations) (\(status))"),
            ("  customers", "\(customers) (\(distinctInputs) distinct inputs)"),
        ]
    }
}
