import CLVModels
import CLVProto
import Ingestion

extension ModelFit {
    /// The wire form of a fit. Money-scaled parameters (Gamma-Gamma's gamma) are fitted and
    /// stored in minor units and reported in major units of `baseCurrency`, as published tables
    /// give them: CDNOW's gamma is 15.44 dollars, not 1,544 cents.
    init(_ fit: NamedFit, baseCurrency: String) {
        let summary = fit.summary
        let minorPerMajor = Self.minorUnitsPerMajor(baseCurrency)
        self.init(
            model: fit.model,
            parameters: summary.parameters.map { parameter in
                let scale = fit.model == "gamma_gamma" && parameter.name == "gamma" ? minorPerMajor : 1
                return Parameter(
                    name: parameter.name, value: parameter.value / scale, standardError: parameter.standardError.map { $0 / scale } ?? 0,
                    hasStandardError: parameter.standardError != nil)
            },
            logLikelihood: summary.logLikelihood, iterations: UInt32(clamping: summary.iterations), converged: summary.converged,
            status: summary.status.name, reason: summary.status.reason ?? "", customers: UInt64(summary.customers),
            distinctInputs: UInt64(summary.distinctInputs))
    }

    /// 100 for EUR, 1 for JPY, 1000 for KWD; 100 for a code the catalogue does not know.
    static func minorUnitsPerMajor(_ currency: String) -> Double {
        var scale = 1.0
        for _ in 0..<(CurrencyCatalog.minorUnitDigits(of: currency) ?? 2) { scale *= 10 }
        return scale
    }
}
