import RealModule

/// The BG/NBD log-likelihood of grouped histories and its exact gradient, as the fitter's
/// objective: the mean negative log-likelihood as a function of log parameters.
///
/// Terms that depend on x alone (the log-gamma functions) are computed once per distinct x;
/// per distinct (x, t_x, T) only two logarithms and an exponential remain.
struct BGNBDLikelihood: Sendable {
    let data: GroupedHistories
    /// Times are multiplied by this before fitting (α is then in scaled units).
    let timeScale: Double

    var objective: Objective {
        Objective { [self] logParameters in
            let (value, gradient) = logLikelihoodAndGradient(logParameters.map { Double.exp($0) })
            guard value.isFinite else { return (.infinity, gradient) }
            // d/d log p = p · d/dp; negated and averaged for minimisation.
            let customers = data.customers
            let logGradient = zip(gradient, logParameters).map { -$0 * Double.exp($1) / customers }
            return (-value / customers, logGradient)
        }
    }

    /// Total log-likelihood at (r, α, a, b), α in scaled time, and its gradient in those.
    func logLikelihoodAndGradient(_ p: [Double]) -> (Double, [Double]) {
        let (r, alpha, a, b) = (p[0], p[1], p[2], p[3])
        var total = 0.0
        var dR = 0.0, dAlpha = 0.0, dA = 0.0, dB = 0.0
        let logAlpha = Double.log(alpha)
        let logGammaR = SpecialFunctions.logGamma(r)
        let logGammaB = SpecialFunctions.logGamma(b)
        let logGammaAB = SpecialFunctions.logGamma(a + b)
        let digammaR = SpecialFunctions.digamma(r)
        let digammaB = SpecialFunctions.digamma(b)
        let digammaAB = SpecialFunctions.digamma(a + b)
        // Per distinct x: A1 + A2 and their derivatives.
        for (index, frequency) in data.frequencyValues.enumerated() {
            let x = Double(frequency)
            let weight = data.frequencyWeights[index]
            let digammaABX = SpecialFunctions.digamma(a + b + x)
            total += weight * (SpecialFunctions.logGamma(r + x) - logGammaR + r * logAlpha
                + logGammaAB + SpecialFunctions.logGamma(b + x) - logGammaB - SpecialFunctions.logGamma(a + b + x))
            dR += weight * (SpecialFunctions.digamma(r + x) - digammaR + logAlpha)
            dAlpha += weight * r / alpha
            dA += weight * (digammaAB - digammaABX)
            dB += weight * (digammaAB + SpecialFunctions.digamma(b + x) - digammaB - digammaABX)
        }
        let logA = Double.log(a)
        for (index, history) in data.histories.enumerated() {
            let weight = data.weights[index]
            let x = Double(history.frequency)
            let ageTerm = alpha + history.age * timeScale
            let logAgeTerm = Double.log(ageTerm)
            let a3 = -(r + x) * logAgeTerm
            if history.frequency == 0 {
                total += weight * a3
                dR -= weight * logAgeTerm
                dAlpha -= weight * (r + x) / ageTerm
                continue
            }
            let recencyTerm = alpha + history.recency * timeScale
            let logRecencyTerm = Double.log(recencyTerm)
            let a4 = logA - Double.log(b + x - 1) - (r + x) * logRecencyTerm
            let combined = SpecialFunctions.logAddExp(a3, a4)
            let w4 = Double.exp(a4 - combined)
            let w3 = 1 - w4
            total += weight * combined
            dR -= weight * (w3 * logAgeTerm + w4 * logRecencyTerm)
            dAlpha -= weight * (r + x) * (w3 / ageTerm + w4 / recencyTerm)
            dA += weight * w4 / a
            dB -= weight * w4 / (b + x - 1)
        }
        return (total, [dR, dAlpha, dA, dB])
    }
}
