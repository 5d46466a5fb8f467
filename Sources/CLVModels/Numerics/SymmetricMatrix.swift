/// Small dense symmetric matrices: enough linear algebra for covariance matrices of a few
/// parameters.
enum SymmetricMatrix {
    /// The inverse of a symmetric positive-definite matrix by Cholesky factorisation; nil when
    /// the matrix is not positive definite.
    static func inverse(ofPositiveDefinite matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var lower = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        // Solve L Lᵀ X = I column by column.
        var inverse = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for column in 0..<n {
            var y = Array(repeating: 0.0, count: n)
            for i in 0..<n {
                var sum = i == column ? 1.0 : 0.0
                for k in 0..<i { sum -= lower[i][k] * y[k] }
                y[i] = sum / lower[i][i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[i]
                for k in (i + 1)..<n { sum -= lower[k][i] * inverse[k][column] }
                inverse[i][column] = sum / lower[i][i]
            }
        }
        return inverse
    }
}

extension SymmetricMatrix {
    /// The solution x of A x = b for a symmetric positive-definite A given as its packed upper
    /// triangle (row i holds A[i][i], A[i][i+1], …, A[i][n−1]); nil when A is not positive definite.
    static func solve(packedPositiveDefinite packed: [Double], _ b: [Double]) -> [Double]? {
        let n = b.count
        precondition(packed.count == n * (n + 1) / 2, "SymmetricMatrix.solve: \(packed.count) packed values for dimension \(n)")
        // Cholesky A = L Lᵀ, L row-major in a flat n × n array.
        var lower = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                // A[i][j] = A[j][i] sits in packed row j (j ≤ i) at column i.
                var sum = packed[j * n - j * (j - 1) / 2 + (i - j)]
                for k in 0..<j { sum -= lower[i * n + k] * lower[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[i * n + i] = sum.squareRoot()
                } else {
                    lower[i * n + j] = sum / lower[j * n + j]
                }
            }
        }
        var x = b
        for i in 0..<n {
            for k in 0..<i { x[i] -= lower[i * n + k] * x[k] }
            x[i] /= lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= lower[k * n + i] * x[k] }
            x[i] /= lower[i * n + i]
        }
        return x
    }
}
