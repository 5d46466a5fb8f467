import RealModule

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
            var partial = [Double](repeating: 0, count: width)
            var z = [Double](repeating: 1, count: n)  // z[0] = 1 multiplies the intercept
            features.values.withUnsafeBufferPointer { x in
                labels.withUnsafeBufferPointer { y in
                    constants.withUnsafeBufferPointer { c in
                        partial.withUnsafeMutableBufferPointer { sum in
                            z.withUnsafeMutableBufferPointer { z in
                                Self.accumulate(range, x: x, y: y, constants: c, z: z, into: sum, derivatives: derivatives)
                            }
                        }
                    }
                }
            }
            return partial
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

    /// Adds the rows of `range` into `sum`: [Σ loss, gradient…, packed Hessian…].
    private static func accumulate(
        _ range: Range<Int>, x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Bool>,
        constants c: UnsafeBufferPointer<Double>, z: UnsafeMutableBufferPointer<Double>,
        into sum: UnsafeMutableBufferPointer<Double>, derivatives: Bool
    ) {
        let n = z.count
        let d = n - 1
        for row in range {
            let base = row * d
            var eta = c[0]
            for j in 0..<d {
                let value = (x[base + j] - c[n + j]) * c[n + d + j]
                z[j + 1] = value
                eta += c[j + 1] * value
            }
            // With e = exp(−|η|): loss = softplus(±η) and p(1 − p) = e / (1 + e)², neither of
            // which overflows or loses p near 0 or 1 to cancellation.
            let e = Double.exp(-abs(eta))
            let q = 1 / (1 + e)
            let margin = y[row] ? -eta : eta
            sum[0] += max(margin, 0) + Double.log(onePlus: e)
            guard derivatives else { continue }
            let p = eta >= 0 ? q : e * q
            let residual = p - (y[row] ? 1 : 0)
            let weight = e * q * q
            for i in 0..<n { sum[1 + i] += residual * z[i] }
            var k = 1 + n
            for i in 0..<n {
                let wi = weight * z[i]
                for j in i..<n { sum[k + j - i] += wi * z[j] }
                k += n - i
            }
        }
    }
}
