/// A Cholesky factor L (A = L Lᵀ) of a symmetric positive-definite matrix, kept to solve many
/// right-hand sides: the preconditioner of a conjugate-gradient run is applied once per step.
struct CholeskyFactor: Sendable {
    let dimension: Int
    /// Row-major n × n; the upper triangle is unused.
    private let lower: [Double]

    /// The factor of the matrix whose packed upper triangle is `packed` (row i from column i);
    /// nil when it is not positive definite.
    init?(packedPositiveDefinite packed: [Double], dimension n: Int) {
        precondition(packed.count == n * (n + 1) / 2, "CholeskyFactor: \(packed.count) packed values for dimension \(n)")
        var lower = [Double](repeating: 0, count: n * n)
        let definite = lower.withUnsafeMutableBufferPointer { l -> Bool in
            for i in 0..<n {
                for j in 0...i {
                    // A[i][j] = A[j][i] sits in packed row j at column i.
                    var sum = packed[j * n - j * (j - 1) / 2 + (i - j)]
                    let rowI = i * n, rowJ = j * n
                    for k in 0..<j { sum -= l[rowI + k] * l[rowJ + k] }
                    if i == j {
                        guard sum > 0, sum.isFinite else { return false }
                        l[rowI + i] = sum.squareRoot()
                    } else {
                        l[rowI + j] = sum / l[rowJ + j]
                    }
                }
            }
            return true
        }
        guard definite else { return nil }
        dimension = n
        self.lower = lower
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        let n = dimension
        var x = b
        lower.withUnsafeBufferPointer { l in
            x.withUnsafeMutableBufferPointer { x in
                for i in 0..<n {
                    var sum = x[i]
                    for k in 0..<i { sum -= l[i * n + k] * x[k] }
                    x[i] = sum / l[i * n + i]
                }
                for i in Swift.stride(from: n - 1, through: 0, by: -1) {
                    var sum = x[i]
                    for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
                    x[i] = sum / l[i * n + i]
                }
            }
        }
        return x
    }
}
