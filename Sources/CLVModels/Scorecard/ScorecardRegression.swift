import RealModule

/// L2-regularised logistic regression on a scorecard basis of the features: the
/// `ScorecardExpansion` learned from the training rows (quantile bins one-hot, plus crossed bins
/// of chosen pairs), then the penalised fit on that sparse design by truncated Newton.
/// Objective, over the expanded 0/1 columns (not standardised: each is an indicator):
///   sum_i logloss_i + (l2 / 2) * ||w||^2      (scikit-learn's with C = 1 / l2)
public enum ScorecardRegression {
    /// The basis and how hard to fit.
    public struct Options: Sendable, Hashable {
        /// Strength of the penalty on the weights; must be positive, since each feature's one-hot
        /// columns sum to the intercept's and only the penalty makes the optimum unique.
        public var l2 = 1.0
        /// Quantile bins per feature, at most (fewer where ties fill several quantiles), 2–64.
        public var maximumBins = 16
        /// Bins per feature of a cross, at most, 2–16: a cross has up to the square of them.
        public var crossBins = 8
        /// Pairs of feature indices whose bins are crossed.
        public var crosses: [Pair] = []
        /// Newton steps at most.
        public var maximumIterations = 50
        /// Stop when half the Newton decrement is at most this share of the penalised log-loss.
        public var tolerance = 1e-8

        /// Two features to cross.
        public struct Pair: Sendable, Hashable {
            public var first: Int
            public var second: Int
            public init(_ first: Int, _ second: Int) {
                self.first = first
                self.second = second
            }
        }

        public init(
            l2: Double = 1.0, maximumBins: Int = 16, crossBins: Int = 8, crosses: [Pair] = [], maximumIterations: Int = 50,
            tolerance: Double = 1e-8
        ) {
            self.l2 = l2
            self.maximumBins = maximumBins
            self.crossBins = crossBins
            self.crosses = crosses
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
        }

        /// What is wrong with these options for rows of `features` features, or nil.
        public func problem(features: Int) -> String? {
            if !(l2.isFinite && l2 > 0) { return "l2 must be a finite number > 0, not \(l2)" }
            if !(2...64).contains(maximumBins) { return "maximumBins must be 2 to 64, not \(maximumBins)" }
            if !(2...16).contains(crossBins) { return "crossBins must be 2 to 16, not \(crossBins)" }
            let valid = 0..<features
            if let bad = crosses.first(where: { $0.first == $0.second || !valid.contains($0.first) || !valid.contains($0.second) }) {
                return "cross (\(bad.first), \(bad.second)) must name two different features of 0..<\(features)"
            }
            if maximumIterations < 1 { return "maximumIterations must be at least 1, not \(maximumIterations)" }
            if !(tolerance.isFinite && tolerance > 0) { return "tolerance must be a finite number > 0, not \(tolerance)" }
            return nil
        }
    }

    /// Learns the basis from `features`, expands them and fits, from zero weights and the
    /// intercept at the log-odds of the positive rate.
    ///
    /// Throws `ModelError` for unusable options, no rows, a label count that is not the row
    /// count, a non-finite feature, or labels of a single class. A fit that runs out of
    /// iterations is returned with `converged == false`, not thrown.
    public static func fit(_ features: FeatureMatrix, labels: [Bool], options: Options = .init()) throws(ModelError) -> ScorecardModel {
        if let problem = options.problem(features: features.columns) { throw .invalidInput(problem) }
        guard features.rows > 0 else { throw .insufficientData("no rows to fit") }
        guard labels.count == features.rows else { throw .invalidInput("\(labels.count) labels for \(features.rows) rows") }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives > 0, positives < labels.count else {
            throw .insufficientData("every label is \(positives > 0), so there is no second class to separate")
        }
        if let bad = features.values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidInput(
                "row \(bad / features.columns), column \(bad % features.columns) is \(features.values[bad]), not a finite number")
        }
        let expansion = ScorecardExpansion.learn(
            features, maximumBins: options.maximumBins, crossBins: options.crossBins,
            crosses: options.crosses.map { ($0.first, $0.second) })
        let design = expansion.design(features)
        let objective = BinnedLogisticObjective(design: design, labels: labels, l2: options.l2)
        let rate = Double(positives) / Double(labels.count)
        let start = [Double.log(rate / (1 - rate))] + Array(repeating: 0, count: design.columnCount)
        let newton = TruncatedNewton(objective: objective, options: options).run(from: start)
        return ScorecardModel(
            expansion: expansion, weights: Array(newton.theta.dropFirst()), intercept: newton.theta[0],
            rows: features.rows, columnRows: design.columnCounts(), iterations: newton.iterations,
            logLoss: newton.logLoss / Double(features.rows),
            converged: newton.converged)
    }
}
