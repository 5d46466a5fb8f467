/// Newton's method with step halving on a `LogisticObjective`.
///
/// A full step is tried together with the derivatives there, since for this convex, smooth
/// objective it is nearly always accepted: one pass over the rows per step. Only when it is
/// rejected do halved steps cost objective-only passes, then one pass for the derivatives.
struct NewtonIteration {
    let objective: LogisticObjective
    let options: LogisticRegression.Options

    struct Result {
        var theta: [Double]
        var iterations: Int
        /// Σ log-loss at `theta`.
        var logLoss: Double
        var converged: Bool
    }

    /// Armijo's sufficient-decrease fraction and the most halvings before giving up.
    private static let sufficientDecrease = 1e-4
    private static let maximumHalvings = 40

    func run(from start: [Double]) -> Result {
        var theta = start
        var current = objective.evaluate(theta, derivatives: true)
        var iterations = 0
        while iterations < options.maximumIterations {
            guard let step = Self.newtonStep(hessian: current.hessian, gradient: current.gradient) else { break }
            // gᵀH⁻¹g: twice the decrease a full step would bring if the objective were quadratic.
            let decrement = -zip(current.gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            let full = zip(theta, step).map(+)
            if decrement / 2 <= options.tolerance * max(1, abs(current.objective)) {
                // Converged; the last step costs only an objective pass and is kept if it helps.
                let last = objective.evaluate(full, derivatives: false)
                if last.objective <= current.objective {
                    theta = full
                    current = last
                    iterations += 1
                }
                return Result(theta: theta, iterations: iterations, logLoss: current.logLoss, converged: true)
            }
            iterations += 1
            let candidate = objective.evaluate(full, derivatives: true)
            if candidate.objective <= current.objective - Self.sufficientDecrease * decrement {
                theta = full
                current = candidate
                continue
            }
            var length = 0.5
            var accepted: [Double]?
            for _ in 0..<Self.maximumHalvings {
                let trial = zip(theta, step).map { $0 + length * $1 }
                if objective.evaluate(trial, derivatives: false).objective <= current.objective - Self.sufficientDecrease * length * decrement {
                    accepted = trial
                    break
                }
                length /= 2
            }
            // No decrease along a descent direction: rounding has the last word.
            guard let accepted else { break }
            theta = accepted
            current = objective.evaluate(theta, derivatives: true)
        }
        return Result(theta: theta, iterations: iterations, logLoss: current.logLoss, converged: false)
    }

    /// −H⁻¹g by Cholesky. Without a penalty H can be singular (a constant column, or
    /// probabilities saturated at 0 or 1); a growing ridge then makes it solvable.
    static func newtonStep(hessian: [Double], gradient: [Double]) -> [Double]? {
        let n = gradient.count
        let negative = gradient.map { -$0 }
        if let step = SymmetricMatrix.solve(packedPositiveDefinite: hessian, negative) { return step }
        let diagonal = (0..<n).map { hessian[$0 * n - $0 * ($0 - 1) / 2] }
        var ridge = 1e-10 * max(diagonal.max() ?? 1, 1e-300)
        for _ in 0..<12 {
            var damped = hessian
            for i in 0..<n { damped[i * n - i * (i - 1) / 2] += ridge }
            if let step = SymmetricMatrix.solve(packedPositiveDefinite: damped, negative) { return step }
            ridge *= 10
        }
        return nil
    }
}
