import Testing

@testable import CLVModels

@Suite("Value tiers")
struct ValueTierTests {
    static func counts(_ values: [Double], _ cuts: ValueTierCuts = ValueTierCuts()) -> [ValueTier: Int] {
        let thresholds = cuts.thresholds(values)
        return values.reduce(into: [:]) { $0[thresholds.tier($1), default: 0] += 1 }
    }

    @Test func distinctValuesSplitTwentyThirtyFifty() {
        let thresholds = ValueTierCuts().thresholds((1...10).map(Double.init).shuffled())
        #expect(thresholds == ValueTierThresholds(high: 9, medium: 6))
        #expect(Self.counts((0..<1000).map { Double($0) / 4 }.shuffled()) == [.high: 200, .medium: 300, .low: 500])
        #expect(Self.counts((0..<1000).map(Double.init), ValueTierCuts(highShare: 0.1, mediumShare: 0.2))
            == [.high: 100, .medium: 200, .low: 700])
    }

    @Test func tiesNeverSplitAndFallToTheLowerTier() {
        // 60 % worth nothing: the medium cut sits on 0, the high cut on 5.
        let values = Array(repeating: 0.0, count: 60) + Array(repeating: 5, count: 20) + Array(repeating: 10, count: 20)
        #expect(ValueTierCuts().thresholds(values.shuffled()) == ValueTierThresholds(high: 10, medium: 5))
        #expect(Self.counts(values) == [.high: 20, .medium: 20, .low: 60])
        // A tie on the high cut (two 8s at ranks 8 and 9) is medium: high stays under its share.
        let tied = [1.0, 2, 3, 4, 5, 6, 7, 8, 8, 10]
        #expect(ValueTierCuts().thresholds(tied) == ValueTierThresholds(high: 10, medium: 6))
        #expect(Self.counts(tied) == [.high: 1, .medium: 4, .low: 5])
    }

    @Test func nobodyStandsOutWhenAllAreEqual() {
        #expect(Self.counts(Array(repeating: 0, count: 50)) == [.low: 50])
        #expect(Self.counts(Array(repeating: 3, count: 50)) == [.low: 50])
        let none = ValueTierCuts().thresholds([])
        #expect(none.tier(1e300) == .low && none.high.isFinite)
    }

    @Test func sharesAreValidated() {
        #expect(ValueTierCuts().problem == nil)
        #expect(ValueTierCuts(highShare: 0).problem?.contains("highShare") == true)
        #expect(ValueTierCuts(mediumShare: -0.1).problem?.contains("mediumShare") == true)
        #expect(ValueTierCuts(highShare: 0.6, mediumShare: 0.5).problem?.contains("exceed 1") == true)
    }
}
