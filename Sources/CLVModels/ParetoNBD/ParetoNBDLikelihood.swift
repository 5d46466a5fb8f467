import RealModule

/// The Pareto/NBD log-likelihood of grouped histories, as the fitter's objective: the mean
/// negative log-likelihood in log parameters, with a central-difference gradient.
///
/// A₀'s two hypergeometric terms depend on (x, t_x) and (x, T) alone, and customers share those
/// pairs far more often than whole triples: each distinct pair's term is computed once per
/// evaluation, in parallel. The log-gamma terms are per distinct x, ln(α + T) and ln(β + T) per
/// distinct time.
struct ParetoNBDLikelihood: Sendable {
    let data: GroupedHistories
    /// Times are multiplied by this before fitting (α and β are then in scaled units).
    let timeScale: Double
    /// The distinct (x, t) pairs, as indices into `data.frequencyValues` and `data.times`.
    let pairFrequency: [Int]
    let pairTime: [Int]
    /// Per history, the pair of its recency and the pair of its age.
    let recencyPair: [Int32]
    let agePair: [Int32]

    init(data: GroupedHistories, timeScale: Double) {
        self.data = data
        self.timeScale = timeScale
        var pairs: [Int: Int32] = [:]
        var pairFrequency: [Int] = []
        var pairTime: [Int] = []
        func pair(_ frequency: Int, _ time: Int32) -> Int32 {
            let key = frequency * data.times.count + Int(time)
            if let known = pairs[key] { return known }
            let new = Int32(pairFrequency.count)
            pairs[key] = new
            pairFrequency.append(frequency)
            pairTime.append(Int(time))
            return new
        }
        recencyPair = data.histories.indices.map { pair(data.frequencyIndex[$0], data.recencyIndex[$0]) }
        agePair = data.histories.indices.map { pair(data.frequencyIndex[$0], data.ageIndex[$0]) }
        self.pairFrequency = pairFrequency
        self.pairTime = pairTime
    }

    var objective: Objective {
        .centralDifferences { [self] logParameters in
            let total = logLikelihood(logParameters.map { Double.exp($0) })
            return total.isFinite ? -total / data.customers : .infinity
        }
    }

    /// Total log-likelihood at (r, α, s, β), α and β in scaled time.
    func logLikelihood(_ p: [Double]) -> Double {
        let (r, alpha, s, beta) = (p[0], p[1], p[2], p[3])
        let model = ParetoNBDModel(parameters: ParetoNBDParameters(r: r, alpha: alpha, s: s, beta: beta))
        let terms = ParallelMap.map(count: pairFrequency.count) { [self] index in
            model.logA0Term(frequency: data.frequencyValues[pairFrequency[index]], time: data.times[pairTime[index]] * timeScale)
        }
        let constant = -SpecialFunctions.logGamma(r) + r * Double.log(alpha) + s * Double.log(beta)
        // The terms of x alone (`a1` in ParetoNBDModel), per distinct x.
        let a1 = data.frequencyValues.map { SpecialFunctions.logGamma(r + Double($0)) + constant }
        let logDeadWeight = data.frequencyValues.map { Double.log(s) - Double.log(r + s + Double($0)) }
        let logAlphaT = data.times.map { Double.log(alpha + $0 * timeScale) }
        let logBetaT = data.times.map { Double.log(beta + $0 * timeScale) }
        return ParallelSum.sum(count: data.histories.count, width: 1) { [self] range in
            var total = 0.0
            for index in range {
                let frequency = data.frequencyIndex[index]
                let age = Int(data.ageIndex[index])
                let alive = -(r + Double(data.frequencyValues[frequency])) * logAlphaT[age] - s * logBetaT[age]
                let dead = logDeadWeight[frequency]
                    + SpecialFunctions.logSubExp(terms[Int(recencyPair[index])], terms[Int(agePair[index])])
                total += data.weights[index] * (a1[frequency] + SpecialFunctions.logAddExp(alive, dead))
            }
            return [total]
        }[0]
    }
}
