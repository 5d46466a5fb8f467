import RealModule

/// A fitted logistic regression: P(label = true | x) = σ(intercept + Σⱼ weightsⱼ · (xⱼ − meansⱼ) / scalesⱼ).
public struct LogisticModel: Sendable, Hashable, Codable {
    /// Training means of the features.
    public var means: [Double]
    /// Training standard deviations of the features (population, as scikit-learn's
    /// `StandardScaler`); 1 for constant columns.
    public var scales: [Double]
    /// Coefficients on the standardised features.
    public var weights: [Double]
    /// Intercept on the standardised features: the log-odds of a customer at the means.
    public var intercept: Double
    /// Newton steps taken.
    public var iterations: Int
    /// Mean training log-loss at the optimum (without the penalty).
    public var logLoss: Double
    /// Whether the fit met its tolerance within its iterations.
    public var converged: Bool

    /// A model from its parts; `means`, `scales` and `weights` must have one entry per feature.
    public init(means: [Double], scales: [Double], weights: [Double], intercept: Double,
                iterations: Int = 0, logLoss: Double = .nan, converged: Bool = true) {
        precondition(means.count == weights.count && scales.count == weights.count,
                     "LogisticModel: \(means.count) means, \(scales.count) scales, \(weights.count) weights")
        self.means = means
        self.scales = scales
        self.weights = weights
        self.intercept = intercept
        self.iterations = iterations
        self.logLoss = logLoss
        self.converged = converged
    }

    /// The linear predictor (log-odds) of `row`.
    public func logOdds(_ row: ArraySlice<Double>) -> Double {
        precondition(row.count == weights.count, "LogisticModel: a row of \(row.count) features for \(weights.count) weights")
        var eta = intercept
        var column = 0
        for value in row {
            eta += weights[column] * (value - means[column]) / scales[column]
            column += 1
        }
        return eta
    }

    /// P(label = true | row).
    public func probability(_ row: ArraySlice<Double>) -> Double {
        Self.sigmoid(logOdds(row))
    }

    /// P(label = true) of every row, in row order, the rows split over the cores.
    public func probabilities(_ features: FeatureMatrix) -> [Double] {
        let model = self
        return ComputeThreads.chunks(count: features.rows, minimumCount: ParallelSum.minimumParallelCount) { range in
            range.map { model.probability(features[$0]) }
        }.flatMap { $0 }
    }

    /// Coefficients on the original (unstandardised) scale, for reports: the change in log-odds
    /// per unit of each feature.
    public var rawWeights: [Double] {
        zip(weights, scales).map { $0 / $1 }
    }

    /// The intercept on the original scale: the log-odds of a customer whose features are all 0.
    public var rawIntercept: Double {
        intercept - zip(rawWeights, means).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// σ(x) = 1 / (1 + e⁻ˣ) without overflow for large |x|.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Double.exp(-x)) }
        let e = Double.exp(x)
        return e / (1 + e)
    }
}
