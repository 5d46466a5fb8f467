import Foundation
import Testing

@testable import CLVModels

@Suite("Logistic regression")
struct LogisticRegressionTests {
    /// Eight customers, two features; the tiny example the scikit-learn constants below are for.
    static let tiny: (features: FeatureMatrix, labels: [Bool]) = (
        FeatureMatrix(columns: 2, values: [1, 20, 2, 35, 3, 18, 4, 40, 5, 22, 6, 50, 7, 30, 8, 45]),
        [false, false, true, false, true, true, false, true]
    )

    /// The penalised gradient at a fitted model, recomputed from scratch.
    static func gradient(of model: LogisticModel, _ features: FeatureMatrix, _ labels: [Bool], l2: Double) -> [Double] {
        let scaling = FeatureScaling(means: model.means, scales: model.scales)
        let objective = LogisticObjective(features: features, labels: labels, scaling: scaling, l2: l2)
        return objective.evaluate([model.intercept] + model.weights, derivatives: true).gradient
    }

    @Test func featureMatrixKeepsRowsInOrder() {
        var matrix = FeatureMatrix(columns: 3)
        matrix.reserveRows(2)
        matrix.append([1, 2, 3])
        matrix.append([4, 5, 6])
        #expect(matrix.rows == 2 && matrix.values == [1, 2, 3, 4, 5, 6])
        #expect(Array(matrix[1]) == [4, 5, 6])
        #expect(FeatureMatrix(columns: 2, values: [1, 2, 3, 4, 5, 6]).rows == 3)
        #expect(FeatureMatrix(columns: 0).rows == 0)
    }

    @Test func tinyExampleMatchesScikitLearn() throws {
        // scikit-learn 1.7.2: StandardScaler().fit_transform(x), then LogisticRegression(C=1/l2,
        // solver="newton-cholesky", tol=1e-15): intercept_, coef_ and the mean log-loss of
        // predict_proba. (solver="lbfgs" stops on a relative decrease of 64ε, ~1e-7 short of these.)
        let expected: [(l2: Double, intercept: Double, weights: [Double], logLoss: Double)] = [
            (1.0, -3.589563176794856e-05, [0.6279005621530754, -0.0743314383076776], 0.6027253313874068),
            (0.25, 0.00023454865938756634, [0.9686872179590548, -0.25378562972612606], 0.5828455718607228),
        ]
        for sklearn in expected {
            let model = try LogisticRegression.fit(Self.tiny.features, labels: Self.tiny.labels, options: .init(l2: sklearn.l2))
            #expect(model.converged && model.iterations < 10)
            // StandardScaler's mean_ and scale_ (population standard deviation).
            #expect(model.means == [4.5, 32.5])
            #expect(abs(model.scales[0] - 2.29128784747792) < 1e-12 && abs(model.scales[1] - 11.224972160321824) < 1e-12)
            #expect(abs(model.intercept - sklearn.intercept) < 1e-9, "intercept \(model.intercept)")
            for (ours, theirs) in zip(model.weights, sklearn.weights) {
                #expect(abs(ours - theirs) < 1e-9, "weight \(ours) vs \(theirs)")
            }
            #expect(abs(model.logLoss - sklearn.logLoss) < 1e-10)
            // The optimum: the penalised gradient vanishes.
            let gradient = Self.gradient(of: model, Self.tiny.features, Self.tiny.labels, l2: sklearn.l2)
            #expect(gradient.allSatisfy { abs($0) < 1e-8 }, "gradient \(gradient)")
        }
    }

    @Test func recoversSimulatedCoefficients() async throws {
        let truth = LogisticSimulator(
            intercept: -1.5, weights: [0.8, -0.05, 2.0, 0],
            featureMeans: [0, 40, 0.5, -3], featureScales: [1, 10, 0.5, 5])
        let model = try await onOwnThread {
            var generator = SplitMix64(seed: 12)
            let (features, labels) = truth.sample(rows: 100_000, using: &generator)
            return try LogisticRegression.fit(features, labels: labels, options: .init(l2: 1e-3))
        }
        #expect(model.converged)
        // 1 / √(n · mean p(1 − p) · variance) puts the standard errors near 0.009, 0.0009, 0.018
        // and 0.0018 on the raw scale: the tolerances are about 4.5 of them.
        let tolerances = [0.04, 0.004, 0.08, 0.008]
        for (index, (fitted, actual)) in zip(model.rawWeights, truth.weights).enumerated() {
            #expect(abs(fitted - actual) < tolerances[index], "weight \(index): \(fitted) vs \(actual)")
        }
        #expect(abs(model.rawIntercept - truth.intercept) < 0.1, "intercept \(model.rawIntercept)")
        #expect(abs(model.means[1] - 40) < 0.1 && abs(model.scales[1] - 10) < 0.1)
    }

    @Test func separableDataConvergesWithAPenalty() throws {
        var features = FeatureMatrix(columns: 2)
        var labels: [Bool] = []
        for index in 0..<200 {
            let x = Double(index - 100) / 10
            features.append([x, Double(index % 7)])
            labels.append(x > 0)
        }
        let model = try LogisticRegression.fit(features, labels: labels, options: .init(l2: 1))
        #expect(model.converged && model.iterations < 30)
        // scikit-learn 1.7.2, LogisticRegression(C=1, tol=1e-12) on StandardScaler output: coef_ 4.55896604.
        #expect(abs(model.weights[0] - 4.55896604) < 1e-5, "weight \(model.weights[0])")
        #expect((0..<200).allSatisfy { (model.probability(features[$0]) > 0.5) == labels[$0] })
        let gradient = Self.gradient(of: model, features, labels, l2: 1)
        #expect(gradient.allSatisfy { abs($0) < 1e-8 }, "gradient \(gradient)")
    }

    @Test func separableDataWithoutAPenaltyGrowsUntilTheLossIsNegligible() throws {
        let features = FeatureMatrix(columns: 1, values: [-3, -2, -1, 1, 2, 3])
        let labels = [false, false, false, true, true, true]
        let model = try LogisticRegression.fit(features, labels: labels, options: .init(l2: 0))
        // No finite optimum: the weight grows until a step's gain is below the tolerance.
        #expect(model.logLoss < 1e-7 && model.weights[0] > 10 && model.weights[0].isFinite)
        #expect(model.probability([1]) > 0.999 && model.probability([-1]) < 0.001)
    }

    @Test func constantColumnGetsScaleOneAndNoWeight() throws {
        var features = FeatureMatrix(columns: 2)
        for row in Self.tiny.features.values.indices where row % 2 == 0 {
            features.append([Self.tiny.features.values[row], 7.25])
        }
        let model = try LogisticRegression.fit(features, labels: Self.tiny.labels)
        #expect(model.scales[1] == 1 && model.means[1] == 7.25)
        #expect(model.weights[1] == 0)
        #expect(model.converged)
    }

    @Test func probabilitiesOverTheCoresMatchRowByRow() {
        var generator = SplitMix64(seed: 3)
        let (features, _) = LogisticSimulator(intercept: 0, weights: [1, 1, 1]).sample(rows: 50_000, using: &generator)
        let model = LogisticModel(means: [0.1, -2, 30], scales: [1, 0.5, 20], weights: [0.4, -1.2, 2], intercept: -0.7)
        let all = model.probabilities(features)
        #expect(all.count == 50_000)
        for row in [0, 1, 24_999, 25_000, 49_999] {
            #expect(all[row] == model.probability(features[row]))
        }
        #expect(all.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func badInputIsRefused() {
        let (features, labels) = Self.tiny
        #expect(throws: ModelError.insufficientData("no rows to fit")) {
            try LogisticRegression.fit(FeatureMatrix(columns: 2), labels: [])
        }
        #expect(throws: ModelError.invalidInput("7 labels for 8 rows")) {
            try LogisticRegression.fit(features, labels: Array(labels.dropLast()))
        }
        #expect(throws: ModelError.insufficientData("every label is true, so there is no second class to separate")) {
            try LogisticRegression.fit(features, labels: Array(repeating: true, count: 8))
        }
        var values = features.values
        values[7] = .infinity
        #expect(throws: ModelError.invalidInput("row 3, column 1 is inf, not a finite number")) {
            try LogisticRegression.fit(FeatureMatrix(columns: 2, values: values), labels: labels)
        }
        #expect(LogisticRegression.Options(l2: -1).problem != nil)
        #expect(LogisticRegression.Options(maximumIterations: 0).problem != nil)
        #expect(LogisticRegression.Options(tolerance: .nan).problem != nil)
        #expect(LogisticRegression.Options().problem == nil)
        #expect(throws: ModelError.invalidInput("l2 must be a finite number ≥ 0, not -1.0")) {
            try LogisticRegression.fit(features, labels: labels, options: .init(l2: -1))
        }
    }
}
