/// Customers whose labels follow a logistic model with known coefficients: the ground truth for
/// coefficient-recovery tests and benchmarks.
public struct LogisticSimulator: Sendable {
    /// Log-odds of a customer whose features are all 0.
    public var intercept: Double
    /// Change in log-odds per unit of each feature (the original scale).
    public var weights: [Double]
    /// Each feature is drawn independently from a normal with this mean and standard deviation.
    public var featureMeans: [Double]
    public var featureScales: [Double]

    public init(intercept: Double, weights: [Double], featureMeans: [Double]? = nil, featureScales: [Double]? = nil) {
        self.intercept = intercept
        self.weights = weights
        self.featureMeans = featureMeans ?? Array(repeating: 0, count: weights.count)
        self.featureScales = featureScales ?? Array(repeating: 1, count: weights.count)
        precondition(self.featureMeans.count == weights.count && self.featureScales.count == weights.count,
                     "LogisticSimulator: one mean and one scale per weight")
    }

    /// `rows` customers: their features and whether each is positive.
    public func sample(rows: Int, using generator: inout some RandomNumberGenerator) -> (features: FeatureMatrix, labels: [Bool]) {
        var variates = RandomVariates(generator: generator)
        defer { generator = variates.generator }
        var features = FeatureMatrix(columns: weights.count)
        features.reserveRows(rows)
        var labels: [Bool] = []
        labels.reserveCapacity(rows)
        var row = [Double](repeating: 0, count: weights.count)
        for _ in 0..<rows {
            var logOdds = intercept
            for column in row.indices {
                row[column] = featureMeans[column] + featureScales[column] * variates.standardNormal()
                logOdds += weights[column] * row[column]
            }
            features.append(row)
            labels.append(variates.uniform() < ScorecardModel.sigmoid(logOdds))
        }
        return (features, labels)
    }
}
