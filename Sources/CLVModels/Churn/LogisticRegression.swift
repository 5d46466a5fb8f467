import RealModule

/// L2-regularised logistic regression: features standardised (mean 0, sd 1, from the training
/// rows; constant columns get scale 1), intercept not penalised. Objective:
///   sum_i logloss_i + (l2 / 2) * ||w||^2      (same as scikit-learn's with C = 1 / l2)
public enum LogisticRegression {
    /// How hard to fit.
    public struct Options: Sendable, Hashable, Codable {
        /// Strength of the penalty on the standardised weights. 0 fits without one: separable
        /// data then has no finite optimum, and the weights grow until a step gains less than
        /// the tolerance (the log-loss is then about that small).
        public var l2 = 1.0
        /// Newton steps at most.
        public var maximumIterations = 50
        /// Relative decrease at which to stop: when the Newton decrement predicts that a full
        /// step lowers the objective by at most `tolerance · max(1, objective)`, that last step
        /// is taken and the fit has converged. Newton converges quadratically, so the final
        /// gradient is then far below √tolerance.
        public var tolerance = 1e-8

        public init(l2: Double = 1.0, maximumIterations: Int = 50, tolerance: Double = 1e-8) {
            self.l2 = l2
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
        }

        /// What is wrong with these options, or nil when they can be used.
        public var problem: String? {
            if !(l2.isFinite && l2 >= 0) { return "l2 must be a finite number ≥ 0, not \(l2)" }
            if maximumIterations < 1 { return "maximumIterations must be at least 1, not \(maximumIterations)" }
            if !(tolerance.isFinite && tolerance > 0) { return "tolerance must be a finite number > 0, not \(tolerance)" }
            return nil
        }
    }

    /// Newton's method (IRLS) with step halving, from zero weights and the intercept at the
    /// log-odds of the positive rate. Each step costs one pass over the rows (gradient, Hessian
    /// and objective together, split over the cores); the step is solved by Cholesky.
    ///
    /// Throws `ModelError` for unusable options, no rows, a label count that is not the row
    /// count, a non-finite feature, or labels of a single class. A fit that runs out of
    /// iterations is returned with `converged == false`, not thrown.
    public static func fit(_ features: FeatureMatrix, labels: [Bool], options: Options = .init()) throws(ModelError) -> LogisticModel {
        if let problem = options.problem { throw .invalidInput(problem) }
        guard features.rows > 0 else { throw .insufficientData("no rows to fit") }
        guard labels.count == features.rows else {
            throw .invalidInput("\(labels.count) labels for \(features.rows) rows")
        }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives > 0, positives < labels.count else {
            throw .insufficientData("every label is \(positives > 0), so there is no second class to separate")
        }
        let scaling = try FeatureScaling(features)
        let objective = LogisticObjective(features: features, labels: labels, scaling: scaling, l2: options.l2)
        let rate = Double(positives) / Double(labels.count)
        let start = [Double.log(rate / (1 - rate))] + Array(repeating: 0, count: features.columns)
        let newton = NewtonIteration(objective: objective, options: options).run(from: start)
        return LogisticModel(
            means: scaling.means, scales: scaling.scales, weights: Array(newton.theta.dropFirst()),
            intercept: newton.theta[0], iterations: newton.iterations,
            logLoss: newton.logLoss / Double(features.rows), converged: newton.converged)
    }
}
