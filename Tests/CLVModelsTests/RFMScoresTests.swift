import Testing

@testable import CLVModels

@Suite("RFM scores and weights")
struct RFMScoresTests {
    @Test func allListsTheTriplesRecencyMajor() {
        let all = RFMScores.all
        #expect(all.count == 125 && Set(all).count == 125)
        #expect(all[0] == RFMScores(recency: 1, frequency: 1, monetary: 1))
        #expect(all[1] == RFMScores(recency: 1, frequency: 1, monetary: 2))
        #expect(all[5] == RFMScores(recency: 1, frequency: 2, monetary: 1))
        #expect(all[25] == RFMScores(recency: 2, frequency: 1, monetary: 1))
        #expect(all[124] == RFMScores(recency: 5, frequency: 5, monetary: 5))
    }

    @Test func compositeIsTheNormalisedWeightedMean() {
        let scores = RFMScores(recency: 5, frequency: 1, monetary: 3)
        #expect(abs(scores.composite(.standard) - (0.25 * 5 + 0.30 * 1 + 0.45 * 3)) < 1e-12)
        // Only the ratios matter.
        #expect(scores.composite(RFMWeights(recency: 2, frequency: 2, monetary: 2)) == 3)
        #expect(scores.composite(RFMWeights(recency: 0, frequency: 0, monetary: 7)) == 3)
        #expect(RFMScores(recency: 5, frequency: 5, monetary: 5).composite(.standard) == 5)
    }

    @Test func weightsAreValidated() {
        #expect(RFMWeights.standard.problem == nil)
        #expect(RFMWeights(recency: 0, frequency: 0, monetary: 1).problem == nil)
        #expect(RFMWeights(recency: -0.1, frequency: 0.5, monetary: 0.6).problem?.contains("recency") == true)
        #expect(RFMWeights(recency: 0.2, frequency: .infinity, monetary: 0.6).problem?.contains("frequency") == true)
        #expect(RFMWeights(recency: 0.2, frequency: 0.2, monetary: .nan).problem?.contains("monetary") == true)
        #expect(RFMWeights(recency: 0, frequency: 0, monetary: 0).problem?.contains("zero") == true)
    }
}
