import RealModule

/// The penalised logistic log-likelihood over a `BinnedDesign`, as the passes over its rows
/// that a truncated Newton fit needs, each split over the cores.
///
/// Parameters θ = (intercept, w₀ … w_{p−1}); row i's log-odds is ηᵢ = θ₀ + Σ w at its active
/// columns. Objective: Σ log-loss + (l2 / 2) ‖w‖², the intercept not penalised. The fit keeps η
/// between passes, so a step's line search costs no pass over the design.
struct BinnedLogisticObjective: Sendable {
    let design: BinnedDesign
    let labels: [Bool]
    let l2: Double

    var parameterCount: Int { design.columnCount + 1 }

    /// Σ log-loss, the gradient and the Hessian's diagonal (both with the penalty's share), and
    /// each row's curvature p(1 − p), at log-odds `eta`.
    struct Derivatives {
        var logLoss: Double
        var gradient: [Double]
        var diagonal: [Double]
        var curvatures: [Double]
    }

    /// X θ: each row's θ₀ + Σ θ at its active columns (shifted by one for the intercept).
    func product(_ theta: [Double]) -> [Double] {
        let design = design
        return ComputeThreads.chunks(count: design.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            Self.withRows(design, range) { columns, width in
                theta.withUnsafeBufferPointer { t in
                    (0..<range.count).map { offset in
                        var sum = t[0]
                        for k in (offset * width)..<((offset + 1) * width) { sum += t[Int(columns[k]) &+ 1] }
                        return sum
                    }
                }
            }
        }.flatMap { $0 }
    }

    func derivatives(eta: [Double], theta: [Double]) -> Derivatives {
        let design = design, labels = labels, p = parameterCount
        let parts = ComputeThreads.chunks(count: design.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            var loss = 0.0
            var sums = [Double](repeating: 0, count: 2 * p)
            var curvatures = [Double](repeating: 0, count: range.count)
            Self.withRows(design, range) { columns, width in
                sums.withUnsafeMutableBufferPointer { s in
                    for (offset, row) in range.enumerated() {
                        // With e = exp(−|η|): loss = softplus(±η) and p(1 − p) = e / (1 + e)²,
                        // neither of which overflows or loses p near 0 or 1 to cancellation.
                        let value = eta[row]
                        let e = Double.exp(-abs(value))
                        let q = 1 / (1 + e)
                        loss += max(labels[row] ? -value : value, 0) + Double.log(onePlus: e)
                        let residual = (value >= 0 ? q : e * q) - (labels[row] ? 1 : 0)
                        let curvature = e * q * q
                        curvatures[offset] = curvature
                        s[0] += residual
                        s[p] += curvature
                        for k in (offset * width)..<((offset + 1) * width) {
                            let column = Int(columns[k]) &+ 1
                            s[column] += residual
                            s[p &+ column] += curvature
                        }
                    }
                }
            }
            return (loss, sums, curvatures)
        }
        var sums = parts[0].1
        for part in parts.dropFirst() { for index in sums.indices { sums[index] += part.1[index] } }
        var gradient = Array(sums[0..<p]), diagonal = Array(sums[p...])
        for index in 1..<p {
            gradient[index] += l2 * theta[index]
            diagonal[index] += l2
        }
        return Derivatives(
            logLoss: parts.reduce(0) { $0 + $1.0 }, gradient: gradient, diagonal: diagonal,
            curvatures: parts.count == 1 ? parts[0].2 : parts.flatMap(\.2))
    }

    /// H v = Xᵀ diag(curvatures) X v + l2 v (the intercept unpenalised), in one pass.
    func hessianProduct(_ v: [Double], curvatures: [Double]) -> [Double] {
        let design = design, p = parameterCount
        let parts = ComputeThreads.chunks(count: design.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            var sums = [Double](repeating: 0, count: p)
            Self.withRows(design, range) { columns, width in
                v.withUnsafeBufferPointer { v in
                    sums.withUnsafeMutableBufferPointer { s in
                        for (offset, row) in range.enumerated() {
                            let lower = offset * width, upper = lower + width
                            var sum = v[0]
                            for k in lower..<upper { sum += v[Int(columns[k]) &+ 1] }
                            let scaled = sum * curvatures[row]
                            s[0] += scaled
                            for k in lower..<upper { s[Int(columns[k]) &+ 1] += scaled }
                        }
                    }
                }
            }
            return sums
        }
        var product = parts[0]
        for part in parts.dropFirst() { for index in product.indices { product[index] += part[index] } }
        for index in 1..<p { product[index] += l2 * v[index] }
        return product
    }

    /// The objective at log-odds `eta + t · direction` and weights `theta + t · step`.
    func objective(eta: [Double], direction: [Double], t: Double, theta: [Double], step: [Double]) -> Double {
        let labels = labels
        let loss = ComputeThreads.chunks(count: eta.count, minimumCount: ParallelSum.minimumParallelCount) { range in
            var loss = 0.0
            for row in range {
                let value = eta[row] + t * direction[row]
                loss += max(labels[row] ? -value : value, 0) + Double.log(onePlus: Double.exp(-abs(value)))
            }
            return loss
        }.reduce(0, +)
        return loss + penalty(zip(theta, step).map { $0 + t * $1 })
    }

    /// (l2 / 2) ‖w‖², the intercept (θ₀) free.
    func penalty(_ theta: [Double]) -> Double {
        l2 / 2 * theta.dropFirst().reduce(0) { $0 + $1 * $1 }
    }

    /// `body` with the active columns of the rows in `range`, rebased to start at the range's
    /// first row, and the columns per row.
    static func withRows<T>(_ design: BinnedDesign, _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt16>, Int) -> T) -> T {
        let width = design.termsPerRow
        return design.columns.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[(range.lowerBound * width)..<(range.upperBound * width)]), width)
        }
    }
}
