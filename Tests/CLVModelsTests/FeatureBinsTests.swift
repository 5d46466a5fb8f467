import Testing

@testable import CLVModels

@Suite("Feature bins")
struct FeatureBinsTests {
    @Test func tiesNeverSplitEvenWhenTheyFillSeveralQuantiles() {
        // 60 zeros, then 1 … 40: the quartiles are 0, 0 and 15, so the zeros make one bin of
        // 60 rows where equal-count bins would hold 25, and 1 opens the next.
        let values = Array(repeating: 0.0, count: 60) + (1...40).map(Double.init)
        let bins = FeatureBins(learning: values.shuffled(), maximumBins: 4)
        #expect(bins.edges == [1, 15])
        let counts = values.reduce(into: [0, 0, 0]) { $0[bins.bin($1)] += 1 }
        #expect(counts == [60, 14, 26])
        // Equal values share a bin wherever they sit.
        for value in Set(values) {
            #expect(Set(values.filter { $0 == value }.map(bins.bin)).count == 1)
        }
    }

    @Test func fewDistinctValuesGetABinEach() {
        let bins = FeatureBins(learning: [5, 5, 7, 7, 7, 9], maximumBins: 16)
        #expect(bins.edges == [7, 9] && bins.count == 3)
        #expect([5.0, 7, 9].map(bins.bin) == [0, 1, 2])
        #expect(FeatureBins(learning: [3, 3, 3], maximumBins: 8).count == 1)
        #expect(FeatureBins(learning: [], maximumBins: 8).count == 1)
    }

    @Test func unseenValuesGoToTheBinTheirPlaceGives() {
        let values = Array(repeating: 0.0, count: 60) + (1...40).map(Double.init)
        let bins = FeatureBins(learning: values, maximumBins: 4)
        // Beyond the training range: the edge bins.
        #expect(bins.bin(-1_000) == 0 && bins.bin(1e9) == 2)
        // Between training values: by the edges, each bin being [lower, upper).
        #expect(bins.bin(0.5) == 0 && bins.bin(14.5) == 1 && bins.bin(15) == 2)
        #expect(bins.bounds(0) == (nil, 1) && bins.bounds(1) == (1, 15) && bins.bounds(2) == (15, nil))
    }

    @Test func valuesWithoutHeavyTiesGetQuantileBins() {
        var generator = SplitMix64(seed: 8)
        let values = (0..<5_000).map { _ in Double(generator.next() % 1_000) / 7 }
        let bins = FeatureBins(learning: values, maximumBins: 10)
        // The edges are the deciles, each opening its bin; each bin holds about a tenth.
        #expect(bins.edges == RFMBinning.cutPoints(values, quantiles: (1..<10).map { Double($0) / 10 }))
        let counts = values.reduce(into: [Int](repeating: 0, count: bins.count)) { $0[bins.bin($1)] += 1 }
        #expect(counts.count == 10 && counts.allSatisfy { (440...560).contains($0) }, "\(counts)")
    }

    @Test func aHeavyTieAtTheTopGetsABinOfItsOwn() {
        // P(alive) is exactly 1 for a third of the customers (one-time buyers).
        let values = (0..<200).map { Double($0) / 300 } + Array(repeating: 1.0, count: 100)
        let bins = FeatureBins(learning: values, maximumBins: 6)
        #expect(bins.edges.last == 1 && bins.count == 6)
        #expect(values.filter { bins.bin($0) == bins.count - 1 }.count == 100)
    }

    @Test func termsNameTheirBounds() {
        let bins = FeatureBins(edges: [30, 60.5])
        let main = ScorecardExpansion.Main(feature: 1, bins: bins)
        let names = ["tenure_days", "recency_days"]
        let texts = (0..<3).map { ScorecardTerm(conditions: [.init(main, bin: $0)]).text(names: names) }
        #expect(texts == ["recency_days < 30", "recency_days in [30, 60.5)", "recency_days ≥ 60.5"])
    }
}
