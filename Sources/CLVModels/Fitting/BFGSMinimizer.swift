import RealModule

/// Quasi-Newton minimisation (BFGS with a backtracking Armijo line search) for the handful of
/// unconstrained parameters these models have.
///
/// Non-finite values are treated as +∞, so a step that leaves the domain is shortened rather
/// than accepted; a curvature pair that would break positive definiteness is skipped.
struct BFGSMinimizer: Sendable {
    var maximumIterations = 400
    /// Converged when every gradient component is this small (the objective is a mean per
    /// customer, so this is per customer too).
    var gradientTolerance = 1e-8
    /// Or when the objective changes by less than this, relatively, for a few iterations.
    var valueTolerance = 1e-14
    /// A parameter (in log space, times scaled to order 10) beyond this magnitude is taken as
    /// running off to 0 or ∞: real purchase data never needs a factor of e¹² (160,000).
    var divergenceBound = 12.0

    struct Outcome: Sendable {
        let point: [Double]
        let value: Double
        let gradient: [Double]
        let iterations: Int
        let status: ConvergenceStatus
        /// The final estimate of the inverse Hessian: a warm start for a related problem.
        var inverseHessian: [[Double]] = []
    }

    /// Minimises `objective` from `start`, with `inverseHessian` as the first curvature
    /// estimate (the identity when nil).
    func minimize(_ objective: Objective, from start: [Double], inverseHessian initial: [[Double]]? = nil, names: [String]) -> Outcome {
        let n = start.count
        var x = start
        var (f, g) = objective.evaluate(x)
        guard f.isFinite, g.allSatisfy(\.isFinite) else {
            return Outcome(point: x, value: f, gradient: g, iterations: 0, status: .notFinite("the likelihood is not finite at the starting point"))
        }
        var inverseHessian = initial ?? Self.identity(n)
        var stalled = 0
        for iteration in 1...maximumIterations {
            if g.allSatisfy({ abs($0) < gradientTolerance }) {
                return Outcome(point: x, value: f, gradient: g, iterations: iteration - 1, status: .converged, inverseHessian: inverseHessian)
            }
            var direction = Self.multiply(inverseHessian, g).map { -$0 }
            var slope = Self.dot(direction, g)
            if slope >= 0 {
                // Not a descent direction (rounding): restart from steepest descent.
                inverseHessian = Self.identity(n)
                direction = g.map { -$0 }
                slope = Self.dot(direction, g)
            }
            // Backtracking line search with the Armijo condition.
            var step = 1.0
            var candidate = x
            var candidateValue = Double.infinity
            var candidateGradient = g
            while step > 1e-20 {
                candidate = zip(x, direction).map { $0 + step * $1 }
                (candidateValue, candidateGradient) = objective.evaluate(candidate)
                if candidateValue.isFinite, candidateGradient.allSatisfy(\.isFinite), candidateValue <= f + 1e-4 * step * slope {
                    break
                }
                step *= 0.5
            }
            guard candidateValue.isFinite, candidateValue <= f else {
                // No step decreases the objective: as good as it gets at this precision.
                let status: ConvergenceStatus = g.allSatisfy({ abs($0) < 1e-5 })
                    ? .converged
                    : .iterationLimit("the line search found no decrease; largest gradient component \(g.map(abs).max() ?? 0)")
                return Outcome(point: x, value: f, gradient: g, iterations: iteration, status: status, inverseHessian: inverseHessian)
            }
            let s = zip(candidate, x).map { $0 - $1 }
            let y = zip(candidateGradient, g).map { $0 - $1 }
            let relativeChange = abs(f - candidateValue) / max(1, abs(f))
            x = candidate
            f = candidateValue
            g = candidateGradient
            if let index = x.firstIndex(where: { abs($0) > divergenceBound }) {
                let direction = x[index] > 0 ? "∞" : "0"
                return Outcome(
                    point: x, value: f, gradient: g, iterations: iteration,
                    status: .diverged("\(names[index]) runs off to \(direction): the data cannot determine it"))
            }
            stalled = relativeChange < valueTolerance ? stalled + 1 : 0
            if stalled >= 3 {
                return Outcome(point: x, value: f, gradient: g, iterations: iteration, status: .converged, inverseHessian: inverseHessian)
            }
            let sy = Self.dot(s, y)
            if sy > 1e-12 * Self.dot(s, s).squareRoot() * Self.dot(y, y).squareRoot() {
                inverseHessian = Self.update(inverseHessian, s: s, y: y, sy: sy)
            }
        }
        return Outcome(
            point: x, value: f, gradient: g, iterations: maximumIterations,
            status: .iterationLimit("\(maximumIterations) iterations; largest gradient component \(g.map(abs).max() ?? 0)"))
    }

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        matrix.map { dot($0, vector) }
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / yᵀs.
    private static func update(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        var result = h
        for i in 0..<n {
            for j in 0..<n {
                result[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
        return result
    }
}
