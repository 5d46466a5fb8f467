import RealModule

/// Maximum likelihood on log parameters (so every parameter stays positive), with standard
/// errors from a finite-difference Hessian of the log-likelihood.
enum MaximumLikelihood {
    struct Result: Sendable {
        /// Natural (positive) parameters at the optimum.
        let parameters: [Double]
        let summary: FitSummary
    }

    /// Distinct inputs above which a fit warm-starts from a sample of about `sampleSize`.
    static let sampledAbove = 60_000
    static let sampleSize = 20_000

    /// The stride of the warm-start sample for `distinctInputs`, or nil when fitting them all
    /// from the start is cheap enough.
    static func sampleStride(distinctInputs: Int) -> Int? {
        distinctInputs > sampledAbove ? distinctInputs / sampleSize : nil
    }

    /// Fits by minimising `meanNegativeLogLikelihood` (a function of log parameters, the mean
    /// over `customers`) from `logStart`.
    ///
    /// With a `sample` objective (the same mean over a sample of the inputs), the sample is
    /// minimised first and the full objective from its optimum and curvature: most iterations
    /// then cost a sample's evaluations, and the few on all inputs converge to the same tolerance.
    static func fit(
        names: [String], logStart: [Double], customers: Double, distinctInputs: Int,
        meanNegativeLogLikelihood objective: Objective, sample: Objective? = nil, minimizer: BFGSMinimizer = BFGSMinimizer()
    ) -> Result {
        var warmStarted: BFGSMinimizer.Outcome?
        if let sample {
            let warm = minimizer.minimize(sample, from: logStart, names: names)
            if warm.status.isConverged {
                let full = minimizer.minimize(objective, from: warm.point, inverseHessian: warm.inverseHessian, names: names)
                if full.status.isConverged { warmStarted = full }
            }
        }
        // Without a sample, or when warm starting failed: from the start on all inputs.
        let outcome = warmStarted ?? minimizer.minimize(objective, from: logStart, names: names)
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
    ///
    /// The Hessian is differenced from the gradient: forward differences with a small step for
    /// an exact gradient (one evaluation per parameter). A numerical gradient carries rounding
    /// noise of about 1e-9, which a 1e-6 step would magnify past the Hessian's own size: it gets
    /// central differences with a 1e-4 step, whose error is about 1e-5 from either source.
    static func standardErrors(_ objective: Objective, at point: [Double], customers: Double) -> [Double?] {
        let n = point.count
        let numerical = objective.gradientIsNumerical
        let step = numerical ? 1e-4 : 1e-6
        let gradient = numerical ? [] : objective.evaluate(point).gradient
        var hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var up = point
            up[j] += step
            let gradientUp = objective.evaluate(up).gradient
            var down = point
            down[j] -= step
            let (gradientDown, width) = numerical ? (objective.evaluate(down).gradient, 2 * step) : (gradient, step)
            for i in 0..<n {
                hessian[i][j] = (gradientUp[i] - gradientDown[i]) / width * customers
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
