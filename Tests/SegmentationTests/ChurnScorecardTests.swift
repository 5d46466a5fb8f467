import CLVModels
import CLVProto
@testable import Segmentation
import Testing

/// The churn scorecard's crosses name real features, and its report names every term.
@Suite struct ChurnScorecardTests {
    @Test func everyCrossedPairNamesTwoFeatures() {
        let options = ChurnFeatures.scorecardOptions(l2: 2)
        #expect(options.l2 == 2 && options.crosses.count == ChurnFeatures.crossed.count)
        let names = ChurnFeatures.all.map(\.name)
        for (pair, named) in zip(options.crosses, ChurnFeatures.crossed) {
            #expect(names[pair.first] == named.0 && names[pair.second] == named.1)
        }
        #expect(options.problem(features: ChurnFeatures.count) == nil)
    }

    @Test func coefficientsNameTheTermsAndTheirWeights() throws {
        let recency = try #require(ChurnFeatures.all.firstIndex { $0.name == "recency_days" })
        let issues = try #require(ChurnFeatures.all.firstIndex { $0.name == "issues_recent" })
        let expansion = ScorecardExpansion(
            featureCount: ChurnFeatures.count, mains: [.init(feature: recency, bins: FeatureBins(edges: [30, 60]))],
            crosses: [
                .init(first: .init(feature: recency, bins: FeatureBins(edges: [90])), second: .init(feature: issues, bins: FeatureBins(edges: [1])))
            ])
        let model = ScorecardModel(
            expansion: expansion, weights: [-0.5, 0, 0.8, 0, 0, 0, 1.2], intercept: 0.1, rows: 100,
            columnRows: [50, 30, 20, 40, 30, 20, 10])
        let coefficients = ChurnFeatures.coefficients(model)
        #expect(coefficients.map(\.feature) == [
            "recency_days < 30", "recency_days in [30, 60)", "recency_days ≥ 60", "recency_days < 90 × issues_recent < 1",
            "recency_days < 90 × issues_recent ≥ 1", "recency_days ≥ 90 × issues_recent < 1", "recency_days ≥ 90 × issues_recent ≥ 1",
        ])
        #expect(coefficients[0].description == "days since the last purchase")
        #expect(coefficients[6].description.hasPrefix("days since the last purchase; complaints"))
        // raw_weight is the log-odds when the term holds; weight is per SD of its indicator.
        #expect(coefficients[6].rawWeight == 1.2 && abs(coefficients[6].weight - 1.2 * (0.1 * 0.9).squareRoot()) < 1e-12)
        #expect(coefficients[0].weight == -0.5 * 0.5)
    }
}
