import RealModule

/// The Gamma-Gamma log-likelihood of grouped spend and its exact gradient (digamma), as the
/// fitter's objective: the mean negative log-likelihood in log parameters.
struct GammaGammaLikelihood: Sendable {
    let data: GroupedSpends
    /// Values are multiplied by this before fitting, so γ is of order 1.
    let valueScale: Double

    var objective: Objective {
        Objective { [self] logParameters in
            let (value, gradient) = logLikelihoodAndGradient(logParameters.map { Double.exp($0) })
            guard value.isFinite else { return (.infinity, gradient) }
            let customers = Double(data.customers)
            return (-value / customers, zip(gradient, logParameters).map { -$0 * Double.exp($1) / customers })
        }
    }

    /// Total log-likelihood at (p, q, γ) (γ in scaled values) and its gradient.
    func logLikelihoodAndGradient(_ parameters: [Double]) -> (Double, [Double]) {
        let (p, q, gamma) = (parameters[0], parameters[1], parameters[2])
        let logGamma = Double.log(gamma)
        let logScale = Double.log(valueScale)
        let logGammaQ = SpecialFunctions.logGamma(q)
        let digammaQ = SpecialFunctions.digamma(q)
        var total = 0.0, dP = 0.0, dQ = 0.0, dGamma = 0.0
        // Terms of x alone, per distinct x.
        for (group, frequency) in data.frequencies.enumerated() {
            let x = Double(frequency)
            let n = data.counts[group]
            let px = p * x
            // Σ ln m̄ in scaled values.
            let sumLogMean = data.sumLogMean[group] + n * logScale
            let digammaPXQ = SpecialFunctions.digamma(px + q)
            total += n * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - logGammaQ + q * logGamma + px * Double.log(x))
                + (px - 1) * sumLogMean
            dP += x * (n * (digammaPXQ - SpecialFunctions.digamma(px) + Double.log(x)) + sumLogMean)
            dQ += n * (digammaPXQ - digammaQ + logGamma)
            dGamma += n * q / gamma
        }
        // −(p x + q) ln(γ + x m̄) per distinct x m̄, over the cores.
        let frequencies = data.frequencies.map(Double.init)
        let perCustomer = ParallelSum.sum(count: data.products.count, width: 4) { range in
            var total = 0.0, dP = 0.0, dQ = 0.0, dGamma = 0.0
            for index in range {
                let x = frequencies[Int(data.productGroup[index])]
                let weight = data.productWeights[index]
                let sum = gamma + data.products[index] * valueScale
                let logSum = weight * Double.log(sum)
                let shape = p * x + q
                total -= shape * logSum
                dP -= x * logSum
                dQ -= logSum
                dGamma -= weight * shape / sum
            }
            return [total, dP, dQ, dGamma]
        }
        return (total + perCustomer[0], [dP + perCustomer[1], dQ + perCustomer[2], dGamma + perCustomer[3]])
    }
}
