import RealModule

/// Fits BG/NBD by maximum likelihood on grouped histories.
public struct BGNBDFitter: Sendable {
    public init() {}

    /// Fits `data` (times in `timeUnit`). Throws when there is nothing to fit; a fit that does
    /// not converge is returned with its status and reason, not thrown.
    public func fit(_ data: GroupedHistories, timeUnit: TimeUnit) throws(ModelError) -> BGNBDFit {
        guard data.customers > 0 else { throw .insufficientData("no customers") }
        guard data.maximumAge > 0 else { throw .insufficientData("every customer's age is 0") }
        guard data.frequencyValues.contains(where: { $0 > 0 }) else {
            throw .insufficientData("no customer has a repeat purchase, so purchase rates cannot be estimated")
        }
        // Scaled so the oldest customer's age is 10: the parameters are then of similar size.
        let timeScale = 10 / data.maximumAge
        let likelihood = BGNBDLikelihood(data: data, timeScale: timeScale)
        let sample = MaximumLikelihood.sampleStride(distinctInputs: data.histories.count).map {
            BGNBDLikelihood(data: data.sample(every: $0), timeScale: timeScale).objective
        }
        let result = MaximumLikelihood.fit(
            names: BGNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
            distinctInputs: data.histories.count, meanNegativeLogLikelihood: likelihood.objective, sample: sample)
        let p = result.parameters
        // α back to the caller's unit; the log-likelihood too (it shifts by x · ln(scale)).
        let parameters = BGNBDParameters(r: p[0], alpha: p[1] / timeScale, a: p[2], b: p[3])
        let summary = result.summary.rescaled(
            dividing: ["alpha": timeScale], logLikelihoodShift: data.repeatPurchases * Double.log(timeScale))
        return BGNBDFit(parameters: parameters, summary: summary, timeUnit: timeUnit)
    }
}
