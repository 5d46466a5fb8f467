import RealModule

/// A fitted scorecard: P(label = true | x) = σ(intercept + Σ weights at the active columns of
/// x's expansion), one column per main feature's bin and one per cross.
public struct ScorecardModel: Sendable, Hashable, Codable {
    /// The basis learned from the training rows.
    public var expansion: ScorecardExpansion
    /// The log-odds each column adds when active.
    public var weights: [Double]
    public var intercept: Double
    /// Training rows, and those with each column active.
    public var rows: Int
    public var columnRows: [Int]
    /// Newton steps taken.
    public var iterations: Int
    /// Mean training log-loss at the optimum (without the penalty).
    public var logLoss: Double
    /// Whether the fit met its tolerance within its iterations.
    public var converged: Bool

    /// One column's term and weight, for reports.
    public struct Coefficient: Sendable, Hashable {
        public var column: Int
        public var term: ScorecardTerm
        /// Log-odds added when the term holds.
        public var weight: Double
        /// Share of the training rows for which it holds.
        public var share: Double
        /// `weight` times the indicator's standard deviation √(share (1 − share)): the change
        /// per standard deviation, as a standardised coefficient is, so that a strong but rare
        /// term does not outrank a common one it barely beats.
        public var standardisedWeight: Double { weight * (share * (1 - share)).squareRoot() }
    }

    /// A model from its parts: one weight and one row count per column of `expansion`.
    public init(
        expansion: ScorecardExpansion, weights: [Double], intercept: Double, rows: Int, columnRows: [Int], iterations: Int = 0,
        logLoss: Double = .nan, converged: Bool = true
    ) {
        precondition(weights.count == expansion.columnCount && columnRows.count == expansion.columnCount,
                     "ScorecardModel: \(weights.count) weights, \(columnRows.count) row counts for \(expansion.columnCount) columns")
        self.expansion = expansion
        self.weights = weights
        self.intercept = intercept
        self.rows = rows
        self.columnRows = columnRows
        self.iterations = iterations
        self.logLoss = logLoss
        self.converged = converged
    }

    /// The log-odds of `row` (raw features, as the model was trained on).
    public func logOdds(_ row: ArraySlice<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: expansion.termsPerRow) { columns in
            expansion.activeColumns(row, into: columns)
            return columns.reduce(intercept) { $0 + weights[Int($1)] }
        }
    }

    /// P(label = true | row).
    public func probability(_ row: ArraySlice<Double>) -> Double {
        Self.sigmoid(logOdds(row))
    }

    /// P(label = true) of every row, in row order, from the rows' expanded design, the rows
    /// split over the cores.
    public func probabilities(_ features: FeatureMatrix) -> [Double] {
        let design = expansion.design(features)
        let weights = weights, intercept = intercept, width = design.termsPerRow
        return ComputeThreads.chunks(count: design.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            design.columns.withUnsafeBufferPointer { columns in
                weights.withUnsafeBufferPointer { w in
                    range.map { row in
                        var eta = intercept
                        for k in (row * width)..<((row + 1) * width) { eta += w[Int(columns[k])] }
                        return Self.sigmoid(eta)
                    }
                }
            }
        }.flatMap { $0 }
    }

    /// Every column's coefficient, in column order.
    public var coefficients: [Coefficient] {
        weights.indices.map { column in
            Coefficient(
                column: column, term: expansion.term(column), weight: weights[column],
                share: rows > 0 ? Double(columnRows[column]) / Double(rows) : 0)
        }
    }

    /// σ(x) = 1 / (1 + e⁻ˣ) without overflow for large |x|.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Double.exp(-x)) }
        let e = Double.exp(x)
        return e / (1 + e)
    }
}
