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
