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
            Self.objective(data.sample(every: $0), timeScale: timeScale)
        }
        let result = MaximumLikelihood.fit(
            names: ParetoNBDParameters.names, logStart: [0, 0, 0, 0], customers: data.customers,
            distinctInputs: data.histories.count, meanNegativeLogLikelihood: Self.objective(data, timeScale: timeScale),
            sample: sample, minimizer: BFGSMinimizer(gradientTolerance: 1e-7))
        let p = result.parameters
        let parameters = ParetoNBDParameters(r: p[0], alpha: p[1] / timeScale, s: p[2], beta: p[3] / timeScale)
        let summary = result.summary.rescaled(
            dividing: ["alpha": timeScale, "beta": timeScale], logLikelihoodShift: data.repeatPurchases * Double.log(timeScale))
        return ParetoNBDFit(parameters: parameters, summary: summary, timeUnit: timeUnit)
    }

    /// The mean negative log-likelihood of `data` with times multiplied by `timeScale`, in log
    /// parameters, with its central-difference gradient.
    static func objective(_ data: GroupedHistories, timeScale: Double) -> Objective {
        let scaled = data.histories.map {
            PurchaseHistory(frequency: $0.frequency, recency: $0.recency * timeScale, age: $0.age * timeScale)
        }
        let weights = data.weights
        let customers = data.customers
        let meanNegative: @Sendable ([Double]) -> Double = { logParameters in
            let p = logParameters.map { Double.exp($0) }
            let model = ParetoNBDModel(parameters: ParetoNBDParameters(r: p[0], alpha: p[1], s: p[2], beta: p[3]))
            // The hypergeometric term makes each history costly: summed on all cores.
            let total = ParallelSum.sum(count: scaled.count, width: 1) { range in
                var total = 0.0
                for index in range {
                    total += weights[index] * model.logLikelihood(scaled[index])
                }
                return [total]
            }[0]
            return total.isFinite ? -total / customers : .infinity
        }
        return Objective { point in
            let value = meanNegative(point)
            let step = 1e-6
            let gradient = point.indices.map { index in
                var up = point
                var down = point
                up[index] += step
                down[index] -= step
                return (meanNegative(up) - meanNegative(down)) / (2 * step)
            }
            return (value, gradient)
        }
    }
}
