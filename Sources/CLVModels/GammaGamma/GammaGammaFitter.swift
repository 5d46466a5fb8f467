import RealModule

/// Fits Gamma-Gamma by maximum likelihood on repeat customers only (x > 0).
public struct GammaGammaFitter: Sendable {
    public init() {}

    public func fit(_ data: GroupedSpends) throws(ModelError) -> GammaGammaFit {
        guard data.customers > 0 else {
            throw .insufficientData("no customer has a repeat purchase, so spend per transaction cannot be estimated")
        }
        // Scaled so the mean x·m̄ is about 1.
        let meanProduct = zip(data.products, data.productWeights).reduce(0.0) { $0 + $1.0 * $1.1 } / Double(data.customers)
        let valueScale = 1 / meanProduct
        let likelihood = GammaGammaLikelihood(data: data, valueScale: valueScale)
        let sample = MaximumLikelihood.sampleStride(distinctInputs: data.products.count).map {
            GammaGammaLikelihood(data: data.sample(every: $0), valueScale: valueScale).objective
        }
        let result = MaximumLikelihood.fit(
            names: GammaGammaParameters.names, logStart: [0, 0, 0], customers: Double(data.customers),
            distinctInputs: data.products.count, meanNegativeLogLikelihood: likelihood.objective, sample: sample)
        let p = result.parameters
        let parameters = GammaGammaParameters(p: p[0], q: p[1], gamma: p[2] / valueScale)
        // The density of m̄ picks up 1/scale per customer when values are scaled back.
        let summary = result.summary.rescaled(
            dividing: ["gamma": valueScale], logLikelihoodShift: Double(data.customers) * Double.log(valueScale))
        return GammaGammaFit(parameters: parameters, summary: summary)
    }
}
