/// Truncated Newton (Newton-CG) with a backtracking line search on a `BinnedLogisticObjective`.
///
/// Each step solves H s = −g by preconditioned conjugate gradients, only as far as the
/// gradient's size warrants (Eisenstat–Walker's forcing term, min(½, √(‖g‖/‖g₀‖)), at least
/// 0.1). A
/// Hessian-vector product is one pass over the rows' few active columns, where the full Hessian
/// would cost the square of them per row; the preconditioner is the Hessian of a row sample
/// (`sampledHessian`), so few products are needed. The log-odds are kept, so a line search's
/// trial costs no pass over the design.
struct TruncatedNewton {
    let objective: BinnedLogisticObjective
    let options: ScorecardRegression.Options

    struct Result {
        var theta: [Double]
        var iterations: Int
        /// Σ log-loss at `theta`.
        var logLoss: Double
        var converged: Bool
    }

    private static let sufficientDecrease = 1e-4
    private static let maximumHalvings = 40
    private static let maximumConjugateSteps = 50
    /// The forcing term's floor: near the optimum a tighter solve costs dozens of products per
    /// step, while solving to a tenth still shrinks ‖g‖ about tenfold a step.
    private static let loosestForcing = 0.1

    func run(from start: [Double]) -> Result {
        var theta = start
        var eta = objective.product(theta)
        var initialNorm: Double?
        for iteration in 0..<options.maximumIterations {
            let derivatives = objective.derivatives(eta: eta, theta: theta)
            let current = derivatives.logLoss + objective.penalty(theta)
            let norm = Self.norm(derivatives.gradient)
            let forcing = max(Self.loosestForcing, min(0.5, (norm / max(initialNorm ?? norm, .leastNormalMagnitude)).squareRoot()))
            initialNorm = initialNorm ?? norm
            let step = conjugateGradients(derivatives, tolerance: forcing * norm)
            // −gᵀs: twice the decrease the step would bring if the objective were quadratic.
            let decrement = -zip(derivatives.gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            guard decrement > 0 else {
                return Result(theta: theta, iterations: iteration, logLoss: derivatives.logLoss, converged: norm == 0)
            }
            let direction = objective.product(step)
            let converging = decrement / 2 <= options.tolerance * max(1, abs(current))
            var length = 1.0
            var accepted = false
            for _ in 0..<Self.maximumHalvings {
                let trial = objective.objective(eta: eta, direction: direction, t: length, theta: theta, step: step)
                if trial <= current - Self.sufficientDecrease * length * decrement {
                    accepted = true
                    break
                }
                // Converged: the last step is kept only when it helps, not searched for.
                if converging { break }
                length /= 2
            }
            if accepted {
                for index in theta.indices { theta[index] += length * step[index] }
                for row in eta.indices { eta[row] += length * direction[row] }
            }
            if converging || !accepted {
                let logLoss = objective.derivatives(eta: eta, theta: theta).logLoss
                return Result(theta: theta, iterations: iteration + (accepted ? 1 : 0), logLoss: logLoss, converged: converging)
            }
        }
        let logLoss = objective.derivatives(eta: eta, theta: theta).logLoss
        return Result(theta: theta, iterations: options.maximumIterations, logLoss: logLoss, converged: false)
    }

    /// s with ‖H s + g‖ ≤ tolerance, or the last iterate after `maximumConjugateSteps`.
    private func conjugateGradients(_ derivatives: BinnedLogisticObjective.Derivatives, tolerance: Double) -> [Double] {
        let curvatures = derivatives.curvatures
        let factor = CholeskyFactor(
            packedPositiveDefinite: objective.sampledHessian(curvatures: curvatures, diagonal: derivatives.diagonal),
            dimension: objective.parameterCount)
        // Jacobi when rounding left the sample's Hessian indefinite.
        let precondition: ([Double]) -> [Double] = { residual in
            factor?.solve(residual) ?? zip(residual, derivatives.diagonal).map { $0 / $1 }
        }
        var step = [Double](repeating: 0, count: objective.parameterCount)
        var residual = derivatives.gradient.map { -$0 }
        var preconditioned = precondition(residual)
        var direction = preconditioned
        var product = Self.dot(residual, preconditioned)
        for _ in 0..<Self.maximumConjugateSteps {
            let curved = objective.hessianProduct(direction, curvatures: curvatures)
            let alpha = product / Self.dot(direction, curved)
            guard alpha.isFinite, alpha > 0 else { break }
            for index in step.indices {
                step[index] += alpha * direction[index]
                residual[index] -= alpha * curved[index]
            }
            if Self.norm(residual) <= tolerance { break }
            preconditioned = precondition(residual)
            let next = Self.dot(residual, preconditioned)
            for index in direction.indices { direction[index] = preconditioned[index] + next / product * direction[index] }
            product = next
        }
        return step
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func norm(_ a: [Double]) -> Double {
        dot(a, a).squareRoot()
    }
}

