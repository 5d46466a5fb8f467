extension BinnedLogisticObjective {
    /// Rows the preconditioner's Hessian is summed over, at most: each costs (terms + 1)² / 2
    /// updates against the few a Hessian-vector product costs, so all million would cost more
    /// than the conjugate gradients they save.
    static let preconditionerRows = 50_000

    /// An approximation of the Hessian to precondition conjugate gradients with: Xᵀ D X over an
    /// evenly spaced sample of rows, scaled up to all of them, its diagonal raised to the exact
    /// one (a column rare in the sample keeps its true curvature), plus the penalty. Raising a
    /// diagonal keeps the matrix positive semi-definite, and the penalty makes it definite
    /// except along the intercept, whose curvature Σ p(1 − p) is positive.
    ///
    /// Packed upper triangle, row i from column i; `diagonal` is the exact one (with penalty).
    func sampledHessian(curvatures: [Double], diagonal: [Double]) -> [Double] {
        let design = design, p = parameterCount, width = design.termsPerRow
        let stride = max(1, design.rows / Self.preconditionerRows)
        let sampled = (design.rows + stride - 1) / stride
        let scale = Double(design.rows) / Double(max(1, sampled))
        // The sample's rows split over the cores, each summing into a matrix of its own.
        let parts = ComputeThreads.chunks(count: sampled, minimumCount: 2_000) { range in
            var packed = [Double](repeating: 0, count: p * (p + 1) / 2)
            var active = [Int](repeating: 0, count: width + 1)
            design.columns.withUnsafeBufferPointer { columns in
                packed.withUnsafeMutableBufferPointer { h in
                    for row in range.lazy.map({ $0 * stride }) {
                        // Parameter indices: the intercept (0), then each active column + 1, ascending.
                        active[0] = 0
                        for k in 0..<width { active[k + 1] = Int(columns[row * width + k]) + 1 }
                        let curvature = curvatures[row] * scale
                        for a in 0...width {
                            let i = active[a]
                            let start = i * p - i * (i - 1) / 2 - i
                            for b in a...width { h[start + active[b]] += curvature }
                        }
                    }
                }
            }
            return packed
        }
        var packed = parts[0]
        for part in parts.dropFirst() { for index in packed.indices { packed[index] += part[index] } }
        for i in 0..<p {
            let index = i * p - i * (i - 1) / 2
            let penalty = i == 0 ? 0 : l2
            packed[index] = max(packed[index], diagonal[i] - penalty) + penalty
        }
        return packed
    }
}
