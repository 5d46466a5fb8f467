/// The penalised logistic log-likelihood over standardised features, with its gradient and
/// Hessian, in one pass over the rows split over the cores.
///
/// Parameters θ = (intercept, w₁ … w_d) act on z = (x − mean) / scale, computed row by row
/// rather than stored: a standardised copy would double the memory of a million-row fit.
struct LogisticObjective: Sendable {
    let features: FeatureMatrix
    let labels: [Bool]
    let scaling: FeatureScaling
    let l2: Double

    struct Evaluation {
        /// Σ log-loss + (l2 / 2) ‖w‖².
        var objective: Double
        /// Σ log-loss alone.
        var logLoss: Double
        /// ∂objective/∂θ; empty when derivatives were not asked for.
        var gradient: [Double]
        /// ∂²objective/∂θ², packed upper triangle (row i from column i); empty likewise.
        var hessian: [Double]
    }

    var parameterCount: Int { features.columns + 1 }

    func evaluate(_ theta: [Double], derivatives: Bool) -> Evaluation {
        let n = parameterCount
        let packed = n * (n + 1) / 2
        let width = derivatives ? 1 + n + packed : 1
        // θ, means and 1 / scales side by side: one buffer for the inner loop to read.
        let constants = theta + scaling.means + scaling.scales.map { 1 / $0 }
        let features = features, labels = labels
        let sums = ParallelSum.sum(count: features.rows, width: width) { range in
            LogisticRowSums.sum(range, features: features, labels: labels, constants: constants, derivatives: derivatives)
        }
        let weights = theta.dropFirst()
        var gradient = derivatives ? Array(sums[1...n]) : []
        var hessian = derivatives ? Array(sums[(1 + n)...]) : []
        if derivatives {
            // The penalty's share: l2 · w and l2 on the diagonal, the intercept (index 0) free.
            for i in 1..<n {
                gradient[i] += l2 * theta[i]
                hessian[i * n - i * (i - 1) / 2] += l2
            }
        }
        let penalty = l2 / 2 * weights.reduce(0) { $0 + $1 * $1 }
        return Evaluation(objective: sums[0] + penalty, logLoss: sums[0], gradient: gradient, hessian: hessian)
    }
}
