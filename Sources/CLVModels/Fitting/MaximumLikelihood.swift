import RealModule

/// Maximum likelihood on log parameters (so every parameter stays positive), with standard
/// errors from a finite-difference Hessian of the log-likelihood.
enum MaximumLikelihood {
    struct Result: Sendable {
        /// Natural (positive) parameters at the optimum.
        let parameters: [Double]
        let summary: FitSummary
    }

    /// Fits by minimising `meanNegativeLogLikelihood` (a function of log parameters, the mean
    /// over `customers`) from `logStart`.
    static func fit(
        names: [String], logStart: [Double], customers: Double, distinctInputs: Int,
        meanNegativeLogLikelihood objective: Objective, minimizer: BFGSMinimizer = BFGSMinimizer()
    ) -> Result {
        let outcome = minimizer.minimize(objective, from: logStart, names: names)
        let parameters = outcome.point.map { Double.exp($0) }
        let errors = outcome.status.isConverged
            ? standardErrors(objective, at: outcome.point, customers: customers)
            : Array(repeating: nil, count: names.count)
        let fitted = names.indices.map { index in
            FittedParameter(
                name: names[index], value: parameters[index],
                // Delta method: d p / d log p = p, so SE(p) = p · SE(log p).
                standardError: errors[index].map { $0 * parameters[index] })
        }
        let summary = FitSummary(
            parameters: fitted, logLikelihood: -outcome.value * customers, iterations: outcome.iterations,
            status: outcome.status, customers: Int(customers.rounded()), distinctInputs: distinctInputs)
        return Result(parameters: parameters, summary: summary)
    }

    /// Standard errors of the log parameters: the square roots of the diagonal of the inverse
    /// of the total negative log-likelihood's Hessian. nil where it is not positive definite.
    static func standardErrors(_ objective: Objective, at point: [Double], customers: Double) -> [Double?] {
        let n = point.count
        // Forward differences of the exact gradient: one evaluation per parameter.
        let step = 1e-6
        let gradient = objective.evaluate(point).gradient
        var hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var up = point
            up[j] += step
            let gradientUp = objective.evaluate(up).gradient
            for i in 0..<n {
                hessian[i][j] = (gradientUp[i] - gradient[i]) / step * customers
            }
        }
        for i in 0..<n {
            for j in 0..<i {
                let mean = (hessian[i][j] + hessian[j][i]) / 2
                hessian[i][j] = mean
                hessian[j][i] = mean
            }
        }
        guard let inverse = SymmetricMatrix.inverse(ofPositiveDefinite: hessian) else {
            return Array(repeating: nil, count: n)
        }
        return (0..<n).map { inverse[$0][$0] > 0 && inverse[$0][$0].isFinite ? inverse[$0][$0].squareRoot() : nil }
    }
}
