import RealModule

/// The BG/NBD log-likelihood of grouped histories and its exact gradient, as the fitter's
/// objective: the mean negative log-likelihood as a function of log parameters.
///
/// Terms that depend on x alone (the log-gamma functions) are computed once per distinct x,
/// ln(α + t) once per distinct time; per distinct (x, t_x, T) there remain two exponentials
/// and a logarithm, summed over the cores.
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
        var sums = perFrequencyTerms(r: r, alpha: alpha, a: a, b: b)
        // ln(α + t) and 1 / (α + t) per distinct time.
        let logTerms = data.times.map { Double.log(alpha + $0 * timeScale) }
        let inverseTerms = data.times.map { 1 / (alpha + $0 * timeScale) }
        // ln a − ln(b + x − 1) per distinct frequency (unused for x = 0).
        let logDropout = data.frequencyValues.map { $0 > 0 ? Double.log(a) - Double.log(b + Double($0) - 1) : 0 }
        let inverseB = data.frequencyValues.map { $0 > 0 ? 1 / (b + Double($0) - 1) : 0 }
        let perHistory = ParallelSum.sum(count: data.histories.count, width: 5) { range in
            var total = 0.0, dR = 0.0, dAlpha = 0.0, dA = 0.0, dB = 0.0
            for index in range {
                let weight = data.weights[index]
                let frequency = data.frequencyIndex[index]
                let rx = r + Double(data.histories[index].frequency)
                let age = Int(data.ageIndex[index])
                let a3 = -rx * logTerms[age]
                if data.histories[index].frequency == 0 {
                    total += weight * a3
                    dR -= weight * logTerms[age]
                    dAlpha -= weight * rx * inverseTerms[age]
                    continue
                }
                let recency = Int(data.recencyIndex[index])
                let a4 = logDropout[frequency] - rx * logTerms[recency]
                // ln(e^a3 + e^a4) and the share w4 of e^a4 in it, from one exponential.
                let difference = a4 - a3
                let e = Double.exp(-abs(difference))
                let combined = max(a3, a4) + Double.log(onePlus: e)
                let w4 = difference > 0 ? 1 / (1 + e) : e / (1 + e)
                let w3 = 1 - w4
                total += weight * combined
                dR -= weight * (w3 * logTerms[age] + w4 * logTerms[recency])
                dAlpha -= weight * rx * (w3 * inverseTerms[age] + w4 * inverseTerms[recency])
                dA += weight * w4
                dB -= weight * w4 * inverseB[frequency]
            }
            return [total, dR, dAlpha, dA / a, dB]
        }
        for index in 0..<5 { sums[index] += perHistory[index] }
        return (sums[0], Array(sums[1...]))
    }

    /// Σ over distinct x of weight × (A1 + A2) and its gradient: [total, ∂r, ∂α, ∂a, ∂b].
    private func perFrequencyTerms(r: Double, alpha: Double, a: Double, b: Double) -> [Double] {
        var total = 0.0, dR = 0.0, dAlpha = 0.0, dA = 0.0, dB = 0.0
        let logAlpha = Double.log(alpha)
        let logGammaR = SpecialFunctions.logGamma(r)
        let logGammaB = SpecialFunctions.logGamma(b)
        let logGammaAB = SpecialFunctions.logGamma(a + b)
        let digammaR = SpecialFunctions.digamma(r)
        let digammaB = SpecialFunctions.digamma(b)
        let digammaAB = SpecialFunctions.digamma(a + b)
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
        return [total, dR, dAlpha, dA, dB]
    }
}
