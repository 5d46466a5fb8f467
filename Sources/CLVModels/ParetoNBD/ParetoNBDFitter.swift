import RealModule

/// Fits Pareto/NBD by maximum likelihood on grouped histories.
///
/// The gradient is by central differences: the hypergeometric term's derivatives in its
/// parameters have no convenient closed form, and with grouped histories the extra
/// evaluations cost little.
public struct ParetoNBDFitter: Sendable {
    public init() {}

    public func fit(_ data: GroupedHistories, timeUnit: TimeUnit) throws(ModelError) -> ParetoNBDFit {
        guard data.customers > 0 else { throw .insufficientData("no customers") }
        guard data.maximumAge > 0 else { throw .insufficientData("every customer's age is 0") }
        guard data.frequencyValues.contains(where: { $0 > 0 }) else {
            throw .insufficientData("no customer has a repeat purchase, so purchase rates cannot be estimated")
        }
        let timeScale = 10 / data.maximumAge
        let sample = MaximumLikelihood.sampleStride(distinctInputs: data.histories.count).map {
            ParetoNBDLikelihood(data: data.sample(every: $0), timeScale: timeScale).objective
        }
        let result = MaximumLikelihood.fit(
            names: ParetoNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
            distinctInputs: data.histories.count, meanNegativeLogLikelihood: ParetoNBDLikelihood(data: data, timeScale: timeScale).objective,
            sample: sample, minimizer: BFGSMinimizer(gradientTolerance: 1e-7))
        let p = result.parameters
        let parameters = ParetoNBDParameters(r: p[0], alpha: p[1] / timeScale, s: p[2], beta: p[3] / timeScale)
        let summary = result.summary.rescaled(
            dividing: ["alpha": timeScale, "beta": timeScale], logLikelihoodShift: data.repeatPurchases * Double.log(timeScale))
        return ParetoNBDFit(parameters: parameters, summary: summary, timeUnit: timeUnit)
    }
}
