import Foundation
import Testing

@testable import CLVModels

@Suite("Scorecard regression")
struct ScorecardRegressionTests {
    /// A known scorecard: a level 0 … 3 with its own log-odds, a flag, their interaction in
    /// level 3 with the flag, and a normal feature without any effect.
    static func truth(level: Int, flag: Bool) -> Double {
        -1 + [0, 0.8, 1.6, -0.5][level] + (flag ? 1.2 : 0) + (level == 3 && flag ? 1.5 : 0)
    }

    static func sample(rows: Int, seed: UInt64) -> (features: FeatureMatrix, labels: [Bool]) {
        var variates = RandomVariates(generator: SplitMix64(seed: seed))
        var features = FeatureMatrix(columns: 3)
        features.reserveRows(rows)
        var labels: [Bool] = []
        for _ in 0..<rows {
            let level = Int(variates.generator.next() % 4)
            let flag = variates.uniform() < 0.3
            features.append([Double(level), flag ? 1 : 0, variates.standardNormal()])
            labels.append(variates.uniform() < ScorecardModel.sigmoid(truth(level: level, flag: flag)))
        }
        return (features, labels)
    }

    static let options = ScorecardRegression.Options(l2: 1, maximumBins: 16, crossBins: 8, crosses: [.init(0, 1)])

    @Test func recoversAKnownScorecard() async throws {
        let (features, labels) = Self.sample(rows: 120_000, seed: 12)
        let model = try await onOwnThread { try ScorecardRegression.fit(features, labels: labels, options: Self.options) }
        #expect(model.converged && model.iterations < 20)
        #expect(model.expansion.mains.map(\.bins.count) == [4, 2, 16])
        // Each cell's log-odds, with the noise feature near its median: about 0.025 of standard
        // error in the smallest cells (9,000 rows) plus as much from the noise feature's bin.
        for level in 0..<4 {
            for flag in [false, true] {
                let fitted = model.logOdds([Double(level), flag ? 1 : 0, 0.01][...])
                #expect(abs(fitted - Self.truth(level: level, flag: flag)) < 0.15, "level \(level), flag \(flag): \(fitted)")
            }
        }
        // The noise feature's bins carry no effect: 7,500 rows each, a standard error near 0.025.
        let noise = model.coefficients.filter { $0.term.conditions.count == 1 && $0.term.conditions[0].feature == 2 }
        #expect(noise.count == 16 && noise.allSatisfy { abs($0.weight) < 0.12 }, "\(noise.map(\.weight))")
    }

    @Test func theFitIsThePenalisedOptimum() throws {
        let (features, labels) = Self.sample(rows: 30_000, seed: 4)
        let model = try ScorecardRegression.fit(features, labels: labels, options: Self.options)
        let design = model.expansion.design(features)
        let objective = BinnedLogisticObjective(design: design, labels: labels, l2: 1)
        let theta = [model.intercept] + model.weights
        let gradient = objective.derivatives(eta: objective.product(theta), theta: theta).gradient
        // Against Σ |residual| of about 12,000: the gradient has vanished.
        #expect(gradient.allSatisfy { abs($0) < 1e-4 }, "largest \(gradient.map(abs).max() ?? 0)")
        // The probabilities are the design's: σ(θ₀ + Σ w at the active columns).
        let eta = objective.product(theta)
        let probabilities = model.probabilities(features)
        #expect([0, 17, 29_999].allSatisfy { abs(probabilities[$0] - ScorecardModel.sigmoid(eta[$0])) < 1e-15 })
    }

    @Test func theModelSurvivesJSON() throws {
        let (features, labels) = Self.sample(rows: 5_000, seed: 9)
        let model = try ScorecardRegression.fit(features, labels: labels, options: Self.options)
        let decoded = try JSONDecoder().decode(ScorecardModel.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
        #expect(decoded.probabilities(features) == model.probabilities(features))
        // Shares: every row is in one bin of each main.
        let levelShares = model.coefficients.filter { $0.term.conditions.map(\.feature) == [0] }.map(\.share)
        #expect(abs(levelShares.reduce(0, +) - 1) < 1e-12 && levelShares.allSatisfy { $0 > 0.2 && $0 < 0.3 })
    }

    @Test func badInputIsRefused() {
        let (features, labels) = Self.sample(rows: 200, seed: 1)
        #expect(throws: ModelError.invalidInput("l2 must be a finite number > 0, not 0.0")) {
            try ScorecardRegression.fit(features, labels: labels, options: .init(l2: 0))
        }
        #expect(throws: ModelError.invalidInput("cross (1, 1) must name two different features of 0..<3")) {
            try ScorecardRegression.fit(features, labels: labels, options: .init(crosses: [.init(1, 1)]))
        }
        #expect(ScorecardRegression.Options(maximumBins: 1).problem(features: 3) != nil)
        #expect(ScorecardRegression.Options(crossBins: 17).problem(features: 3) != nil)
        #expect(throws: ModelError.insufficientData("every label is false, so there is no second class to separate")) {
            try ScorecardRegression.fit(features, labels: Array(repeating: false, count: 200))
        }
        var values = features.values
        values[4] = .nan
        #expect(throws: ModelError.invalidInput("row 1, column 1 is nan, not a finite number")) {
            try ScorecardRegression.fit(FeatureMatrix(columns: 3, values: values), labels: labels)
        }
    }
}
